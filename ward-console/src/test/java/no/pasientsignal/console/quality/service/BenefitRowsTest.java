package no.pasientsignal.console.quality.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import no.pasientsignal.console.client.BenefitResult;
import no.pasientsignal.console.client.BenefitResult.Figure;
import no.pasientsignal.console.client.BenefitResult.IndicatorRow;
import no.pasientsignal.console.client.BenefitResult.PeriodRow;
import org.junit.jupiter.api.Test;

class BenefitRowsTest {

    private static final List<PeriodRow> PERIODS = List.of(
            new PeriodRow("Før", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), 90, "manual", true),
            new PeriodRow("Etter", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), 28, "log", false));

    @Test
    void one_row_per_indicator_and_period_with_the_indicator_named_once() {
        var report = new BenefitResult(
                "site",
                "Europe/Oslo",
                PERIODS,
                List.of(
                        new IndicatorRow(
                                "FALLS",
                                "COUNT",
                                true,
                                List.of(
                                        new Figure("Før", 12.0, 4.0, null, null, null),
                                        new Figure("Etter", 2.0, 2.14, -1.86, -46.5, null))),
                        new IndicatorRow(
                                "MEDIAN_SECONDS_TO_ACCEPT",
                                "SECONDS",
                                false,
                                List.of(
                                        new Figure("Før", null, null, null, null, "not given"),
                                        new Figure(
                                                "Etter",
                                                41.2,
                                                null,
                                                null,
                                                null,
                                                "no baseline figure to compare with")))));

        var rows = BenefitRows.of(report);

        assertThat(rows).extracting(BenefitRows.Row::first).containsExactly(true, false, true, false);
        assertThat(rows.get(1).period()).isEqualTo("Etter");
        assertThat(rows.get(1).days()).isEqualTo(28);
        assertThat(rows.get(1).source()).isEqualTo("log");
        assertThat(rows.get(1).figure().changePercent()).isEqualTo(-46.5);
        assertThat(rows.get(2).unit()).isEqualTo("SECONDS");
    }

    @Test
    void a_report_with_a_figure_missing_for_a_period_is_refused() {
        var report = new BenefitResult(
                "site",
                "Europe/Oslo",
                PERIODS,
                List.of(new IndicatorRow(
                        "FALLS", "COUNT", true, List.of(new Figure("Før", 12.0, 4.0, null, null, null)))));

        assertThatThrownBy(() -> BenefitRows.of(report)).hasMessageContaining("2 periods but 1 figures");
    }

    @Test
    void the_servers_notes_have_translations_and_an_unknown_note_has_none() {
        assertThat(BenefitRows.noteKey("not recorded yet")).isEqualTo("quality.benefit.note.notRecorded");
        assertThat(BenefitRows.noteKey("baseline is 0: no percentage")).isEqualTo("quality.benefit.note.baselineZero");
        assertThat(BenefitRows.noteKey("something new")).isNull();
    }
}
