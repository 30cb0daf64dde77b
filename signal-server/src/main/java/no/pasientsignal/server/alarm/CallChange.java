package no.pasientsignal.server.alarm;

import java.util.Objects;

/** One change to the set of active calls, as delivered to listeners in the order it happened. */
public record CallChange(Kind kind, ActiveCall call) {

    public enum Kind {
        RAISED,
        CANCELLED
    }

    public CallChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
    }
}
