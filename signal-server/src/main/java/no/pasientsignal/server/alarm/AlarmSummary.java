package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An alarm record ({@link AlarmRecords.AlarmRecord}) as the audit trail reads it: the change, and
 * what its snapshot says about the alarm's life, without the engine's working state (escalation
 * step and timer, delivery statuses, sound, the raising event). Read by {@link
 * AlarmRecords#decodeSummary} straight from the record's JSON, which is several times cheaper than
 * decoding the whole snapshot.
 *
 * @param newRecipients who this change went to now; empty when none
 * @param recipients everyone the snapshot says it was dispatched to, sorted (the snapshot's map
 *     has no order)
 */
public record AlarmSummary(
        String site,
        AlarmChange.Kind change,
        String actor,
        List<String> newRecipients,
        UUID alarmId,
        AlarmType type,
        Priority priority,
        String wardId,
        String zoneId,
        String roomId,
        String locationKind,
        String deviceId,
        String residentId,
        AlarmState state,
        Instant raisedAt,
        Instant updatedAt,
        String acceptedBy,
        Instant acceptedAt,
        int repeats,
        int returns,
        boolean unreachable,
        boolean notActionable,
        List<String> recipients) {

    public AlarmSummary {
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        newRecipients = newRecipients == null ? List.of() : List.copyOf(newRecipients);
        if (recipients.size() > 1) {
            var sorted = recipients.toArray(String[]::new);
            java.util.Arrays.sort(sorted);
            recipients = List.of(sorted);
        } else {
            recipients = List.copyOf(recipients);
        }
    }

    /** The summary of a fully decoded record. */
    public static AlarmSummary of(AlarmRecords.AlarmRecord record) {
        Alarm a = record.alarm();
        Placement place = a.place();
        return new AlarmSummary(
                record.site(),
                record.change(),
                record.actor(),
                record.newRecipients(),
                a.id(),
                a.type(),
                a.priority(),
                place.wardId(),
                place.zoneId(),
                place.roomId(),
                place.locationKind(),
                a.deviceId(),
                a.residentId(),
                a.state(),
                a.raisedAt(),
                a.updatedAt(),
                a.acceptedBy(),
                a.acceptedAt(),
                a.repeats(),
                a.returns(),
                a.unreachable(),
                a.notActionable(),
                List.copyOf(a.recipients().keySet()));
    }
}
