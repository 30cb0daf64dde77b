package no.pasientsignal.console.client;

import java.util.Objects;

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
        UNEXPECTED_RESPONSE
    }

    private final Reason reason;

    public SignalServerException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SignalServerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
