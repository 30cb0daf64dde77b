package no.pasientsignal.console.quality.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import no.pasientsignal.console.client.FallReport;

/**
 * The fall report as chart data: time buckets along the axis, one series per ward, room or resident. The server lists
 * only cells with a fall, so a cell it left out is a real 0 here (unlike a missing percentile). By hour every hour of
 * the day is shown, so a quiet night reads as quiet rather than as a gap; months and weeks show the buckets that had
 * falls.
 */
public final class FallChartData {

    private FallChartData() {}

    /**
     * @param groupLabel the name to show for a group id (a ward's name); groups that share a label stay apart
     */
    public static ChartTable of(FallReport report, UnaryOperator<String> groupLabel) {
        var buckets = new TreeSet<String>();
        if ("HOUR".equalsIgnoreCase(report.by())) {
            for (int h = 0; h < 24; h++) {
                buckets.add(String.format("%02d", h));
            }
        }
        var groups = new LinkedHashSet<String>();
        for (FallReport.Row row : report.rows()) {
            buckets.add(row.bucket());
            groups.add(row.group());
        }
        List<String> categories = List.copyOf(buckets);
        List<String> groupIds = List.copyOf(groups);
        Double[][] values = new Double[groupIds.size()][categories.size()];
        for (Double[] row : values) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (FallReport.Row row : report.rows()) {
            int s = groupIds.indexOf(row.group());
            int c = categories.indexOf(row.bucket());
            values[s][c] = values[s][c] + row.falls();
        }
        return new ChartTable(categories, labels(groupIds, groupLabel), values);
    }

    /** Labels for the series; a label two groups share gets the id added, so no two series merge. */
    private static List<String> labels(List<String> ids, UnaryOperator<String> label) {
        var shown = new ArrayList<String>();
        for (String id : ids) {
            String name = label.apply(id);
            String text = name == null || name.isBlank() ? id : name;
            long same = ids.stream()
                    .map(label)
                    .filter(n -> text.equals(n == null || n.isBlank() ? null : n))
                    .count();
            shown.add(same > 1 ? text + " (" + id + ")" : text);
        }
        return shown;
    }
}
