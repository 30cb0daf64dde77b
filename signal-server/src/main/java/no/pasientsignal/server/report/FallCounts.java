package no.pasientsignal.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import no.pasientsignal.server.alarm.AlarmType;

/**
 * Falls per ward, room or resident, by month, ISO week or hour of day in the site's time zone. A
 * fall is a {@link AlarmType#FALL} alarm that staff did not resolve as not actionable (a sensor's
 * false alarm is no fall). Only non-zero cells are listed; rows are sorted by group, then bucket.
 *
 * @param rows one per group and bucket with at least one fall
 * @param total falls in the period
 */
public record FallCounts(String siteId, Period period, String timeZone, By by, Per per, List<Row> rows, long total) {

    /** The time bucket. */
    public enum By {
        MONTH,
        WEEK,
        HOUR
    }

    /** What falls are counted per. */
    public enum Per {
        WARD,
        ROOM,
        RESIDENT
    }

    /** Falls in one group (a ward, room or resident pseudonym) and time bucket. */
    public record Row(String group, String bucket, long falls) {}

    /** Shown for an alarm without the place or resident asked for (a room with nobody recorded). */
    public static final String NONE = "(none)";

    public FallCounts {
        rows = List.copyOf(rows);
    }

    static boolean isFall(AlarmHistory h) {
        return h.type() == AlarmType.FALL && h.outcome() != AlarmHistory.Outcome.NOT_ACTIONABLE;
    }

    public Table table() {
        var table = Table.of(per.name().toLowerCase(Locale.ROOT), by.name().toLowerCase(Locale.ROOT), "falls");
        rows.forEach(r -> table.row(r.group(), r.bucket(), r.falls()));
        return table.build();
    }

    /** Counts the falls among the histories it is fed. */
    static final class Counter implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private final By by;
        private final Per per;
        private final Map<String, Map<String, Long>> counts = new TreeMap<>();
        private long total;

        Counter(SiteCalendar calendar, By by, Per per) {
            this.calendar = calendar;
            this.by = by;
            this.per = per;
        }

        @Override
        public void accept(AlarmHistory h) {
            if (!isFall(h)) {
                return;
            }
            Function<AlarmHistory, String> group = switch (per) {
                case WARD -> AlarmHistory::wardId;
                case ROOM -> AlarmHistory::roomId;
                case RESIDENT -> AlarmHistory::residentId;
            };
            String bucket = switch (by) {
                case MONTH -> calendar.month(h.raisedAt());
                case WEEK -> calendar.isoWeek(h.raisedAt());
                case HOUR -> calendar.hour(h.raisedAt());
            };
            String key = group.apply(h);
            counts.computeIfAbsent(key == null ? NONE : key, k -> new TreeMap<>())
                    .merge(bucket, 1L, Long::sum);
            total++;
        }

        FallCounts result(String siteId, Period period) {
            var rows = new ArrayList<Row>();
            counts.forEach((group, buckets) -> buckets.forEach((bucket, n) -> rows.add(new Row(group, bucket, n))));
            return new FallCounts(siteId, period, calendar.zone().getId(), by, per, rows, total);
        }
    }
}
