package no.pasientsignal.server.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.report.AlarmHistory.Outcome;

/** One alarm's history for a hand-computed data set; times in seconds after it was raised. */
final class HistoryBuilder {

    static final String SITE = "site-1";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final AlarmType type;
    private final Instant raisedAt;
    private String ward = "ward-1";
    private String zone = "zone-1";
    private String room = "101";
    private String resident;
    private Priority priority;
    private Instant acceptedAt;
    private Instant presentAt;
    private Instant closedAt;
    private Outcome outcome = Outcome.OPEN;
    private String acceptedBy;
    private String closedBy;
    private int returns;
    private List<String> recipients = List.of();

    private HistoryBuilder(AlarmType type, Instant raisedAt) {
        this.type = type;
        this.raisedAt = raisedAt;
        this.priority = type.defaultPriority();
    }

    /** Local wall-clock time in Oslo, {@code 2026-03-02 10:15[:30]}. */
    static Instant oslo(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(OSLO).toInstant();
    }

    /** Raised at a local Oslo time. */
    static HistoryBuilder alarm(AlarmType type, String localTime) {
        return new HistoryBuilder(type, oslo(localTime));
    }

    /** Raised at an instant (for times that are ambiguous locally, around daylight saving). */
    static HistoryBuilder alarm(AlarmType type, Instant raisedAt) {
        return new HistoryBuilder(type, raisedAt);
    }

    HistoryBuilder in(String wardId, String zoneId, String roomId) {
        ward = wardId;
        zone = zoneId;
        room = roomId;
        return this;
    }

    HistoryBuilder resident(String pseudonym) {
        resident = pseudonym;
        return this;
    }

    HistoryBuilder priority(Priority p) {
        priority = p;
        return this;
    }

    HistoryBuilder to(String... staff) {
        recipients = List.of(staff);
        return this;
    }

    HistoryBuilder accepted(long seconds, String by) {
        acceptedAt = raisedAt.plusSeconds(seconds);
        acceptedBy = by;
        return this;
    }

    HistoryBuilder acceptedAfterMillis(long millis) {
        acceptedAt = raisedAt.plusMillis(millis);
        acceptedBy = "kari";
        return this;
    }

    HistoryBuilder present(long seconds) {
        presentAt = raisedAt.plusSeconds(seconds);
        return this;
    }

    HistoryBuilder resolved(long seconds, String by) {
        return closed(seconds, Outcome.RESOLVED, by);
    }

    HistoryBuilder notActionable(long seconds, String by) {
        return closed(seconds, Outcome.NOT_ACTIONABLE, by);
    }

    HistoryBuilder cancelled(long seconds) {
        return closed(seconds, Outcome.CANCELLED, "device-" + room);
    }

    HistoryBuilder returns(int times) {
        returns = times;
        return this;
    }

    private HistoryBuilder closed(long seconds, Outcome how, String by) {
        closedAt = raisedAt.plusSeconds(seconds);
        outcome = how;
        closedBy = by;
        return this;
    }

    AlarmHistory build() {
        return new AlarmHistory(
                UUID.randomUUID(),
                SITE,
                ward,
                zone,
                room,
                "BED",
                resident,
                type,
                priority,
                "device-" + room,
                raisedAt,
                recipients.isEmpty() ? null : raisedAt,
                acceptedAt,
                presentAt,
                closedAt,
                outcome,
                acceptedBy,
                closedBy,
                0,
                returns,
                0,
                false,
                recipients);
    }
}
