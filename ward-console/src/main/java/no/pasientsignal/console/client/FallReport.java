package no.pasientsignal.console.client;

import java.util.List;

/**
 * Falls {@code per} ward, room or resident (pseudonym) {@code by} month, ISO week or hour of day, in the site's time
 * zone ({@code GET /api/reports/falls}). Only cells with at least one fall are listed, sorted by group then bucket;
 * a cell not listed had no fall.
 */
public record FallReport(
        String siteId, ReportPeriod period, String timeZone, String by, String per, List<Row> rows, long total) {

    public FallReport {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** Falls in one group and time bucket. */
    public record Row(String group, String bucket, long falls) {}
}
