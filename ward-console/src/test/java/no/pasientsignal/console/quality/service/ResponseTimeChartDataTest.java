package no.pasientsignal.console.quality.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pasientsignal.console.client.ResponseTimeReport;
import no.pasientsignal.console.client.ResponseTimeReport.Group;
import no.pasientsignal.console.client.ResponseTimeReport.Percentiles;
import no.pasientsignal.console.quality.service.ResponseTimeChartData.Measure;
import org.junit.jupiter.api.Test;

class ResponseTimeChartDataTest {

    private static final Percentiles NONE = Percentiles.NONE;

    private final ResponseTimeReport report = new ResponseTimeReport(
            "site",
            null,
            "Europe/Oslo",
            "SHIFT",
            List.of(
                    new Group(
                            "day",
                            new Percentiles(3, 30.0, 60.0, 60.0, 60.0),
                            new Percentiles(1, 90.0, 90.0, 90.0, 90.0),
                            NONE),
                    new Group("night", NONE, NONE, NONE)),
            new Group(
                    "total",
                    new Percentiles(3, 30.0, 60.0, 60.0, 60.0),
                    new Percentiles(1, 90.0, 90.0, 90.0, 90.0),
                    NONE));

    @Test
    void groups_then_the_total_along_the_axis_and_the_percentiles_as_series() {
        var table = ResponseTimeChartData.of(report, Measure.ACCEPTED, key -> key.equals("total") ? "Totalt" : key);

        assertThat(table.categories()).containsExactly("day", "night", "Totalt");
        assertThat(table.series()).containsExactly("p50", "p90", "p95", "max");
        assertThat(table.value("p50", "day")).isEqualTo(30.0);
        assertThat(table.value("p90", "Totalt")).isEqualTo(60.0);
    }

    @Test
    void a_group_without_samples_has_no_figures_rather_than_zero_seconds() {
        var table = ResponseTimeChartData.of(report, Measure.ACCEPTED, key -> key);

        assertThat(table.value("p50", "night")).isNull();
        assertThat(table.value("max", "night")).isNull();
    }

    @Test
    void the_measure_chosen_decides_which_times_are_drawn() {
        var present = ResponseTimeChartData.of(report, Measure.PRESENT, key -> key);
        var closed = ResponseTimeChartData.of(report, Measure.CLOSED, key -> key);

        assertThat(present.value("p50", "day")).isEqualTo(90.0);
        assertThat(closed.value("p50", "day")).isNull();
    }

    @Test
    void a_measure_the_server_left_out_counts_as_no_samples() {
        var sparse = new ResponseTimeReport(
                "site", null, "Europe/Oslo", "ZONE", List.of(new Group("z1", null, null, null)), null);

        var table = ResponseTimeChartData.of(sparse, Measure.ACCEPTED, key -> key);

        assertThat(table.categories()).containsExactly("z1");
        assertThat(table.value("p95", "z1")).isNull();
    }
}
