package no.pasientsignal.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmKind;

/**
 * How many alarms staff handled: per night (the site's night shift, named by the local date it
 * starts on; every night starting in the period is listed, quiet ones with zeros) and per staff
 * member over the period.
 *
 * @param nightShift the shift taken as the night: the one covering 03:00 local time
 */
public record AlarmLoad(
        String siteId, Period period, String timeZone, String nightShift, List<Night> nights, List<StaffLoad> staff) {

    /**
     * Alarms raised during one night, by the kind of their type.
     *
     * @param start local start of the night shift, with its UTC offset
     * @param end local end; across a daylight-saving change a night is an hour shorter or longer
     */
    public record Night(
            LocalDate date,
            OffsetDateTime start,
            OffsetDateTime end,
            long calls,
            long passive,
            long technical,
            long total) {}

    /**
     * One staff member's alarms raised in the period.
     *
     * @param dispatched alarms sent to them on any escalation step
     * @param accepted alarms they accepted first
     * @param resolved alarms they closed (including as not actionable; cancellations at the device
     *     are the device's)
     */
    public record StaffLoad(String staff, long dispatched, long accepted, long resolved) {}

    public AlarmLoad {
        nights = List.copyOf(nights);
        staff = List.copyOf(staff);
    }

    public Table nightsTable() {
        var table = Table.of("night", "start", "end", "calls", "passive", "technical", "total");
        nights.forEach(n -> table.row(n.date(), n.start(), n.end(), n.calls(), n.passive(), n.technical(), n.total()));
        return table.build();
    }

    public Table staffTable() {
        var table = Table.of("staff", "dispatched", "accepted", "resolved");
        staff.forEach(s -> table.row(s.staff(), s.dispatched(), s.accepted(), s.resolved()));
        return table.build();
    }

    /** Both tables in one CSV: a {@code section} column says which. */
    public Table table() {
        var table = Table.of(
                "section",
                "key",
                "start",
                "end",
                "calls",
                "passive",
                "technical",
                "total",
                "dispatched",
                "accepted",
                "resolved");
        nights.forEach(n -> table.row(
                "night",
                n.date(),
                n.start(),
                n.end(),
                n.calls(),
                n.passive(),
                n.technical(),
                n.total(),
                null,
                null,
                null));
        staff.forEach(s -> table.row(
                "staff", s.staff(), null, null, null, null, null, null, s.dispatched(), s.accepted(), s.resolved()));
        return table.build();
    }

    /** The time window to read: every night starting in the period, and the period itself. */
    static HistoryFilter window(String siteId, SiteCalendar calendar, Period period) {
        Instant from = min(period.start(calendar.zone()), calendar.nightStart(period.from()));
        Instant to = max(period.end(calendar.zone()), calendar.nightEnd(period.to()));
        return HistoryFilter.of(siteId, from, to);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Counts per night and per staff member from the histories it is fed. */
    static final class Counter implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private final Period period;
        private final Instant start;
        private final Instant end;
        private final Map<LocalDate, long[]> nights = new LinkedHashMap<>();
        private final Map<String, long[]> staff = new TreeMap<>();

        Counter(SiteCalendar calendar, Period period) {
            this.calendar = calendar;
            this.period = period;
            this.start = period.start(calendar.zone());
            this.end = period.end(calendar.zone());
            for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
                nights.put(d, new long[AlarmKind.values().length]);
            }
        }

        @Override
        public void accept(AlarmHistory h) {
            calendar.nightOf(h.raisedAt())
                    .map(nights::get)
                    .ifPresent(counts -> counts[h.type().kind().ordinal()]++);
            if (h.raisedAt().isBefore(start) || !h.raisedAt().isBefore(end)) {
                return;
            }
            // A recipient may appear on several steps; the history lists each once.
            h.recipients().forEach(r -> tally(r)[0]++);
            if (h.acceptedBy() != null) {
                tally(h.acceptedBy())[1]++;
            }
            if (h.closedBy() != null
                    && (h.outcome() == AlarmHistory.Outcome.RESOLVED
                            || h.outcome() == AlarmHistory.Outcome.NOT_ACTIONABLE)) {
                tally(h.closedBy())[2]++;
            }
        }

        private long[] tally(String who) {
            return staff.computeIfAbsent(who, k -> new long[3]);
        }

        AlarmLoad result(String siteId) {
            var nightRows = new ArrayList<Night>();
            nights.forEach((date, c) -> {
                long calls = c[AlarmKind.CALL.ordinal()];
                long passive = c[AlarmKind.PASSIVE.ordinal()];
                long technical = c[AlarmKind.TECHNICAL.ordinal()];
                nightRows.add(new Night(
                        date,
                        calendar.local(calendar.nightStart(date)).toOffsetDateTime(),
                        calendar.local(calendar.nightEnd(date)).toOffsetDateTime(),
                        calls,
                        passive,
                        technical,
                        calls + passive + technical));
            });
            var staffRows = new ArrayList<StaffLoad>();
            staff.forEach((who, c) -> staffRows.add(new StaffLoad(who, c[0], c[1], c[2])));
            return new AlarmLoad(
                    siteId,
                    period,
                    calendar.zone().getId(),
                    calendar.nightShift().name(),
                    nightRows,
                    staffRows);
        }
    }
}
