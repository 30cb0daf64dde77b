package no.pasientsignal.console.quality.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.pasientsignal.console.client.FallReport;
import org.junit.jupiter.api.Test;

class FallChartDataTest {

    private static FallReport report(String by, FallReport.Row... rows) {
        return new FallReport("site", null, "Europe/Oslo", by, "WARD", List.of(rows), rows.length);
    }

    @Test
    void buckets_are_in_time_order_and_wards_in_the_servers_order() {
        var table = FallChartData.of(
                report(
                        "MONTH",
                        new FallReport.Row("w-a", "2026-03", 2),
                        new FallReport.Row("w-a", "2026-01", 1),
                        new FallReport.Row("w-b", "2026-02", 4)),
                id -> id);

        assertThat(table.categories()).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(table.series()).containsExactly("w-a", "w-b");
        assertThat(table.value("w-a", "2026-03")).isEqualTo(2.0);
        assertThat(table.value("w-b", "2026-02")).isEqualTo(4.0);
    }

    @Test
    void a_cell_the_server_left_out_had_no_fall_and_is_zero() {
        var table = FallChartData.of(
                report("WEEK", new FallReport.Row("w-a", "2026-W05", 1), new FallReport.Row("w-b", "2026-W06", 3)),
                id -> id);

        assertThat(table.value("w-a", "2026-W06")).isEqualTo(0.0);
        assertThat(table.value("w-b", "2026-W05")).isEqualTo(0.0);
    }

    @Test
    void by_hour_every_hour_of_the_day_is_on_the_axis() {
        var table = FallChartData.of(report("HOUR", new FallReport.Row("w-a", "03", 5)), id -> id);

        assertThat(table.categories()).hasSize(24).startsWith("00", "01").endsWith("23");
        assertThat(table.value("w-a", "03")).isEqualTo(5.0);
        assertThat(table.value("w-a", "04")).isEqualTo(0.0);
    }

    @Test
    void wards_are_named_and_two_wards_with_the_same_name_stay_apart() {
        var names = Map.of("w-a", "Avdeling 2 Øst", "w-b", "Avdeling 2 Øst", "w-c", "Avdeling 3");
        var table = FallChartData.of(
                report(
                        "MONTH",
                        new FallReport.Row("w-a", "2026-01", 1),
                        new FallReport.Row("w-b", "2026-01", 2),
                        new FallReport.Row("w-c", "2026-01", 3)),
                names::get);

        assertThat(table.series()).containsExactly("Avdeling 2 Øst (w-a)", "Avdeling 2 Øst (w-b)", "Avdeling 3");
    }

    @Test
    void no_falls_give_an_empty_chart() {
        assertThat(FallChartData.of(report("MONTH"), id -> id).isEmpty()).isTrue();
    }
}
