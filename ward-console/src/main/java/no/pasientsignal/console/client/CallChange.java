package no.pasientsignal.console.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Locale;

/**
 * One change on the live alarm stream: {@code {"change":"RAISED"|"NOTIFIED"|...|"RESOLVED"|"CANCELLED",
 * "alarm":{...}}}.
 *
 * @param change the change kind exactly as sent; see {@link #kind()} for the typed view
 * @param call the alarm after the change
 */
public record CallChange(String change, @JsonAlias("alarm") ActiveCall call) {

    /**
     * What the board does with a change: {@link #RAISED} puts the alarm on the board or updates it (every change that
     * leaves it open), {@link #CANCELLED} takes it off (resolved or cancelled); anything else is {@link #UNKNOWN}.
     */
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
            case "RAISED",
                    "NOTIFIED",
                    "ESCALATED",
                    "REPEATED",
                    "SILENCED",
                    "DELIVERY",
                    "ACCEPTED",
                    "PRESENT",
                    "RETURNED",
                    "RESTORED" -> Kind.RAISED;
            case "RESOLVED", "CANCELLED" -> Kind.CANCELLED;
            default -> Kind.UNKNOWN;
        };
    }
}
