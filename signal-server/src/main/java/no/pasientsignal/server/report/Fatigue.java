package no.pasientsignal.server.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmKind;
import no.pasientsignal.server.alarm.AlarmType;

/**
 * Alarm fatigue: passive alerts (sensor alerts from care-plan rules) that staff resolved as not
 * actionable, per alarm type, per ward and in total. The share is taken of the alerts staff
 * judged, i.e. resolved themselves; an alert cancelled at the device or still open was never
 * judged either way.
 *
 * @param byType passive types with at least one alert, in the order of {@link AlarmType}
 * @param byWard wards with at least one alert, sorted by id
 */
public record Fatigue(String siteId, Period period, String timeZone, List<Row> byType, List<Row> byWard, Row total) {

    /**
     * @param raised passive alerts raised in the period
     * @param judged of those, resolved by staff (actionable or not)
     * @param notActionable of those, resolved as not actionable
     * @param notActionableShare notActionable / judged, or null when none was judged
     */
    public record Row(String key, long raised, long judged, long notActionable, Double notActionableShare) {}

    public Fatigue {
        byType = List.copyOf(byType);
        byWard = List.copyOf(byWard);
    }

    public Table table() {
        var table = Table.of("level", "key", "raised", "judged", "not_actionable", "not_actionable_share");
        byType.forEach(r -> row(table, "type", r));
        byWard.forEach(r -> row(table, "ward", r));
        row(table, "total", total);
        return table.build();
    }

    private static void row(Table.Builder table, String level, Row r) {
        table.row(level, r.key(), r.raised(), r.judged(), r.notActionable(), r.notActionableShare());
    }

    static final class Tally {
        long raised, judged, notActionable;

        void add(AlarmHistory h) {
            raised++;
            if (h.outcome() == AlarmHistory.Outcome.RESOLVED || h.outcome() == AlarmHistory.Outcome.NOT_ACTIONABLE) {
                judged++;
            }
            if (h.outcome() == AlarmHistory.Outcome.NOT_ACTIONABLE) {
                notActionable++;
            }
        }

        Row row(String key) {
            return new Row(key, raised, judged, notActionable, Round.share(notActionable, judged));
        }
    }

    /** Tallies the passive alerts among the histories it is fed. */
    static final class Counter implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private final Map<AlarmType, Tally> types = new TreeMap<>();
        private final Map<String, Tally> wards = new TreeMap<>();
        private final Tally total = new Tally();

        Counter(SiteCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void accept(AlarmHistory h) {
            if (h.type().kind() != AlarmKind.PASSIVE) {
                return;
            }
            types.computeIfAbsent(h.type(), k -> new Tally()).add(h);
            wards.computeIfAbsent(Objects.requireNonNullElse(h.wardId(), FallCounts.NONE), k -> new Tally())
                    .add(h);
            total.add(h);
        }

        Fatigue result(String siteId, Period period) {
            return new Fatigue(
                    siteId,
                    period,
                    calendar.zone().getId(),
                    types.entrySet().stream()
                            .map(e -> e.getValue().row(e.getKey().name()))
                            .toList(),
                    wards.entrySet().stream()
                            .map(e -> e.getValue().row(e.getKey()))
                            .toList(),
                    total.row("total"));
        }
    }
}
