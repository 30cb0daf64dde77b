package no.pasientsignal.console.quality.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import no.pasientsignal.console.client.ResponseTimeReport;
import no.pasientsignal.console.client.ResponseTimeReport.Group;
import no.pasientsignal.console.client.ResponseTimeReport.Percentiles;

/**
 * One measure of the response-time report as chart data: the groups (shifts, zones or priorities) and the total along
 * the axis, the percentiles p50, p90, p95 and max as series, in seconds. A group with no samples has no figures
 * (null), never 0 seconds.
 */
public final class ResponseTimeChartData {

    /** Which response time. */
    public enum Measure {
        ACCEPTED(Group::toAccepted),
        PRESENT(Group::toPresent),
        CLOSED(Group::toClosed);

        private final Function<Group, Percentiles> of;

        Measure(Function<Group, Percentiles> of) {
            this.of = of;
        }

        public Percentiles of(Group group) {
            Percentiles p = group == null ? null : of.apply(group);
            return p == null ? Percentiles.NONE : p;
        }
    }

    /** The series, in this order. */
    public static final List<String> SERIES = List.of("p50", "p90", "p95", "max");

    /** The key the total is shown under (translated by the caller through {@code groupLabel}). */
    public static final String TOTAL = "total";

    private ResponseTimeChartData() {}

    public static ChartTable of(ResponseTimeReport report, Measure measure, UnaryOperator<String> groupLabel) {
        var groups = new ArrayList<>(report.groups());
        if (report.total() != null) {
            groups.add(report.total());
        }
        var categories = new ArrayList<String>();
        Double[][] values = new Double[SERIES.size()][groups.size()];
        for (int c = 0; c < groups.size(); c++) {
            Group g = groups.get(c);
            String key = g == report.total() ? TOTAL : g.key();
            String label = groupLabel.apply(key);
            categories.add(label == null || label.isBlank() ? key : label);
            Percentiles p = measure.of(g);
            values[0][c] = p.p50();
            values[1][c] = p.p90();
            values[2][c] = p.p95();
            values[3][c] = p.max();
        }
        return new ChartTable(categories, SERIES, values);
    }
}
