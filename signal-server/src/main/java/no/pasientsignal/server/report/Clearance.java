package no.pasientsignal.server.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmKind;

/**
 * Calls (active calls: call button, pull cord, bathroom, staff assist, emergency) closed without
 * anyone marked present in the room, and calls that came back after being accepted and not
 * resolved in time (re-raised), per ward, per zone and in total.
 *
 * @param byWard one row per ward, sorted by id
 * @param byZone one row per zone, sorted by id
 */
public record Clearance(String siteId, Period period, String timeZone, List<Row> byWard, List<Row> byZone, Row total) {

    /**
     * @param calls calls raised in the period
     * @param closed of those, closed by now (resolved, not actionable or cancelled at the device)
     * @param clearedWithoutPresence of the closed, those with no presence marked while open
     * @param clearedWithoutPresenceShare clearedWithoutPresence / closed (null when none closed)
     * @param reRaised calls that came back at least once
     * @param reRaisedShare reRaised / calls (null when no calls)
     */
    public record Row(
            String key,
            long calls,
            long closed,
            long clearedWithoutPresence,
            Double clearedWithoutPresenceShare,
            long reRaised,
            Double reRaisedShare) {}

    public Clearance {
        byWard = List.copyOf(byWard);
        byZone = List.copyOf(byZone);
    }

    public Table table() {
        var table = Table.of(
                "level",
                "key",
                "calls",
                "closed",
                "cleared_without_presence",
                "cleared_without_presence_share",
                "re_raised",
                "re_raised_share");
        byWard.forEach(r -> row(table, "ward", r));
        byZone.forEach(r -> row(table, "zone", r));
        row(table, "total", total);
        return table.build();
    }

    private static void row(Table.Builder table, String level, Row r) {
        table.row(
                level,
                r.key(),
                r.calls(),
                r.closed(),
                r.clearedWithoutPresence(),
                r.clearedWithoutPresenceShare(),
                r.reRaised(),
                r.reRaisedShare());
    }

    private static final class Tally {
        long calls, closed, withoutPresence, reRaised;

        void add(AlarmHistory h) {
            calls++;
            if (h.outcome() != AlarmHistory.Outcome.OPEN) {
                closed++;
            }
            if (h.clearedWithoutPresence()) {
                withoutPresence++;
            }
            if (h.returns() > 0) {
                reRaised++;
            }
        }

        Row row(String key) {
            return new Row(
                    key,
                    calls,
                    closed,
                    withoutPresence,
                    Round.share(withoutPresence, closed),
                    reRaised,
                    Round.share(reRaised, calls));
        }
    }

    /** Tallies the calls among the histories it is fed. */
    static final class Counter implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private final Map<String, Tally> wards = new TreeMap<>();
        private final Map<String, Tally> zones = new TreeMap<>();
        private final Tally total = new Tally();

        Counter(SiteCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void accept(AlarmHistory h) {
            if (h.type().kind() != AlarmKind.CALL) {
                return;
            }
            wards.computeIfAbsent(Objects.requireNonNullElse(h.wardId(), FallCounts.NONE), k -> new Tally())
                    .add(h);
            zones.computeIfAbsent(Objects.requireNonNullElse(h.zoneId(), FallCounts.NONE), k -> new Tally())
                    .add(h);
            total.add(h);
        }

        Clearance result(String siteId, Period period) {
            return new Clearance(siteId, period, calendar.zone().getId(), rows(wards), rows(zones), total.row("total"));
        }

        private static List<Row> rows(Map<String, Tally> tallies) {
            return tallies.entrySet().stream()
                    .map(e -> e.getValue().row(e.getKey()))
                    .toList();
        }
    }
}
