package no.pasientsignal.console.client;

import java.util.List;

/**
 * Raised to accepted, to present and to closed, as nearest-rank percentiles in seconds, grouped {@code by} shift, zone
 * or priority, plus the total ({@code GET /api/reports/response-times}). A percentile with no samples is null.
 */
public record ResponseTimeReport(
        String siteId, ReportPeriod period, String timeZone, String by, List<Group> groups, Group total) {

    public ResponseTimeReport {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The three response times of one group. */
    public record Group(String key, Percentiles toAccepted, Percentiles toPresent, Percentiles toClosed) {}

    /** Seconds; null where there were no samples. */
    public record Percentiles(int count, Double p50, Double p90, Double p95, Double max) {
        public static final Percentiles NONE = new Percentiles(0, null, null, null, null);
    }
}
