package no.pasientsignal.server.alarm;

import java.util.List;
import java.util.Objects;

/**
 * One thing that happened to an alarm, for delivery channels, the journal and the board.
 *
 * @param alarm the alarm after the change
 * @param actor the staff member or device that caused it, or "system" for timers
 * @param newRecipients who this change must be delivered to now (on NOTIFIED, ESCALATED and
 *     RETURNED); everyone else already has it
 */
public record AlarmChange(Kind kind, Alarm alarm, String actor, List<String> newRecipients) {

    public enum Kind {
        RAISED,
        NOTIFIED,
        ESCALATED,
        REPEATED,
        SILENCED,
        DELIVERY,
        ACCEPTED,
        PRESENT,
        RETURNED,
        RESOLVED,
        CANCELLED,
        RESTORED
    }

    public AlarmChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(actor, "actor");
        newRecipients = List.copyOf(newRecipients);
    }

    static AlarmChange of(Kind kind, Alarm alarm, String actor) {
        return new AlarmChange(kind, alarm, actor, List.of());
    }
}
