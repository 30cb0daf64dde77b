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
        Map<String, DeliveryStatus> recipients) {

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
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                newState,
                raisedAt,
                at,
                silenced,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                escalationStep,
                nextEscalationAt,
                unreachable,
                recipients);
    }

    Alarm silenced(Instant at) {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                state,
                raisedAt,
                at,
                true,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                escalationStep,
                nextEscalationAt,
                unreachable,
                recipients);
    }

    Alarm accepted(String staff, Instant at) {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                AlarmState.ACCEPTED,
                raisedAt,
                at,
                silenced,
                staff,
                at,
                repeats,
                returns,
                escalationStep,
                null,
                unreachable,
                recipients);
    }

    Alarm repeated(Instant at) {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                state,
                raisedAt,
                at,
                false,
                acceptedBy,
                acceptedAt,
                repeats + 1,
                returns,
                escalationStep,
                nextEscalationAt,
                unreachable,
                recipients);
    }

    /** Back as a new call: nobody holds it any more, sound on, escalation from the start. */
    Alarm returned(Instant at) {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                AlarmState.RAISED,
                raisedAt,
                at,
                false,
                null,
                null,
                repeats,
                returns + 1,
                -1,
                null,
                unreachable,
                Map.of());
    }

    Alarm dispatched(int step, Instant next, Map<String, DeliveryStatus> newRecipients, boolean nobody, Instant at) {
        AlarmState newState = state == AlarmState.RAISED && !newRecipients.isEmpty() ? AlarmState.NOTIFIED : state;
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                newState,
                raisedAt,
                at,
                silenced,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                step,
                next,
                unreachable || nobody,
                newRecipients);
    }

    Alarm delivery(Map<String, DeliveryStatus> newRecipients, Instant at) {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                state,
                raisedAt,
                at,
                silenced,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                escalationStep,
                nextEscalationAt,
                unreachable,
                newRecipients);
    }

    Alarm escalationStopped() {
        return new Alarm(
                id,
                originEventId,
                type,
                priority,
                place,
                deviceId,
                residentId,
                state,
                raisedAt,
                updatedAt,
                silenced,
                acceptedBy,
                acceptedAt,
                repeats,
                returns,
                escalationStep,
                null,
                unreachable,
                recipients);
    }
}
