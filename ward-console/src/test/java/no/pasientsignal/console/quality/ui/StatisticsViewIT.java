package no.pasientsignal.console.quality.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.imageio.ImageIO;
import no.pasientsignal.console.client.FallReport;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.quality.FallInOwnWard;
import no.pasientsignal.console.quality.service.ResponseTimeChartData;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fall statistics and response times against the real signal server, with a real fall from device-sim. */
class StatisticsViewIT {

    private static FallInOwnWard fall;
    private KaribuConsole console;

    @BeforeAll
    static void raiseTheFall() {
        fall = FallInOwnWard.get();
    }

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("login");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void the_fall_is_counted_for_its_ward_in_the_table_and_drawn_as_a_png_chart() throws IOException {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("stats-show")));

        Grid<FallReport.Row> table = fallsTable();
        String month = YearMonth.from(fall.fellAt.atZone(QualityFormat.ZONE)).toString();
        int row = rowOf(table, fall.wardId);
        assertThat(_getFormatted(table, row, "group")).isEqualTo(FallInOwnWard.WARD_NAME);
        assertThat(_getFormatted(table, row, "bucket")).isEqualTo(month);
        assertThat(_getFormatted(table, row, "falls")).isEqualTo("1");

        BufferedImage chart = decode(_get(Image.class, spec -> spec.withId("stats-falls-chart")));
        assertThat(chart.getWidth()).isEqualTo(StatisticsView.CHART_WIDTH);
        assertThat(chart.getHeight()).isEqualTo(StatisticsView.CHART_HEIGHT);
        assertThat(_get(Image.class, spec -> spec.withId("stats-falls-chart")).getAlt())
                .hasValueSatisfying(alt -> assertThat(alt).contains("tabellen"));
    }

    @Test
    void falls_per_room_by_hour_name_the_room_and_the_hour_it_happened() {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("stats-show")));
        _setValue(select("stats-falls-per"), "ROOM");
        _setValue(select("stats-falls-by"), "HOUR");
        _click(_get(Button.class, spec -> spec.withId("stats-show")));

        Grid<FallReport.Row> table = fallsTable();
        int row = rowOf(table, fall.roomId);
        assertThat(_getFormatted(table, row, "group")).startsWith(FallInOwnWard.ROOM_NUMBER);
        assertThat(_getFormatted(table, row, "bucket"))
                .isEqualTo(String.format(
                        "%02d", fall.fellAt.atZone(QualityFormat.ZONE).getHour()));
    }

    @Test
    void the_falls_csv_is_the_servers_with_the_fall_in_it() {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("stats-show")));
        _click(_get(Button.class, spec -> spec.withId("stats-falls-csv")));

        String csv = new String(
                DownloadKt.download(_get(Anchor.class, spec -> spec.withId("stats-falls-csv-download"))),
                StandardCharsets.UTF_8);
        String month = YearMonth.from(fall.fellAt.atZone(QualityFormat.ZONE)).toString();
        assertThat(csv.lines().toList()).first().isEqualTo("ward,month,falls");
        assertThat(csv.lines().toList()).contains(fall.wardId + "," + month + ",1");
    }

    @Test
    void response_times_are_shown_per_shift_with_a_total_as_table_chart_and_csv() throws IOException {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("stats-show")));

        @SuppressWarnings("unchecked")
        Grid<StatisticsView.TimeRow> table = _get(Grid.class, spec -> spec.withId("stats-times-table"));
        List<StatisticsView.TimeRow> rows = _findAll(table);
        // the demo plan's three shifts and the total, each with its three measures
        assertThat(rows).hasSize(4 * 3);
        assertThat(_getFormatted(table, rows.size() - 1, "group")).isEqualTo("Totalt");
        // the fall was accepted, so the total of raised to accepted has at least it, with figures in seconds
        StatisticsView.TimeRow accepted = rows.get(rows.size() - 3);
        assertThat(accepted.measure()).isEqualTo(ResponseTimeChartData.Measure.ACCEPTED);
        assertThat(accepted.figures().count()).isPositive();
        assertThat(_getFormatted(table, rows.size() - 3, "p50")).isNotEqualTo(QualityFormat.MISSING);
        BufferedImage chart = decode(_get(Image.class, spec -> spec.withId("stats-times-chart")));
        assertThat(chart.getWidth()).isEqualTo(StatisticsView.CHART_WIDTH);

        _click(_get(Button.class, spec -> spec.withId("stats-times-csv")));
        String csv = new String(
                DownloadKt.download(_get(Anchor.class, spec -> spec.withId("stats-times-csv-download"))),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("shift,measure,count,p50_s,p90_s,p95_s,max_s");
    }

    @Test
    void a_period_ending_before_it_starts_is_refused_with_the_servers_sentence_and_the_dates_stay() {
        openAsQualityLead();
        LocalDate from = LocalDate.now().minusDays(1);
        LocalDate to = LocalDate.now().minusDays(10);
        _setValue(_get(DatePicker.class, spec -> spec.withId("stats-from")), from);
        _setValue(_get(DatePicker.class, spec -> spec.withId("stats-to")), to);
        _click(_get(Button.class, spec -> spec.withId("stats-show")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("stats-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .startsWith("Signalserveren godtok det ikke: ")
                .contains("to");
        assertThat(_get(DatePicker.class, spec -> spec.withId("stats-from")).getValue())
                .isEqualTo(from);
        assertThat(_get(DatePicker.class, spec -> spec.withId("stats-to")).getValue())
                .isEqualTo(to);
        assertThat(_find(Image.class, spec -> spec.withId("stats-falls-chart"))).isEmpty(); // no chart shown
    }

    @Test
    void switching_to_english_relabels_the_view_and_redraws_the_chart_in_english() {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("stats-show")));
        @SuppressWarnings("unchecked")
        Select<java.util.Locale> language = _get(Select.class, spec -> spec.withId("language-select"));
        _setValue(language, java.util.Locale.ENGLISH);

        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("stats-heading"))
                        .getText())
                .isEqualTo("Falls and response times");
        assertThat(_get(Image.class, spec -> spec.withId("stats-falls-chart")).getAlt())
                .hasValue("Falls per ward, by month. The figures are in the table below the chart.");
        assertThat(fallsTable().getColumnByKey("bucket").getHeaderText()).isEqualTo("Month");
    }

    @Test
    void nurses_and_technicians_are_refused_the_statistics() {
        for (String user : List.of("sykepleier", "tekniker")) {
            UI.getCurrent().navigate("login");
            KaribuConsole.logInAsDemo(user);
            UI.getCurrent().navigate("statistics");
            _get(NoAccessView.class);
            assertThat(_find(StatisticsView.class)).isEmpty();
            _click(_get(Button.class, spec -> spec.withId("logout-button")));
        }
    }

    private static void openAsQualityLead() {
        KaribuConsole.logInAsDemo("kvalitet");
        UI.getCurrent().navigate("statistics");
        _get(StatisticsView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<FallReport.Row> fallsTable() {
        return _get(Grid.class, spec -> spec.withId("stats-falls-table"));
    }

    private static int rowOf(Grid<FallReport.Row> table, String group) {
        List<FallReport.Row> rows = _findAll(table);
        assertThat(rows).extracting(FallReport.Row::group).contains(group);
        assertThat(_size(table)).isEqualTo(rows.size());
        return rows.stream().map(FallReport.Row::group).toList().indexOf(group);
    }

    private static BufferedImage decode(Image image) throws IOException {
        assertThat(image.isVisible()).isTrue();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(DownloadKt.download(image)));
        assertThat(decoded).as("the chart decodes as an image").isNotNull();
        return decoded;
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }
}
