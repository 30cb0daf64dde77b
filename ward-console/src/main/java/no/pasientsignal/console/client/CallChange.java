package no.pasientsignal.console.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Locale;

/**
 * One change on the live alarm stream: {@code {"change":"RAISED"|"NOTIFIED"|...|"RESOLVED"|"CANCELLED",
 * "actor":"sykepleier", "alarm":{...}, "forYou":false}}.
 *
 * <p>{@code forYou} is deliberately not read: the board's one stream is opened with some logged-in user's token, so it
 * tells whether the alarm is addressed to <em>that</em> user, not to the person looking at a given tablet.
 *
 * @param change the change kind exactly as sent; see {@link #kind()} for the typed view
 * @param actor who made the change: a staff member's user name, a device id or {@code system}
 * @param call the alarm after the change
 */
public record CallChange(
        String change, String actor, @JsonAlias("alarm") ActiveCall call) {

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

    /** Whether this change marked staff presence in the room ({@link #actor()} is who). */
    public boolean marksPresence() {
        return change != null && change.trim().equalsIgnoreCase("PRESENT");
    }
}
