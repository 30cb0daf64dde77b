package no.pasientsignal.console.client;

import java.time.LocalDate;
import java.util.List;

/**
 * The benefit follow-up report: each indicator per period as the raw figure, per 30 days (counts), and the change
 * against the baseline, absolute and in percent. A figure that cannot be given is null with a {@code note}.
 */
public record BenefitResult(String siteId, String timeZone, List<PeriodRow> periods, List<IndicatorRow> indicators) {

    public BenefitResult {
        periods = periods == null ? List.of() : List.copyOf(periods);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A period: {@code source} is {@code log} or {@code manual}. */
    public record PeriodRow(String label, LocalDate from, LocalDate to, long days, String source, boolean baseline) {}

    /** One indicator across the periods, baseline first; {@code unit} COUNT, SECONDS or SHARE. */
    public record IndicatorRow(String indicator, String unit, boolean normalised, List<Figure> figures) {
        public IndicatorRow {
            figures = figures == null ? List.of() : List.copyOf(figures);
        }
    }

    /** One figure; null where there is none, with the server's note saying why. */
    public record Figure(
            String period, Double value, Double per30Days, Double change, Double changePercent, String note) {}
}
