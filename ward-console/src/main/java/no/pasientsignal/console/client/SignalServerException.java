package no.pasientsignal.console.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Anything that went wrong talking to the signal server. The message is one plain sentence fit for a log line; the
 * {@link #reason()} tells a UI which sentence of its own to show.
 */
public final class SignalServerException extends RuntimeException {

    /** What kind of failure this was. */
    public enum Reason {
        /** No connection could be made, or the server did not answer in time. */
        NOT_REACHABLE,
        /** {@code POST /login} answered 401: wrong user name or password. */
        INVALID_CREDENTIALS,
        /** An {@code /api/**} call answered 401: the access token is missing, wrong or expired. */
        UNAUTHORIZED,
        /** The server answered, but not as the API says (status or body). */
        UNEXPECTED_RESPONSE,
        /**
         * The server refused the request (400, 404, 409, 422) and said why in one sentence: {@link #serverMessage()}.
         * Nothing was changed.
         */
        REFUSED,
        /** The server answered 403: the user's roles do not allow this. */
        FORBIDDEN,
        /** The server answered 503: it works but cannot do this now (e.g. the audit trail is failing or filling). */
        UNAVAILABLE
    }

    private final Reason reason;
    private final int status;
    private final String serverMessage;

    public SignalServerException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SignalServerException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, 0, null);
    }

    /**
     * @param status the HTTP status the server answered, 0 when it did not answer
     * @param serverMessage the server's own sentence ({@code {"message": ...}}), or {@code null}
     */
    public SignalServerException(Reason reason, String message, Throwable cause, int status, String serverMessage) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the server answered, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The server's own sentence explaining a refusal, if it sent one. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage).filter(m -> !m.isBlank());
    }
}
