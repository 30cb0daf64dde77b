package no.pasientsignal.server.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Priority;

/**
 * The whole life of one alarm, as the audit trail tells it: where and what, and when each step of
 * raised, notified, accepted, present and closed first happened. Times are null for steps that
 * did not happen (yet).
 *
 * @param residentId the resident's pseudonym, or null when the room had none; never a name
 * @param notifiedAt first time someone was reached
 * @param acceptedAt first time a carer accepted it (a returned call keeps its first acceptance)
 * @param presentAt first time staff presence was marked while it was open
 * @param closedAt resolved or cancelled
 * @param acceptedBy the first carer who accepted it
 * @param closedBy who resolved it, or the device that cancelled it
 * @param escalations escalation steps dispatched after the first
 * @param returns times it came back after being accepted and not resolved in time (re-raised)
 * @param recipients everyone it was dispatched to, in order of first dispatch
 */
public record AlarmHistory(
        UUID alarmId,
        String siteId,
        String wardId,
        String zoneId,
        String roomId,
        String locationKind,
        String residentId,
        AlarmType type,
        Priority priority,
        String deviceId,
        Instant raisedAt,
        Instant notifiedAt,
        Instant acceptedAt,
        Instant presentAt,
        Instant closedAt,
        Outcome outcome,
        String acceptedBy,
        String closedBy,
        int repeats,
        int returns,
        int escalations,
        boolean unreachable,
        List<String> recipients) {

    /** How an alarm ended, if it has. */
    public enum Outcome {
        OPEN,
        /** Staff resolved it. */
        RESOLVED,
        /** Staff resolved it as needing no action (false or unnecessary alert). */
        NOT_ACTIONABLE,
        /** Cancelled at the source, at the device. */
        CANCELLED
    }

    public AlarmHistory {
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(outcome, "outcome");
        recipients = List.copyOf(recipients);
    }

    /** Raised to first acceptance. */
    public Optional<Duration> toAccepted() {
        return between(raisedAt, acceptedAt);
    }

    /** Raised to first presence in the room. */
    public Optional<Duration> toPresent() {
        return between(raisedAt, presentAt);
    }

    /** Raised to closed (resolved or cancelled). */
    public Optional<Duration> toClosed() {
        return between(raisedAt, closedAt);
    }

    /** Closed without anyone ever marked present in the room. */
    public boolean clearedWithoutPresence() {
        return outcome != Outcome.OPEN && presentAt == null;
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
