package no.pasientsignal.server.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Refusal}: its status with its sentence as the {@link ApiError}. */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, Refusal refusal) {
        LOG.info(
                "{} {} refused ({}): {}",
                request.getMethod(),
                request.getPath(),
                refusal.status().getCode(),
                refusal.getMessage());
        return HttpResponse.<ApiError>status(refusal.status()).body(new ApiError(refusal.getMessage()));
    }
}
