package no.pasientsignal.server.alarm;

/** A staff action the lifecycle does not allow; the message says why in words staff understand. */
public final class AlarmRefused extends RuntimeException {

    public enum Reason {
        NOT_FOUND,
        NOT_OPEN,
        RULE
    }

    private final Reason reason;

    public AlarmRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
