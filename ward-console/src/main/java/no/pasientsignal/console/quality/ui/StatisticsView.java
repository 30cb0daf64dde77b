package no.pasientsignal.console.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.FallReport;
import no.pasientsignal.console.client.PlaceNamesClient;
import no.pasientsignal.console.client.ReportsClient;
import no.pasientsignal.console.client.ResponseTimeReport;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.quality.service.ChartRenderer;
import no.pasientsignal.console.quality.service.ChartTable;
import no.pasientsignal.console.quality.service.FallChartData;
import no.pasientsignal.console.quality.service.PlaceNames;
import no.pasientsignal.console.quality.service.ResponseTimeChartData;
import no.pasientsignal.console.quality.service.ResponseTimeChartData.Measure;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Fall statistics and response times for a site and period: each as a bar chart drawn on the server (PNG), its
 * figures as a table for screen readers and checking, and the server's CSV. The figures are the server's (see
 * docs/reports.md); this view only draws them.
 */
@Route(value = "statistics", layout = MainLayout.class)
@AllowedRoles({StaffRole.QUALITY_LEAD, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "quality.menu.statistics", order = 35)
public final class StatisticsView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 420;

    private final transient ReportsClient reports;
    private final transient AccessToken token;
    private final transient PlaceNames places;

    private final H2 heading = new H2();
    private final Select<PlaceNames.Place> site = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button show = new Button();
    private final Paragraph error = new Paragraph();

    private final H3 fallsHeading = new H3();
    private final Select<String> fallsBy = new Select<>();
    private final Select<String> fallsPer = new Select<>();
    private final Paragraph fallsTotal = new Paragraph();
    private final Image fallsChart = new Image();
    private final Grid<FallReport.Row> fallsTable = new Grid<>();
    private final CsvExport fallsCsv;

    private final H3 timesHeading = new H3();
    private final Select<String> timesBy = new Select<>();
    private final Select<Measure> measure = new Select<>();
    private final Paragraph timesNote = new Paragraph();
    private final Image timesChart = new Image();
    private final Grid<TimeRow> timesTable = new Grid<>();
    private final CsvExport timesCsv;

    private FallReport falls;
    private ResponseTimeReport times;

    /** One line of the response-time table: a group's figures for one measure. */
    record TimeRow(String group, Measure measure, ResponseTimeReport.Percentiles figures) {}

    public StatisticsView() {
        ConsoleServices services = ConsoleServices.current();
        this.token = services.authentication().currentUser().orElseThrow().token();
        this.reports = new ReportsClient(services.api());
        this.places = loadPlaces(new PlaceNamesClient(services.api()));
        addClassNames("quality-view", "statistics-view");
        heading.setId("stats-heading");

        site.setId("stats-site");
        site.setItems(places.places("site"));
        site.setItemLabelGenerator(PlaceNames.Place::label);
        if (!places.places("site").isEmpty()) {
            site.setValue(places.places("site").getFirst());
        }
        LocalDate today = LocalDate.now(QualityFormat.ZONE);
        from.setId("stats-from");
        from.setValue(today.withDayOfMonth(1).minusMonths(11));
        to.setId("stats-to");
        to.setValue(today);
        show.setId("stats-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(click -> showBoth());
        Div period = new Div(site, from, to, show);
        period.addClassName("quality-form");

        error.setId("stats-error");
        error.addClassName("quality-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        fallsBy.setId("stats-falls-by");
        fallsBy.setItems("MONTH", "WEEK", "HOUR");
        fallsBy.setValue("MONTH");
        fallsBy.addValueChangeListener(change -> {
            if (change.isFromClient() && falls != null) {
                showFalls();
            }
        });
        fallsPer.setId("stats-falls-per");
        fallsPer.setItems("WARD", "ROOM", "RESIDENT");
        fallsPer.setValue("WARD");
        fallsPer.addValueChangeListener(change -> {
            if (change.isFromClient() && falls != null) {
                showFalls();
            }
        });
        fallsTotal.setId("stats-falls-total");
        fallsChart.setId("stats-falls-chart");
        fallsChart.addClassName("quality-chart");
        fallsChart.setVisible(false);
        fallsTable.setId("stats-falls-table");
        fallsTable
                .addColumn(row -> groupLabel(falls == null ? "WARD" : falls.per(), row.group()))
                .setKey("group")
                .setAutoWidth(true);
        fallsTable.addColumn(FallReport.Row::bucket).setKey("bucket").setAutoWidth(true);
        fallsTable.addColumn(row -> Long.toString(row.falls())).setKey("falls").setAutoWidth(true);
        fallsTable.setAllRowsVisible(true);
        fallsTable.setVisible(false);
        fallsCsv = new CsvExport(
                "stats-falls",
                "falls.csv",
                () -> reports.fallsCsv(
                        siteId(), from.getValue(), to.getValue(), fallsBy.getValue(), fallsPer.getValue(), token),
                this::showError);
        fallsCsv.setEnabledToExport(false);
        Div fallsOptions = new Div(fallsBy, fallsPer, fallsCsv);
        fallsOptions.addClassName("quality-form");
        Div fallsSection = new Div(fallsHeading, fallsOptions, fallsTotal, fallsChart, fallsTable);
        fallsSection.addClassName("quality-section");

        timesBy.setId("stats-times-by");
        timesBy.setItems("SHIFT", "ZONE", "PRIORITY");
        timesBy.setValue("SHIFT");
        timesBy.addValueChangeListener(change -> {
            if (change.isFromClient() && times != null) {
                showTimes();
            }
        });
        measure.setId("stats-times-measure");
        measure.setItems(Measure.values());
        measure.setValue(Measure.ACCEPTED);
        measure.addValueChangeListener(change -> {
            if (times != null) {
                drawTimes();
            }
        });
        timesNote.setId("stats-times-note");
        timesChart.setId("stats-times-chart");
        timesChart.addClassName("quality-chart");
        timesChart.setVisible(false);
        timesTable.setId("stats-times-table");
        timesTable
                .addColumn(row -> groupLabel(times == null ? "SHIFT" : times.by(), row.group()))
                .setKey("group")
                .setAutoWidth(true);
        timesTable
                .addColumn(row -> getTranslation("quality.stats.measure." + row.measure()))
                .setKey("measure")
                .setAutoWidth(true);
        timesTable
                .addColumn(row -> Integer.toString(row.figures().count()))
                .setKey("count")
                .setAutoWidth(true);
        timesTable.addColumn(row -> seconds(row.figures().p50())).setKey("p50").setAutoWidth(true);
        timesTable.addColumn(row -> seconds(row.figures().p90())).setKey("p90").setAutoWidth(true);
        timesTable.addColumn(row -> seconds(row.figures().p95())).setKey("p95").setAutoWidth(true);
        timesTable.addColumn(row -> seconds(row.figures().max())).setKey("max").setAutoWidth(true);
        timesTable.setAllRowsVisible(true);
        timesTable.setVisible(false);
        timesCsv = new CsvExport(
                "stats-times",
                "response-times.csv",
                () -> reports.responseTimesCsv(siteId(), from.getValue(), to.getValue(), timesBy.getValue(), token),
                this::showError);
        timesCsv.setEnabledToExport(false);
        Div timesOptions = new Div(timesBy, measure, timesCsv);
        timesOptions.addClassName("quality-form");
        Div timesSection = new Div(timesHeading, timesOptions, timesNote, timesChart, timesTable);
        timesSection.addClassName("quality-section");

        add(heading, period, error, fallsSection, timesSection);
        updateTexts();
    }

    private PlaceNames loadPlaces(PlaceNamesClient client) {
        try {
            return PlaceNames.load(client, token);
        } catch (SignalServerException e) {
            return PlaceNames.none();
        }
    }

    private String siteId() {
        return site.getValue() == null ? null : site.getValue().id();
    }

    private void showBoth() {
        error.setVisible(false);
        showFalls();
        showTimes();
    }

    private void showFalls() {
        FallReport report;
        try {
            report = reports.falls(
                    siteId(), from.getValue(), to.getValue(), fallsBy.getValue(), fallsPer.getValue(), token);
        } catch (SignalServerException e) {
            showError(e);
            return;
        }
        falls = report;
        fallsCsv.setEnabledToExport(true);
        fallsCsv.reset();
        drawFalls();
    }

    private void drawFalls() {
        fallsTotal.setText(getTranslation("quality.stats.falls.total", falls.total(), falls.timeZone()));
        fallsTable.getColumnByKey("group").setHeader(getTranslation("quality.stats.per." + falls.per()));
        fallsTable.getColumnByKey("bucket").setHeader(getTranslation("quality.stats.by." + falls.by()));
        fallsTable.setItems(falls.rows());
        fallsTable.setVisible(!falls.rows().isEmpty());
        ChartTable table = FallChartData.of(falls, id -> groupLabel(falls.per(), id));
        if (table.isEmpty()) {
            fallsChart.setVisible(false);
            return;
        }
        String title = getTranslation(
                "quality.stats.falls.chart",
                lower(getTranslation("quality.stats.per." + falls.per())),
                lower(getTranslation("quality.stats.by." + falls.by())));
        byte[] png = ChartRenderer.png(
                table,
                title,
                getTranslation("quality.stats.by." + falls.by()),
                getTranslation("quality.stats.falls.axis"),
                true,
                getLocale(),
                CHART_WIDTH,
                CHART_HEIGHT);
        setImage(fallsChart, "falls.png", png, title + ". " + getTranslation("quality.stats.chart.alt"));
    }

    private void showTimes() {
        ResponseTimeReport report;
        try {
            report = reports.responseTimes(siteId(), from.getValue(), to.getValue(), timesBy.getValue(), token);
        } catch (SignalServerException e) {
            showError(e);
            return;
        }
        times = report;
        timesCsv.setEnabledToExport(true);
        timesCsv.reset();
        drawTimes();
    }

    private void drawTimes() {
        var rows = new ArrayList<TimeRow>();
        var groups = new ArrayList<>(times.groups());
        if (times.total() != null) {
            groups.add(times.total());
        }
        for (ResponseTimeReport.Group group : groups) {
            String key = group == times.total() ? ResponseTimeChartData.TOTAL : group.key();
            for (Measure m : Measure.values()) {
                rows.add(new TimeRow(key, m, m.of(group)));
            }
        }
        timesTable.getColumnByKey("group").setHeader(getTranslation("quality.stats.by." + times.by()));
        timesTable.setItems(rows);
        timesTable.setVisible(true);
        Measure chosen = measure.getValue() == null ? Measure.ACCEPTED : measure.getValue();
        long samples = chosen.of(times.total()).count();
        timesNote.setText(
                samples == 0
                        ? getTranslation("quality.stats.times.none")
                        : getTranslation("quality.stats.times.samples", samples, times.timeZone()));
        ChartTable table = ResponseTimeChartData.of(times, chosen, key -> groupLabel(times.by(), key));
        if (!table.hasValues()) {
            timesChart.setVisible(false);
            return;
        }
        String title = getTranslation(
                "quality.stats.times.chart",
                getTranslation("quality.stats.measure." + chosen),
                lower(getTranslation("quality.stats.by." + times.by())));
        byte[] png = ChartRenderer.png(
                table,
                title,
                getTranslation("quality.stats.by." + times.by()),
                getTranslation("quality.stats.times.axis"),
                false,
                getLocale(),
                CHART_WIDTH,
                CHART_HEIGHT);
        setImage(timesChart, "response-times.png", png, title + ". " + getTranslation("quality.stats.chart.alt"));
    }

    @SuppressWarnings("removal") // StreamResource: the one image source Karibu can fetch in tests
    private static void setImage(Image image, String name, byte[] png, String alt) {
        image.setSrc(new StreamResource(name, () -> new ByteArrayInputStream(png)));
        image.setAlt(alt);
        image.setVisible(true);
    }

    /** The name of a group: a ward's or room's name, a zone's name, "total"; shifts, priorities and pseudonyms as they are. */
    private String groupLabel(String kind, String key) {
        if (key == null) {
            return "";
        }
        if (ResponseTimeChartData.TOTAL.equals(key)) {
            return getTranslation("quality.stats.total");
        }
        return switch (kind.toUpperCase(Locale.ROOT)) {
            case "WARD" -> places.label("ward", key);
            case "ROOM" -> places.label("room", key);
            case "ZONE" -> places.label("zone", key);
            default -> key;
        };
    }

    /** A label inside a sentence (a chart's title) starts in lower case. */
    private String lower(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(getLocale()) + label.substring(1);
    }

    private String seconds(Double value) {
        return QualityFormat.number(value, 3, getLocale());
    }

    private void showError(SignalServerException e) {
        error.setText(ServerErrors.sentence(this, e));
        error.setVisible(true);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        heading.setText(getTranslation("quality.stats.heading"));
        site.setLabel(getTranslation("quality.site"));
        from.setLabel(getTranslation("quality.period.from"));
        to.setLabel(getTranslation("quality.period.to"));
        show.setText(getTranslation("quality.stats.show"));
        fallsHeading.setText(getTranslation("quality.stats.falls.heading"));
        fallsBy.setLabel(getTranslation("quality.stats.by"));
        fallsBy.setItemLabelGenerator(value -> getTranslation("quality.stats.by." + value));
        fallsPer.setLabel(getTranslation("quality.stats.per"));
        fallsPer.setItemLabelGenerator(value -> getTranslation("quality.stats.per." + value));
        fallsTable.getColumnByKey("group").setHeader(getTranslation("quality.stats.per." + fallsPer.getValue()));
        fallsTable.getColumnByKey("bucket").setHeader(getTranslation("quality.stats.by." + fallsBy.getValue()));
        fallsTable.getColumnByKey("falls").setHeader(getTranslation("quality.stats.falls.axis"));
        fallsTable.setAriaLabel(getTranslation("quality.stats.falls.table"));
        timesHeading.setText(getTranslation("quality.stats.times.heading"));
        timesBy.setLabel(getTranslation("quality.stats.by"));
        timesBy.setItemLabelGenerator(value -> getTranslation("quality.stats.by." + value));
        measure.setLabel(getTranslation("quality.stats.measure"));
        measure.setItemLabelGenerator(value -> getTranslation("quality.stats.measure." + value));
        timesTable.getColumnByKey("group").setHeader(getTranslation("quality.stats.by." + timesBy.getValue()));
        timesTable.getColumnByKey("measure").setHeader(getTranslation("quality.stats.measure"));
        for (String key : List.of("count", "p50", "p90", "p95", "max")) {
            timesTable.getColumnByKey(key).setHeader(getTranslation("quality.stats.column." + key));
        }
        timesTable.setAriaLabel(getTranslation("quality.stats.times.table"));
        fallsCsv.updateTexts();
        timesCsv.updateTexts();
        if (falls != null) {
            drawFalls();
        } else {
            fallsTotal.setText(getTranslation("quality.stats.notShown"));
        }
        if (times != null) {
            drawTimes();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.stats.title");
    }
}
