package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.pasientsignal.server.report.BenefitRequest;
import no.pasientsignal.server.report.BenefitRequest.Measurement;
import no.pasientsignal.server.report.Indicator;
import no.pasientsignal.server.report.Period;

/**
 * Reading report parameters: each refusal is a 400 with a sentence naming the parameter, so a
 * quality lead (or the console) can say exactly what to fix.
 */
final class ReportParams {

    /** About ten years: more is a mistyped year, and would read the whole index. */
    static final long MAX_DAYS = 3660;

    static final int MAX_FOLLOW_UPS = 24;

    private ReportParams() {}

    /** The benefit follow-up request body. */
    @Serdeable
    public record BenefitBody(
            @Nullable String site,
            @Nullable List<String> indicators,
            @Nullable PeriodBody baseline,
            @Nullable List<PeriodBody> followUps) {}

    /**
     * One period of a benefit follow-up: dates inclusive; {@code values} typed in by hand (counts
     * for the whole period) or left out to read the period from the audit trail.
     */
    @Serdeable
    public record PeriodBody(
            @Nullable String label,
            @Nullable String from,
            @Nullable String to,
            @Nullable Map<String, Double> values) {}

    static String site(String site) {
        if (site == null || site.isBlank()) {
            throw Refusal.badRequest("site", "is required: the id of the site to report on");
        }
        return site;
    }

    /** {@code from} and {@code to} as local dates, both inclusive. */
    static Period period(String fromField, String from, String toField, String to) {
        LocalDate start = date(fromField, from);
        LocalDate end = date(toField, to);
        if (end.isBefore(start)) {
            throw Refusal.badRequest(toField, "must not be before " + fromField + " (" + start + ")");
        }
        var period = new Period(start, end);
        if (period.days() > MAX_DAYS) {
            throw Refusal.badRequest(toField, "the period may be at most " + MAX_DAYS + " days");
        }
        return period;
    }

    static Period period(String from, String to) {
        return period("from", from, "to", to);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.badRequest(field, "is required, a date like 2026-03-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.badRequest(field, "'" + value + "' is not a date like 2026-03-01");
        }
    }

    /** One of an enum's constants, case-insensitive, or {@code fallback} when not given. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(field, "must be one of " + names(type));
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    /**
     * The benefit request. Periods read from the log must be over by {@code today} (local to the
     * site): a period still running would be normalised as if it were whole.
     */
    static BenefitRequest benefit(BenefitBody body, LocalDate today) {
        if (body == null) {
            throw Refusal.badRequest("body", "is required: site, indicators, baseline and followUps");
        }
        String site = site(body.site());
        if (body.indicators() == null || body.indicators().isEmpty()) {
            throw Refusal.badRequest("indicators", "choose at least one of " + names(Indicator.class));
        }
        var indicators = new ArrayList<Indicator>();
        for (int i = 0; i < body.indicators().size(); i++) {
            String field = "indicators[" + i + "]";
            Indicator indicator = choice(field, body.indicators().get(i), Indicator.class, null);
            if (indicator == null) {
                throw Refusal.badRequest(field, "must be one of " + names(Indicator.class));
            }
            if (indicators.contains(indicator)) {
                throw Refusal.badRequest(field, indicator + " is chosen twice");
            }
            indicators.add(indicator);
        }
        Measurement baseline = measurement("baseline", body.baseline(), indicators, today, "baseline");
        if (body.followUps() == null || body.followUps().isEmpty()) {
            throw Refusal.badRequest("followUps", "give at least one follow-up period");
        }
        if (body.followUps().size() > MAX_FOLLOW_UPS) {
            throw Refusal.badRequest("followUps", "at most " + MAX_FOLLOW_UPS + " follow-up periods");
        }
        var followUps = new ArrayList<Measurement>();
        for (int i = 0; i < body.followUps().size(); i++) {
            String field = "followUps[" + i + "]";
            Measurement m = measurement(field, body.followUps().get(i), indicators, today, "follow-up " + (i + 1));
            if (m.label().equals(baseline.label())
                    || followUps.stream().anyMatch(f -> f.label().equals(m.label()))) {
                throw Refusal.badRequest(field + ".label", "'" + m.label() + "' is used by another period");
            }
            followUps.add(m);
        }
        return new BenefitRequest(site, indicators, baseline, followUps);
    }

    private static Measurement measurement(
            String field, PeriodBody body, List<Indicator> chosen, LocalDate today, String defaultLabel) {
        if (body == null) {
            throw Refusal.badRequest(field, "is required: from, to and optionally values typed in by hand");
        }
        Period period = period(field + ".from", body.from(), field + ".to", body.to());
        String label = body.label() == null || body.label().isBlank()
                ? defaultLabel
                : body.label().strip();
        if (label.length() > 100) {
            throw Refusal.badRequest(field + ".label", "may be at most 100 characters");
        }
        if (body.values() == null) {
            if (!period.to().isBefore(today)) {
                throw Refusal.badRequest(
                        field + ".to",
                        "the period is not over yet (today is " + today
                                + "); a period read from the log must have ended to be compared per 30 days");
            }
            return Measurement.fromLog(label, period);
        }
        var values = new EnumMap<Indicator, Double>(Indicator.class);
        for (var entry : body.values().entrySet()) {
            String valueField = field + ".values." + entry.getKey();
            Indicator indicator = choice(valueField, entry.getKey(), Indicator.class, null);
            if (indicator == null || !chosen.contains(indicator)) {
                throw Refusal.badRequest(valueField, "is not one of the chosen indicators");
            }
            Double value = entry.getValue();
            if (value == null || value.isNaN() || value.isInfinite() || value < 0) {
                throw Refusal.badRequest(valueField, "must be a number of 0 or more");
            }
            if (indicator.unit() == Indicator.Unit.SHARE && value > 1) {
                throw Refusal.badRequest(valueField, "is a share between 0 and 1");
            }
            values.put(indicator, value);
        }
        return Measurement.manual(label, period, values);
    }

    /** What the journal keeps of a benefit request: the choice, never any result. */
    static Map<String, String> describe(BenefitRequest request) {
        return Map.of(
                "indicators",
                request.indicators().stream().map(Enum::name).collect(Collectors.joining(",")),
                "baseline",
                describe(request.baseline()),
                "followUps",
                request.followUps().stream().map(ReportParams::describe).collect(Collectors.joining("; ")));
    }

    private static String describe(Measurement m) {
        return m.period() + (m.manual() ? " manual" : " log");
    }
}
