package no.pasientsignal.console.quality.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one chart, as a table: a value per series and category. The chart and its accessible table are drawn
 * from the same object, so they cannot disagree. A null value is a figure that does not exist (no samples), which the
 * chart leaves out and the table shows as missing, never as 0.
 *
 * @param categories the x axis, in order (months, hours, shifts ...)
 * @param series the bars per category, in order (wards, percentiles ...)
 * @param values {@code values[s][c]} for series s and category c
 */
public record ChartTable(List<String> categories, List<String> series, Double[][] values) {

    public ChartTable {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        Objects.requireNonNull(values, "values");
        if (values.length != series.size()) {
            throw new IllegalArgumentException("one row of values per series");
        }
        Double[][] copy = new Double[values.length][];
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != categories.size()) {
                throw new IllegalArgumentException("one value per category in series " + series.get(s));
            }
            copy[s] = values[s].clone();
        }
        values = copy;
    }

    /** The value of {@code series} in {@code category}, or null. */
    public Double value(String series, String category) {
        int s = this.series.indexOf(series);
        int c = categories.indexOf(category);
        if (s < 0 || c < 0) {
            throw new IllegalArgumentException("no cell " + series + " / " + category);
        }
        return values[s][c];
    }

    public boolean isEmpty() {
        return categories.isEmpty() || series.isEmpty();
    }

    /** Whether any cell has a figure: a chart of nothing but missing figures says nothing. */
    public boolean hasValues() {
        for (Double[] row : values) {
            for (Double value : row) {
                if (value != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The table's rows for a screen table: one per category and series. */
    public List<Cell> cells() {
        var cells = new ArrayList<Cell>();
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                cells.add(new Cell(categories.get(c), series.get(s), values[s][c]));
            }
        }
        return cells;
    }

    public record Cell(String category, String series, Double value) {}

    @Override
    public boolean equals(Object other) {
        return other instanceof ChartTable t
                && categories.equals(t.categories)
                && series.equals(t.series)
                && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categories, series, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return "ChartTable" + categories + series + Arrays.deepToString(values);
    }
}
