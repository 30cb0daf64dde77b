package no.pasientsignal.server.report;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a quality lead asks of a benefit follow-up: the indicators, a baseline period and one or
 * more follow-up periods. Each period is read from the audit trail, or typed in by hand
 * ({@code values}), as for a baseline from paper records from before the technology came.
 */
public record BenefitRequest(
        String siteId, List<Indicator> indicators, Measurement baseline, List<Measurement> followUps) {

    /**
     * One period to measure.
     *
     * @param values figures typed in for the whole period (counts as totals, not per 30 days), or
     *     null to read the period from the audit trail; an indicator left out has no figure
     */
    public record Measurement(String label, Period period, Map<Indicator, Double> values) {
        public Measurement {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(period, "period");
            values = values == null ? null : Map.copyOf(values);
        }

        public static Measurement fromLog(String label, Period period) {
            return new Measurement(label, period, null);
        }

        public static Measurement manual(String label, Period period, Map<Indicator, Double> values) {
            return new Measurement(label, period, new LinkedHashMap<>(values));
        }

        public boolean manual() {
            return values != null;
        }
    }

    public BenefitRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(baseline, "baseline");
        indicators = List.copyOf(indicators);
        followUps = List.copyOf(followUps);
        if (indicators.isEmpty() || new HashSet<>(indicators).size() != indicators.size()) {
            throw new IllegalArgumentException("choose at least one indicator, each once");
        }
        if (followUps.isEmpty()) {
            throw new IllegalArgumentException("give at least one follow-up period");
        }
        var labels = new HashSet<String>();
        for (Measurement m : all(baseline, followUps)) {
            if (!labels.add(m.label())) {
                throw new IllegalArgumentException("period label '" + m.label() + "' is used twice");
            }
        }
    }

    public List<Measurement> periods() {
        return all(baseline, followUps);
    }

    private static List<Measurement> all(Measurement baseline, List<Measurement> followUps) {
        var all = new java.util.ArrayList<Measurement>();
        all.add(baseline);
        all.addAll(followUps);
        return all;
    }
}
