package no.pasientsignal.server.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change was made, but its audit entry could not be written (see {@link AuditTrail}): 503, with
 * a sentence saying the change is in force, so nobody makes it twice.
 */
final class NotRecorded extends RuntimeException {

    NotRecorded(String reason) {
        super(
                "Saved and in force, but not yet recorded in the audit journal: the server cannot write to its"
                        + " disk (" + reason + "). The record waits in memory and is written when the disk works"
                        + " again; do not repeat the change.",
                null,
                false,
                false);
    }

    /** 503 with the sentence. */
    @Produces
    @Singleton
    @Requires(classes = ExceptionHandler.class)
    static class Handler implements ExceptionHandler<NotRecorded, HttpResponse<ApiError>> {

        private static final Logger LOG = LoggerFactory.getLogger(NotRecorded.class);

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, NotRecorded exception) {
            LOG.warn(
                    "{} {} done but not journaled: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError(exception.getMessage()));
        }
    }
}
