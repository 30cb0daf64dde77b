package no.pasientsignal.server.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import no.pasientsignal.server.persistence.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write the database refused (a serial or room number already taken, a reference to nothing):
 * 409 with a plain sentence. The transaction was rolled back, so nothing was written.
 */
@Produces
@Singleton
@Requires(classes = {ConstraintViolationException.class, ExceptionHandler.class})
public class ConflictHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException exception) {
        LOG.info("{} {} refused by the database: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return HttpResponse.status(HttpStatus.CONFLICT)
                .body(new ApiError("Refused: this conflicts with what is already registered (for example a serial"
                        + " number, device id or room number in use). Nothing was saved."));
    }
}
