package no.pasientsignal.console.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A benefit follow-up as {@code POST /api/reports/benefit} takes it: the chosen indicators, a baseline and the
 * follow-up periods. A period with {@code values} was typed in (figures for the whole period); one without is read
 * from the audit trail.
 */
public record BenefitRequest(String site, List<String> indicators, PeriodInput baseline, List<PeriodInput> followUps) {

    public BenefitRequest {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** One period; {@code values} null to read it from the log. */
    public record PeriodInput(String label, LocalDate from, LocalDate to, Map<String, Double> values) {}
}
