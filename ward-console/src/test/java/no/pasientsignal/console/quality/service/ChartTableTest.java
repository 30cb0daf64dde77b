package no.pasientsignal.console.quality.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTableTest {

    @Test
    void a_table_of_only_missing_figures_has_nothing_to_draw() {
        var none = new ChartTable(List.of("day", "night"), List.of("p50"), new Double[][] {{null, null}});
        var some = new ChartTable(List.of("day", "night"), List.of("p50"), new Double[][] {{null, 12.5}});

        assertThat(none.hasValues()).isFalse();
        assertThat(some.hasValues()).isTrue();
    }

    @Test
    void cells_list_every_category_and_series_with_missing_figures_kept_missing() {
        var table = new ChartTable(
                List.of("day", "night"), List.of("p50", "max"), new Double[][] {{1.0, null}, {2.0, 3.0}});

        assertThat(table.cells())
                .containsExactly(
                        new ChartTable.Cell("day", "p50", 1.0),
                        new ChartTable.Cell("day", "max", 2.0),
                        new ChartTable.Cell("night", "p50", null),
                        new ChartTable.Cell("night", "max", 3.0));
    }

    @Test
    void a_row_of_the_wrong_length_is_refused() {
        assertThatThrownBy(() -> new ChartTable(List.of("a", "b"), List.of("s"), new Double[][] {{1.0}}))
                .hasMessageContaining("one value per category");
    }
}
