package no.pasientsignal.console.client;

import java.util.Locale;

/**
 * One change on the live call stream: {@code {"change":"RAISED"|"CANCELLED","call":{...}}}.
 *
 * @param change the change kind exactly as sent; see {@link #kind()} for the typed view
 * @param call the call the change is about
 */
public record CallChange(String change, ActiveCall call) {

    /** The change kinds the console understands; anything else is {@link #UNKNOWN} and is ignored by the board. */
    public enum Kind {
        RAISED,
        CANCELLED,
        UNKNOWN
    }

    public Kind kind() {
        if (change == null) {
            return Kind.UNKNOWN;
        }
        return switch (change.trim().toUpperCase(Locale.ROOT)) {
            case "RAISED" -> Kind.RAISED;
            case "CANCELLED" -> Kind.CANCELLED;
            default -> Kind.UNKNOWN;
        };
    }
}
