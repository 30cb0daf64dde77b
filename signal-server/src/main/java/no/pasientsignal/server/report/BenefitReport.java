package no.pasientsignal.server.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmKind;
import no.pasientsignal.server.alarm.AlarmType;

/**
 * Benefit follow-up: each chosen indicator per period, as the raw figure, per 30 days (counts
 * only: periods differ in length), and its change against the baseline, absolute and in percent.
 * Counts are compared per 30 days, times and shares as they are. Changes are computed from the
 * figures as shown (rounded), so they can be checked by hand. A figure that cannot be given is
 * null with a note saying why; it is never shown as 0.
 */
public record BenefitReport(String siteId, String timeZone, List<PeriodRow> periods, List<IndicatorRow> indicators) {

    /** Note: the audit trail does not record this indicator yet. */
    public static final String NOT_RECORDED = "not recorded yet";
    /** Note: a period typed in by hand without this indicator. */
    public static final String NOT_GIVEN = "not given";
    /** Note: a time with no samples (nothing accepted in the period). */
    public static final String NO_DATA = "no data in the period";
    /** Note: the baseline has no figure to compare with. */
    public static final String NO_BASELINE = "no baseline figure to compare with";
    /** Note: a change from 0 has no percentage. */
    public static final String BASELINE_ZERO = "baseline is 0: no percentage";

    /**
     * @param days calendar days, the divisor of the per-30-days figures
     * @param source {@code log} (read from the audit trail) or {@code manual} (typed in)
     */
    public record PeriodRow(String label, LocalDate from, LocalDate to, long days, String source, boolean baseline) {}

    /** One indicator across the periods, baseline first. */
    public record IndicatorRow(Indicator indicator, Indicator.Unit unit, boolean normalised, List<Figure> figures) {}

    /**
     * @param value the raw figure for the whole period (a count, seconds, or a share 0..1)
     * @param per30Days value x 30 / days, for counts; null for times and shares
     * @param change against the baseline (per 30 days for counts); null for the baseline itself
     * @param changePercent change / baseline x 100
     * @param note why a figure is missing, or null
     */
    public record Figure(
            String period, Double value, Double per30Days, Double change, Double changePercent, String note) {}

    public BenefitReport {
        periods = List.copyOf(periods);
        indicators = List.copyOf(indicators);
    }

    public Table table() {
        var table = Table.of(
                "indicator",
                "unit",
                "period",
                "from",
                "to",
                "days",
                "source",
                "value",
                "per_30_days",
                "change",
                "change_percent",
                "note");
        for (IndicatorRow row : indicators) {
            for (int i = 0; i < periods.size(); i++) {
                PeriodRow p = periods.get(i);
                Figure f = row.figures().get(i);
                table.row(
                        row.indicator(),
                        row.unit().name().toLowerCase(Locale.ROOT),
                        p.label(),
                        p.from(),
                        p.to(),
                        p.days(),
                        p.source(),
                        f.value(),
                        f.per30Days(),
                        f.change(),
                        f.changePercent(),
                        f.note());
            }
        }
        return table.build();
    }

    /** Builds the report from each period's raw figures (null where there is none). */
    static BenefitReport of(BenefitRequest request, String timeZone, List<Map<Indicator, Double>> raw) {
        var periods = new ArrayList<PeriodRow>();
        List<BenefitRequest.Measurement> measured = request.periods();
        for (int i = 0; i < measured.size(); i++) {
            var m = measured.get(i);
            periods.add(new PeriodRow(
                    m.label(),
                    m.period().from(),
                    m.period().to(),
                    m.period().days(),
                    m.manual() ? "manual" : "log",
                    i == 0));
        }
        var rows = new ArrayList<IndicatorRow>();
        for (Indicator indicator : request.indicators()) {
            var figures = new ArrayList<Figure>();
            Double baseline = null;
            for (int i = 0; i < measured.size(); i++) {
                var m = measured.get(i);
                Double value = shown(indicator, raw.get(i).get(indicator));
                Double per30 = indicator.normalised() && value != null
                        ? Round.to(value * 30 / m.period().days(), 2)
                        : null;
                Double compared = indicator.normalised() ? per30 : value;
                String note = value != null ? null : missing(indicator, m);
                if (i == 0) {
                    baseline = compared;
                    figures.add(new Figure(m.label(), value, per30, null, null, note));
                    continue;
                }
                Double change = null;
                Double percent = null;
                if (compared != null && baseline == null) {
                    note = NO_BASELINE;
                } else if (compared != null) {
                    change = Round.to(compared - baseline, indicator.unit() == Indicator.Unit.SHARE ? 4 : 2);
                    if (baseline == 0) {
                        note = BASELINE_ZERO;
                    } else {
                        percent = Round.to((compared - baseline) / baseline * 100, 1);
                    }
                }
                figures.add(new Figure(m.label(), value, per30, change, percent, note));
            }
            rows.add(new IndicatorRow(indicator, indicator.unit(), indicator.normalised(), figures));
        }
        return new BenefitReport(request.siteId(), timeZone, periods, rows);
    }

    private static Double shown(Indicator indicator, Double value) {
        return switch (indicator.unit()) {
            case COUNT -> value;
            case SECONDS -> Round.to(value, 3);
            case SHARE -> Round.to(value, 4);
        };
    }

    private static String missing(Indicator indicator, BenefitRequest.Measurement m) {
        if (m.manual()) {
            return NOT_GIVEN;
        }
        return indicator.recordedInLog() ? NO_DATA : NOT_RECORDED;
    }

    /** One log period's raw figures, from the alarm histories and visits it is fed. */
    static final class Figures implements Consumer<AlarmHistory> {
        private final SiteCalendar calendar;
        private long falls, fallAlarms, calls, passive, judged, notActionable, nightVisits;
        private final Samples toAccept = new Samples();

        Figures(SiteCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void accept(AlarmHistory h) {
            if (h.type() == AlarmType.FALL) {
                fallAlarms++;
            }
            if (FallCounts.isFall(h)) {
                falls++;
            }
            AlarmKind kind = h.type().kind();
            if (kind == AlarmKind.CALL) {
                calls++;
            }
            if (kind == AlarmKind.PASSIVE) {
                passive++;
                var outcome = h.outcome();
                if (outcome == AlarmHistory.Outcome.RESOLVED || outcome == AlarmHistory.Outcome.NOT_ACTIONABLE) {
                    judged++;
                }
                if (outcome == AlarmHistory.Outcome.NOT_ACTIONABLE) {
                    notActionable++;
                }
            }
            if (ResponseTimes.counted(h)) {
                h.toAccepted().ifPresent(toAccept::add);
            }
        }

        void visit(Visit v) {
            if (calendar.atNight(v.at())) {
                nightVisits++;
            }
        }

        Map<Indicator, Double> values() {
            var values = new EnumMap<Indicator, Double>(Indicator.class);
            Percentiles accept = toAccept.percentiles();
            values.put(Indicator.FALLS, (double) falls);
            values.put(Indicator.FALL_ALARMS, (double) fallAlarms);
            values.put(Indicator.NIGHT_VISITS, (double) nightVisits);
            values.put(Indicator.CALLS, (double) calls);
            values.put(Indicator.PASSIVE_ALERTS, (double) passive);
            values.put(Indicator.MEDIAN_SECONDS_TO_ACCEPT, accept.p50());
            values.put(Indicator.P90_SECONDS_TO_ACCEPT, accept.p90());
            values.put(Indicator.NOT_ACTIONABLE_SHARE, judged == 0 ? null : (double) notActionable / judged);
            return values;
        }
    }
}
