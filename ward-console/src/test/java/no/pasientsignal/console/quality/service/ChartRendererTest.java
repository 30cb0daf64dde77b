package no.pasientsignal.console.quality.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartRendererTest {

    @Test
    void a_chart_is_a_png_of_the_size_asked_for() throws IOException {
        var table =
                new ChartTable(List.of("2026-01", "2026-02"), List.of("Avdeling 2 Øst"), new Double[][] {{1.0, 3.0}});

        byte[] png =
                ChartRenderer.png(table, "Fall per avdeling", "Måned", "Antall fall", true, Locale.ENGLISH, 640, 320);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @Test
    void missing_figures_are_left_out_of_the_chart_without_failing() throws IOException {
        var table = new ChartTable(
                List.of("day", "night"), List.of("p50", "max"), new Double[][] {{30.0, null}, {60.0, null}});

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                ChartRenderer.png(table, "Responstid", "Vakt", "Sekunder", false, Locale.ENGLISH, 400, 200)));

        assertThat(image.getWidth()).isEqualTo(400);
    }

    @Test
    void the_bars_are_drawn_in_the_first_palette_colour() throws IOException {
        var table = new ChartTable(List.of("a"), List.of("s"), new Double[][] {{10.0}});

        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(ChartRenderer.png(table, "t", "x", "y", true, Locale.ENGLISH, 400, 300)));

        boolean blueBar = false;
        for (int x = 0; x < image.getWidth() && !blueBar; x++) {
            for (int y = 0; y < image.getHeight() && !blueBar; y++) {
                blueBar = (image.getRGB(x, y) & 0xFFFFFF) == 0x0072B2;
            }
        }
        assertThat(blueBar).as("a bar in Okabe-Ito blue").isTrue();
    }
}
