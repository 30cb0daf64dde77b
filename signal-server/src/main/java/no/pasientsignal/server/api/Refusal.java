package no.pasientsignal.server.api;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/**
 * A request refused before anything was written, with the status and the plain sentence to answer
 * with ({@link RefusalHandler}). Thrown while a request is translated to the domain, so the
 * mapping code can stop at the first field it cannot accept.
 */
final class Refusal extends RuntimeException {

    private final HttpStatus status;

    private Refusal(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** 400 naming the field: {@code field: sentence.} */
    static Refusal badRequest(String field, String sentence) {
        return new Refusal(HttpStatus.BAD_REQUEST, field + ": " + sentence(sentence));
    }

    /** 400 for a value a domain constructor refused; its message becomes the sentence. */
    static Refusal badRequest(String field, IllegalArgumentException refused) {
        return badRequest(field, refused.getMessage());
    }

    static Refusal notFound(String sentence) {
        return new Refusal(HttpStatus.NOT_FOUND, sentence(sentence));
    }

    static Refusal conflict(String sentence) {
        return new Refusal(HttpStatus.CONFLICT, sentence(sentence));
    }

    /** 503: a dependency (the audit journal) cannot do its part, so nothing was done. */
    static Refusal unavailable(String sentence) {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, sentence(sentence));
    }

    static Refusal forbidden(String sentence) {
        return new Refusal(HttpStatus.FORBIDDEN, sentence(sentence));
    }

    HttpStatus status() {
        return status;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
