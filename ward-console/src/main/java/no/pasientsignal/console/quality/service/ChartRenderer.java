package no.pasientsignal.console.quality.service;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link ChartTable} as a bar chart in PNG with JFreeChart, on the server in headless AWT (no browser
 * component, no commercial chart licence). Colours are the Okabe-Ito palette, which people with the common colour
 * vision deficiencies can tell apart, on white with dark text. Thread-safe: every call builds its own chart.
 */
public final class ChartRenderer {

    static {
        // The console runs on servers without a display; JFreeChart only needs AWT's off-screen drawing.
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe-Ito, without its yellow (too light on white for thin bars). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0xE69F00),
        new Color(0x000000),
    };

    private static final Color TEXT = new Color(0x1F2933);
    private static final Color GRID = new Color(0xC8CDD2);

    private ChartRenderer() {}

    /**
     * @param integers whether the values are counts (the axis then shows whole numbers only)
     * @param locale the reader's language, for the numbers on the axis
     * @return the chart as PNG, {@code width} x {@code height} pixels
     */
    public static byte[] png(
            ChartTable table,
            String title,
            String categoryAxis,
            String valueAxis,
            boolean integers,
            Locale locale,
            int width,
            int height) {
        var dataset = new DefaultCategoryDataset();
        for (int s = 0; s < table.series().size(); s++) {
            for (int c = 0; c < table.categories().size(); c++) {
                // null stays null: JFreeChart draws no bar for a figure that does not exist
                dataset.addValue(
                        table.values()[s][c],
                        table.series().get(s),
                        table.categories().get(c));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                title, categoryAxis, valueAxis, dataset, PlotOrientation.VERTICAL, true, false, false);
        style(chart, integers, table.categories().size(), locale);
        BufferedImage image = chart.createBufferedImage(width, height);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static void style(JFreeChart chart, boolean integers, int categories, Locale locale) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setPaint(TEXT);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemPaint(TEXT);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelPaint(TEXT);
        x.setLabelPaint(TEXT);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (categories > 12) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setTickLabelPaint(TEXT);
        y.setLabelPaint(TEXT);
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (integers) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        // the axis writes numbers as the reader does (1,5 in Norwegian), not as the server's JVM would
        y.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        // one bar alone would otherwise fill the whole plot
        bars.setMaximumBarWidth(0.08);
        for (int s = 0; s < plot.getDataset().getRowCount(); s++) {
            Paint paint = PALETTE[s % PALETTE.length];
            bars.setSeriesPaint(s, paint);
        }
    }
}
