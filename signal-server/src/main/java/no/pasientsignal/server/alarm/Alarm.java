package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable snapshot of one alarm. The engine replaces the snapshot on every change, so a
 * snapshot handed to a listener or a stream never changes under it.
 *
 * @param originEventId the device event that raised it (idempotency key)
 * @param residentId pseudonymous resident id, or null when the room has none (never a name)
 * @param silenced the sound was acknowledged at a console; the alarm stays open and visible
 * @param acceptedBy the carer who accepted it, while ACCEPTED or PRESENT
 * @param repeats further presses or triggers merged into this alarm while it was open
 * @param returns times it came back after being accepted and not resolved in time
 * @param escalationStep index of the last escalation step dispatched
 * @param nextEscalationAt when the next step is due, or null when none is pending
 * @param unreachable no recipient could be found on some step: shown flagged on every board
 * @param recipients everyone it was dispatched to, with what their channel reported
 * @param notActionable staff resolved it as needing no action (a false or unnecessary alert): the
 *     alarm-fatigue figure quality leads follow for passive alerts
 */
public record Alarm(
        UUID id,
        UUID originEventId,
        AlarmType type,
        Priority priority,
        Placement place,
        String deviceId,
        String residentId,
        AlarmState state,
        Instant raisedAt,
        Instant updatedAt,
        boolean silenced,
        String acceptedBy,
        Instant acceptedAt,
        int repeats,
        int returns,
        int escalationStep,
        Instant nextEscalationAt,
        boolean unreachable,
        Map<String, DeliveryStatus> recipients,
        boolean notActionable) {

    public Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        recipients = Map.copyOf(recipients);
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    Alarm with(AlarmState newState, Instant at) {
        var c = copy(at);
        c.state = newState;
        return c.build();
    }

    Alarm resolved(Instant at, boolean needingNoAction) {
        var c = copy(at);
        c.state = AlarmState.RESOLVED;
        c.notActionable = needingNoAction;
        return c.build();
    }

    Alarm silenced(Instant at) {
        var c = copy(at);
        c.silenced = true;
        return c.build();
    }

    Alarm accepted(String staff, Instant at) {
        var c = copy(at);
        c.state = AlarmState.ACCEPTED;
        c.acceptedBy = staff;
        c.acceptedAt = at;
        c.nextEscalationAt = null;
        return c.build();
    }

    /** A further trigger: counted, and the sound comes back on. */
    Alarm repeated(Instant at) {
        var c = copy(at);
        c.silenced = false;
        c.repeats++;
        return c.build();
    }

    /** Back as a new call: nobody holds it any more, sound on, escalation from the start. */
    Alarm returned(Instant at) {
        var c = copy(at);
        c.state = AlarmState.RAISED;
        c.silenced = false;
        c.acceptedBy = null;
        c.acceptedAt = null;
        c.returns++;
        c.escalationStep = -1;
        c.nextEscalationAt = null;
        c.recipients = Map.of();
        return c.build();
    }

    Alarm dispatched(int step, Instant next, Map<String, DeliveryStatus> newRecipients, boolean nobody, Instant at) {
        var c = copy(at);
        if (state == AlarmState.RAISED && !newRecipients.isEmpty()) {
            c.state = AlarmState.NOTIFIED;
        }
        c.escalationStep = step;
        c.nextEscalationAt = next;
        c.unreachable = unreachable || nobody;
        c.recipients = newRecipients;
        return c.build();
    }

    Alarm delivery(Map<String, DeliveryStatus> newRecipients, Instant at) {
        var c = copy(at);
        c.recipients = newRecipients;
        return c.build();
    }

    Alarm escalationStopped() {
        var c = copy(updatedAt);
        c.nextEscalationAt = null;
        return c.build();
    }

    private Copy copy(Instant at) {
        return new Copy(this, at);
    }

    /** The changeable fields of a snapshot, so each transition names only what it changes. */
    private static final class Copy {
        private final Alarm from;
        private final Instant updatedAt;
        AlarmState state;
        boolean silenced;
        String acceptedBy;
        Instant acceptedAt;
        int repeats;
        int returns;
        int escalationStep;
        Instant nextEscalationAt;
        boolean unreachable;
        Map<String, DeliveryStatus> recipients;
        boolean notActionable;

        Copy(Alarm from, Instant updatedAt) {
            this.from = from;
            this.updatedAt = updatedAt;
            state = from.state;
            silenced = from.silenced;
            acceptedBy = from.acceptedBy;
            acceptedAt = from.acceptedAt;
            repeats = from.repeats;
            returns = from.returns;
            escalationStep = from.escalationStep;
            nextEscalationAt = from.nextEscalationAt;
            unreachable = from.unreachable;
            recipients = from.recipients;
            notActionable = from.notActionable;
        }

        Alarm build() {
            return new Alarm(
                    from.id,
                    from.originEventId,
                    from.type,
                    from.priority,
                    from.place,
                    from.deviceId,
                    from.residentId,
                    state,
                    from.raisedAt,
                    updatedAt,
                    silenced,
                    acceptedBy,
                    acceptedAt,
                    repeats,
                    returns,
                    escalationStep,
                    nextEscalationAt,
                    unreachable,
                    recipients,
                    notActionable);
        }
    }
}
