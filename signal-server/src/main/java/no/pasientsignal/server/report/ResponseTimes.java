package no.pasientsignal.server.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmKind;
import no.pasientsignal.server.alarm.Priority;

/**
 * How fast staff responded to calls and passive alerts (technical alerts are not about a
 * resident, so they are left out): raised to first acceptance, to first presence in the room, and
 * to closed (resolved by staff or cancelled at the device), as nearest-rank {@link Percentiles},
 * grouped by the shift the alarm was raised in (the site's shift plan in force now, read in local
 * time), its zone or its priority. An alarm counts in a measure only once that step happened.
 */
public record ResponseTimes(String siteId, Period period, String timeZone, By by, List<Group> groups, Group total) {

    /** What the groups are. */
    public enum By {
        SHIFT,
        ZONE,
        PRIORITY
    }

    /** The three response times of one group. */
    public record Group(String key, Percentiles toAccepted, Percentiles toPresent, Percentiles toClosed) {}

    public ResponseTimes {
        groups = List.copyOf(groups);
    }

    static boolean counted(AlarmHistory h) {
        return h.type().kind() != AlarmKind.TECHNICAL;
    }

    public Table table() {
        var table =
                Table.of(by.name().toLowerCase(Locale.ROOT), "measure", "count", "p50_s", "p90_s", "p95_s", "max_s");
        for (Group g : groups) {
            rows(table, g);
        }
        rows(table, total);
        return table.build();
    }

    private static void rows(Table.Builder table, Group g) {
        for (var measure : List.of(
                Map.entry("raised_to_accepted", g.toAccepted()),
                Map.entry("raised_to_present", g.toPresent()),
                Map.entry("raised_to_closed", g.toClosed()))) {
            Percentiles p = measure.getValue();
            table.row(g.key(), measure.getKey(), p.count(), p.p50(), p.p90(), p.p95(), p.max());
        }
    }

    /** The samples of one group. */
    private static final class Measures {
        final Samples accepted = new Samples();
        final Samples present = new Samples();
        final Samples closed = new Samples();

        void add(AlarmHistory h) {
            h.toAccepted().ifPresent(accepted::add);
            h.toPresent().ifPresent(present::add);
            h.toClosed().ifPresent(closed::add);
        }

        Group group(String key) {
            return new Group(key, accepted.percentiles(), present.percentiles(), closed.percentiles());
        }
    }

    /** Collects response times from the histories it is fed. */
    static final class Collector implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private final By by;
        private final Map<String, Measures> groups = new LinkedHashMap<>();
        private final Measures all = new Measures();

        Collector(SiteCalendar calendar, By by) {
            this.calendar = calendar;
            this.by = by;
            // Shifts and priorities are listed in their own order, empty ones too, so periods compare.
            switch (by) {
                case SHIFT -> calendar.plan().shifts().forEach(s -> groups.put(s.name(), new Measures()));
                case PRIORITY -> {
                    for (Priority p : Priority.values()) {
                        groups.put(p.name(), new Measures());
                    }
                }
                case ZONE -> {}
            }
        }

        @Override
        public void accept(AlarmHistory h) {
            if (!counted(h)) {
                return;
            }
            String key = switch (by) {
                case SHIFT -> calendar.shift(h.raisedAt());
                case ZONE -> Objects.requireNonNullElse(h.zoneId(), FallCounts.NONE);
                case PRIORITY -> h.priority().name();
            };
            groups.computeIfAbsent(key, k -> new Measures()).add(h);
            all.add(h);
        }

        ResponseTimes result(String siteId, Period period) {
            var keys = new ArrayList<>(groups.keySet());
            if (by == By.ZONE) {
                keys.sort(null);
            }
            var list = keys.stream().map(k -> groups.get(k).group(k)).toList();
            return new ResponseTimes(siteId, period, calendar.zone().getId(), by, list, all.group("total"));
        }
    }
}
