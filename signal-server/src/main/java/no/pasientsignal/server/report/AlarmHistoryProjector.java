package no.pasientsignal.server.report;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmChange;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmState;
import no.pasientsignal.server.alarm.AlarmSummary;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.report.AlarmHistory.Outcome;

/**
 * Folds the journal's alarm records into one {@link AlarmHistory} per alarm, and its presence
 * records into {@link Visit}s.
 *
 * <p>Each alarm record carries the full snapshot after the change, so most of a history is read
 * off the latest snapshot; what a snapshot forgets (first notification, first presence, the first
 * acceptance of a call that came back, everyone it ever went to, how many escalations) is kept
 * from the records before. Applying a record a second time changes nothing: a {@link Folded}
 * remembers the last sequence folded into it, so a catch-up that re-reads the journal after a
 * restart cannot count an escalation twice. Records must be applied in journal order.
 *
 * <p>The static methods are the pure fold; an instance folds a stream of records in memory.
 */
public final class AlarmHistoryProjector {

    /** One alarm's history so far and the sequence of the last record folded into it. */
    public record Folded(AlarmHistory history, long lastSequence) {}

    private final Map<UUID, Folded> alarms = new LinkedHashMap<>();
    private final Map<Long, Visit> visits = new TreeMap<>();

    /** Folds one journal record of any type (other types than alarms and presence are ignored). */
    public void accept(JournalRecord record) {
        if (AlarmRecords.ALARM.equals(record.type())) {
            AlarmSummary alarm = decodeAlarm(record);
            alarms.compute(alarm.alarmId(), (id, before) -> apply(before, record.sequence(), alarm));
        } else {
            visit(record).ifPresent(v -> visits.put(record.sequence(), v));
        }
    }

    public Optional<AlarmHistory> history(UUID alarmId) {
        return Optional.ofNullable(alarms.get(alarmId)).map(Folded::history);
    }

    /** Every alarm seen, in order of first record. */
    public List<AlarmHistory> histories() {
        return alarms.values().stream().map(Folded::history).toList();
    }

    /** Every presence marked, in journal order. */
    public Collection<Visit> visits() {
        return List.copyOf(visits.values());
    }

    /** What an alarm record says about the alarm's life: all the fold reads of it. */
    public static AlarmSummary decodeAlarm(JournalRecord record) {
        return AlarmRecords.decodeSummary(record.payload());
    }

    /**
     * The history after one alarm record.
     *
     * @param before the alarm's history so far, or null for the first record seen of it (normally
     *     RAISED; a history that starts later, say in an index that lost its past, starts from the
     *     snapshot and leaves unknown first times empty)
     * @param sequence the record's journal sequence
     * @return {@code before} unchanged when this record was already folded into it
     */
    public static Folded apply(Folded before, long sequence, AlarmSummary record) {
        if (before != null && sequence <= before.lastSequence()) {
            return before;
        }
        AlarmHistory h = before == null ? null : before.history();
        AlarmChange.Kind kind = record.change();
        Instant at = record.updatedAt();

        List<String> recipients;
        if (h == null) {
            // A history started mid-life: who it went to before is only in the snapshot's (unordered) map.
            var all = new LinkedHashSet<String>(record.newRecipients());
            all.addAll(record.recipients());
            recipients = List.copyOf(all);
        } else if (h.recipients().containsAll(record.newRecipients())) {
            recipients = h.recipients(); // nobody new (most changes)
        } else {
            var all = new LinkedHashSet<String>(h.recipients());
            all.addAll(record.newRecipients());
            recipients = List.copyOf(all);
        }

        Instant notifiedAt = h == null ? null : h.notifiedAt();
        if (notifiedAt == null && !record.newRecipients().isEmpty()) {
            notifiedAt = at;
        }
        Instant acceptedAt = h == null ? null : h.acceptedAt();
        String acceptedBy = h == null ? null : h.acceptedBy();
        if (acceptedAt == null && record.acceptedAt() != null) {
            acceptedAt = record.acceptedAt();
            acceptedBy = record.acceptedBy();
        }
        Instant presentAt = h == null ? null : h.presentAt();
        if (presentAt == null && kind == AlarmChange.Kind.PRESENT) {
            presentAt = at;
        }
        Outcome outcome = h == null ? Outcome.OPEN : h.outcome();
        Instant closedAt = h == null ? null : h.closedAt();
        String closedBy = h == null ? null : h.closedBy();
        if (record.state() == AlarmState.RESOLVED || record.state() == AlarmState.CANCELLED) {
            outcome = record.state() == AlarmState.CANCELLED
                    ? Outcome.CANCELLED
                    : record.notActionable() ? Outcome.NOT_ACTIONABLE : Outcome.RESOLVED;
            if (closedAt == null) {
                closedAt = at;
                closedBy = record.actor();
            }
        }
        int escalations = (h == null ? 0 : h.escalations()) + (kind == AlarmChange.Kind.ESCALATED ? 1 : 0);

        var history = new AlarmHistory(
                record.alarmId(),
                record.site(),
                record.wardId(),
                record.zoneId(),
                record.roomId(),
                record.locationKind(),
                record.residentId(),
                record.type(),
                record.priority(),
                record.deviceId(),
                record.raisedAt(),
                notifiedAt,
                acceptedAt,
                presentAt,
                closedAt,
                outcome,
                acceptedBy,
                closedBy,
                Math.max(record.repeats(), h == null ? 0 : h.repeats()),
                Math.max(record.returns(), h == null ? 0 : h.returns()),
                escalations,
                record.unreachable() || (h != null && h.unreachable()),
                recipients);
        return new Folded(history, sequence);
    }

    /** A presence record that marks staff present is a physical visit; anything else is not. */
    public static Optional<Visit> visit(JournalRecord record) {
        if (!AlarmRecords.PRESENCE.equals(record.type())) {
            return Optional.empty();
        }
        var presence = AlarmRecords.decodePresence(record.payload());
        return presence.present()
                ? Optional.of(new Visit(presence.site(), presence.room(), presence.by(), record.recordedAt()))
                : Optional.empty();
    }
}
