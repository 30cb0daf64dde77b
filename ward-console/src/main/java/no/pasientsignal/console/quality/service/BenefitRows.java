package no.pasientsignal.console.quality.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pasientsignal.console.client.BenefitResult;

/**
 * The benefit report as table rows, as the server's CSV has them: one per indicator and period, baseline first. The
 * figures are the server's, unchanged (they are rounded there so they can be checked with a calculator).
 */
public final class BenefitRows {

    /** The server's notes (docs/reports.md) and the keys of their translations. */
    private static final Map<String, String> NOTES = Map.of(
            "not recorded yet", "quality.benefit.note.notRecorded",
            "not given", "quality.benefit.note.notGiven",
            "no data in the period", "quality.benefit.note.noData",
            "no baseline figure to compare with", "quality.benefit.note.noBaseline",
            "baseline is 0: no percentage", "quality.benefit.note.baselineZero");

    private BenefitRows() {}

    /**
     * @param first whether this is the indicator's first row (the table names the indicator once)
     */
    public record Row(
            String indicator,
            String unit,
            boolean first,
            String period,
            LocalDate from,
            LocalDate to,
            long days,
            String source,
            BenefitResult.Figure figure) {}

    public static List<Row> of(BenefitResult report) {
        var rows = new ArrayList<Row>();
        for (BenefitResult.IndicatorRow indicator : report.indicators()) {
            List<BenefitResult.Figure> figures = indicator.figures();
            if (figures.size() != report.periods().size()) {
                throw new IllegalArgumentException(
                        "the report has " + report.periods().size() + " periods but " + figures.size() + " figures for "
                                + indicator.indicator());
            }
            for (int i = 0; i < figures.size(); i++) {
                BenefitResult.PeriodRow period = report.periods().get(i);
                rows.add(new Row(
                        indicator.indicator(),
                        indicator.unit(),
                        i == 0,
                        period.label(),
                        period.from(),
                        period.to(),
                        period.days(),
                        period.source(),
                        figures.get(i)));
            }
        }
        return rows;
    }

    /** The translation key of a note the server wrote, or null for a note this console does not know. */
    public static String noteKey(String note) {
        return note == null ? null : NOTES.get(note);
    }
}
