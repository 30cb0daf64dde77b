package no.pasientsignal.console.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.BenefitRequest;
import no.pasientsignal.console.client.BenefitResult;
import no.pasientsignal.console.client.PlaceNamesClient;
import no.pasientsignal.console.client.ReportsClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.quality.service.BenefitRows;
import no.pasientsignal.console.quality.service.PlaceNames;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;

/**
 * Benefit follow-up (the national welfare-technology programme's method): chosen result indicators for a baseline,
 * read from the log or typed in from paper records, and follow-up periods read from the log; the server gives the
 * raw figure, per 30 days, and the change against the baseline, absolute and in percent. A refused request keeps the
 * form as it was, with the server's sentence.
 */
@Route(value = "benefit", layout = MainLayout.class)
@AllowedRoles({StaffRole.QUALITY_LEAD, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "quality.menu.benefit", order = 38)
public final class BenefitView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    /** The server's indicators, in its order. */
    static final List<String> INDICATORS = List.of(
            "FALLS",
            "FALL_ALARMS",
            "NIGHT_VISITS",
            "CALLS",
            "PASSIVE_ALERTS",
            "MEDIAN_SECONDS_TO_ACCEPT",
            "P90_SECONDS_TO_ACCEPT",
            "NOT_ACTIONABLE_SHARE",
            "DIGITAL_SUPERVISIONS");

    static final String LOG = "LOG";
    static final String MANUAL = "MANUAL";

    private final transient ReportsClient reports;
    private final transient AccessToken token;

    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final Select<PlaceNames.Place> site = new Select<>();
    private final CheckboxGroup<String> indicators = new CheckboxGroup<>();

    private final H3 baselineHeading = new H3();
    private final TextField baselineLabel = new TextField();
    private final DatePicker baselineFrom = new DatePicker();
    private final DatePicker baselineTo = new DatePicker();
    private final RadioButtonGroup<String> baselineSource = new RadioButtonGroup<>();
    private final Div baselineValues = new Div();
    private final Map<String, NumberField> valueFields = new LinkedHashMap<>();

    private final H3 followUpsHeading = new H3();
    private final Div followUps = new Div();
    private final List<FollowUpRow> followUpRows = new ArrayList<>();
    private final Button addFollowUp = new Button();

    private final Button compute = new Button();
    private final Paragraph error = new Paragraph();
    private final H3 resultHeading = new H3();
    private final Grid<BenefitRows.Row> result = new Grid<>();
    private final CsvExport csv;

    private BenefitRequest computed;
    private BenefitResult shown;

    /** One follow-up period's fields. */
    private final class FollowUpRow extends Div {
        final TextField label = new TextField();
        final DatePicker from = new DatePicker();
        final DatePicker to = new DatePicker();
        final Button remove = new Button();

        FollowUpRow(String defaultLabel, LocalDate start, LocalDate end) {
            addClassNames("quality-form", "benefit-followup");
            label.setValue(defaultLabel == null ? "" : defaultLabel);
            from.setValue(start);
            to.setValue(end);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(click -> removeFollowUp(this));
            add(label, from, to, remove);
        }

        void number(int index) {
            String prefix = "benefit-followup-" + index;
            label.setId(prefix + "-label");
            from.setId(prefix + "-from");
            to.setId(prefix + "-to");
            remove.setId(prefix + "-remove");
            label.setLabel(getTranslation("quality.benefit.label"));
            from.setLabel(getTranslation("quality.period.from"));
            to.setLabel(getTranslation("quality.period.to"));
            remove.setText(getTranslation("quality.benefit.removeFollowUp"));
            remove.getElement()
                    .setAttribute(
                            "aria-label", getTranslation("quality.benefit.removeFollowUp.aria", label.getValue()));
            remove.setEnabled(followUpRows.size() > 1);
        }
    }

    public BenefitView() {
        ConsoleServices services = ConsoleServices.current();
        this.token = services.authentication().currentUser().orElseThrow().token();
        this.reports = new ReportsClient(services.api());
        PlaceNames places;
        try {
            places = PlaceNames.load(new PlaceNamesClient(services.api()), token);
        } catch (SignalServerException e) {
            places = PlaceNames.none();
        }
        addClassNames("quality-view", "benefit-view");
        heading.setId("benefit-heading");
        site.setId("benefit-site");
        site.setItems(places.places("site"));
        site.setItemLabelGenerator(PlaceNames.Place::label);
        if (!places.places("site").isEmpty()) {
            site.setValue(places.places("site").getFirst());
        }
        indicators.setId("benefit-indicators");
        indicators.setItems(INDICATORS);
        indicators.setValue(
                new LinkedHashSet<>(List.of("FALLS", "FALL_ALARMS", "NIGHT_VISITS", "MEDIAN_SECONDS_TO_ACCEPT")));
        indicators.addValueChangeListener(change -> showValueFields());

        LocalDate month = LocalDate.now(QualityFormat.ZONE).withDayOfMonth(1);
        baselineLabel.setId("benefit-baseline-label");
        baselineFrom.setId("benefit-baseline-from");
        baselineFrom.setValue(month.minusMonths(15));
        baselineTo.setId("benefit-baseline-to");
        baselineTo.setValue(month.minusMonths(12).minusDays(1));
        baselineSource.setId("benefit-baseline-source");
        baselineSource.setItems(LOG, MANUAL);
        baselineSource.setValue(LOG);
        baselineSource.addValueChangeListener(change -> showValueFields());
        baselineValues.setId("benefit-baseline-values");
        baselineValues.addClassName("quality-form");
        for (String indicator : INDICATORS) {
            NumberField field = new NumberField();
            field.setId("benefit-baseline-value-" + indicator);
            field.setMin(0);
            valueFields.put(indicator, field);
        }
        Div baselinePeriod = new Div(baselineLabel, baselineFrom, baselineTo, baselineSource);
        baselinePeriod.addClassName("quality-form");

        followUps.setId("benefit-followups");
        addFollowUp.setId("benefit-add-followup");
        addFollowUp.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addFollowUp.addClickListener(click -> addFollowUp());
        followUpRows.add(new FollowUpRow(null, month.minusMonths(3), month.minusDays(1)));

        compute.setId("benefit-compute");
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.addClickListener(click -> compute());
        error.setId("benefit-error");
        error.addClassName("quality-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        configureResult();
        csv = new CsvExport("benefit", "benefit.csv", () -> reports.benefitCsv(computed, token), this::showError);
        csv.setEnabledToExport(false);
        Div actions = new Div(compute, csv);
        actions.addClassName("quality-actions");

        add(
                heading,
                intro,
                site,
                indicators,
                baselineHeading,
                baselinePeriod,
                baselineValues,
                followUpsHeading,
                followUps,
                addFollowUp,
                actions,
                error,
                resultHeading,
                result);
        updateTexts();
    }

    private void configureResult() {
        result.setId("benefit-result");
        result.addColumn(row -> row.first() ? getTranslation("quality.indicator." + row.indicator()) : "")
                .setKey("indicator")
                .setAutoWidth(true);
        result.addColumn(BenefitRows.Row::period).setKey("period").setAutoWidth(true);
        result.addColumn(row -> row.from() + " – " + row.to()).setKey("dates").setAutoWidth(true);
        result.addColumn(row -> Long.toString(row.days())).setKey("days").setAutoWidth(true);
        result.addColumn(row -> getTranslation("quality.benefit.source." + row.source()))
                .setKey("source")
                .setAutoWidth(true);
        result.addColumn(row -> figure(row.unit(), row.figure().value()))
                .setKey("value")
                .setAutoWidth(true);
        result.addColumn(row -> QualityFormat.number(row.figure().per30Days(), 2, getLocale()))
                .setKey("per30Days")
                .setAutoWidth(true);
        result.addColumn(row -> signed(row.unit(), row.figure().change()))
                .setKey("change")
                .setAutoWidth(true);
        result.addColumn(row -> row.figure().changePercent() == null
                        ? QualityFormat.MISSING
                        : signedNumber(row.figure().changePercent(), 1) + " %")
                .setKey("changePercent")
                .setAutoWidth(true);
        result.addColumn(row -> note(row.figure().note())).setKey("note").setAutoWidth(true);
        result.setAllRowsVisible(true);
        result.setVisible(false);
    }

    private String figure(String unit, Double value) {
        if (value == null) {
            return QualityFormat.MISSING;
        }
        return switch (unit) {
            case "SHARE" -> QualityFormat.number(value * 100, 2, getLocale()) + " %";
            case "SECONDS" -> QualityFormat.number(value, 3, getLocale()) + " s";
            default -> QualityFormat.number(value, 2, getLocale());
        };
    }

    private String signed(String unit, Double change) {
        if (change == null) {
            return QualityFormat.MISSING;
        }
        return switch (unit) {
            case "SHARE" -> signedNumber(change * 100, 2) + " " + getTranslation("quality.benefit.points");
            case "SECONDS" -> signedNumber(change, 3) + " s";
            default -> signedNumber(change, 2);
        };
    }

    private String signedNumber(double value, int decimals) {
        String text = QualityFormat.number(Math.abs(value), decimals, getLocale());
        return value > 0 ? "+" + text : value < 0 ? "−" + text : text;
    }

    /** The server's note in the user's language; a note this console does not know is shown as the server wrote it. */
    private String note(String note) {
        if (note == null) {
            return "";
        }
        String key = BenefitRows.noteKey(note);
        return key == null ? note : getTranslation(key);
    }

    private void addFollowUp() {
        FollowUpRow last = followUpRows.getLast();
        LocalDate start = last.to.getValue() == null ? null : last.to.getValue().plusDays(1);
        LocalDate end = start == null ? null : start.plusMonths(3).minusDays(1);
        followUpRows.add(new FollowUpRow(null, start, end));
        showFollowUps();
    }

    private void removeFollowUp(FollowUpRow row) {
        if (followUpRows.size() > 1) {
            followUpRows.remove(row);
            showFollowUps();
        }
    }

    private void showFollowUps() {
        followUps.removeAll();
        for (int i = 0; i < followUpRows.size(); i++) {
            FollowUpRow row = followUpRows.get(i);
            if (row.label.isEmpty()) {
                row.label.setValue(getTranslation("quality.benefit.followUp.default", i + 1));
            }
            row.number(i);
            followUps.add(row);
        }
    }

    private void showValueFields() {
        baselineValues.removeAll();
        boolean manual = MANUAL.equals(baselineSource.getValue());
        baselineValues.setVisible(manual);
        if (manual) {
            for (String indicator : INDICATORS) {
                if (indicators.getValue().contains(indicator)) {
                    baselineValues.add(valueFields.get(indicator));
                }
            }
        }
    }

    /** The request as the form says; typed-in figures only for the chosen indicators, empty ones left out. */
    BenefitRequest request() {
        List<String> chosen =
                INDICATORS.stream().filter(indicators.getValue()::contains).toList();
        Map<String, Double> values = null;
        if (MANUAL.equals(baselineSource.getValue())) {
            values = new LinkedHashMap<>();
            for (String indicator : chosen) {
                Double value = valueFields.get(indicator).getValue();
                if (value != null) {
                    values.put(indicator, value);
                }
            }
        }
        var baseline = new BenefitRequest.PeriodInput(
                baselineLabel.getValue(), baselineFrom.getValue(), baselineTo.getValue(), values);
        var periods = followUpRows.stream()
                .map(row -> new BenefitRequest.PeriodInput(
                        row.label.getValue(), row.from.getValue(), row.to.getValue(), null))
                .toList();
        return new BenefitRequest(
                site.getValue() == null ? null : site.getValue().id(), chosen, baseline, periods);
    }

    private void compute() {
        BenefitRequest request = request();
        BenefitResult answer;
        try {
            answer = reports.benefit(request, token);
        } catch (SignalServerException e) {
            showError(e);
            return;
        }
        error.setVisible(false);
        computed = request;
        shown = answer;
        result.setItems(BenefitRows.of(answer));
        result.setVisible(true);
        resultHeading.setVisible(true);
        csv.setEnabledToExport(true);
        csv.reset();
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
        heading.setText(getTranslation("quality.benefit.heading"));
        intro.setText(getTranslation("quality.benefit.intro"));
        site.setLabel(getTranslation("quality.site"));
        indicators.setLabel(getTranslation("quality.benefit.indicators"));
        indicators.setItemLabelGenerator(indicator -> getTranslation("quality.indicator." + indicator));
        baselineHeading.setText(getTranslation("quality.benefit.baseline"));
        if (baselineLabel.isEmpty()) {
            baselineLabel.setValue(getTranslation("quality.benefit.baseline.default"));
        }
        baselineLabel.setLabel(getTranslation("quality.benefit.label"));
        baselineFrom.setLabel(getTranslation("quality.period.from"));
        baselineTo.setLabel(getTranslation("quality.period.to"));
        baselineSource.setLabel(getTranslation("quality.benefit.source"));
        baselineSource.setItemLabelGenerator(source -> getTranslation("quality.benefit.source.choice." + source));
        valueFields.forEach((indicator, field) -> {
            field.setLabel(getTranslation("quality.indicator." + indicator));
            field.setHelperText(getTranslation("quality.benefit.value.help." + unitOf(indicator)));
        });
        followUpsHeading.setText(getTranslation("quality.benefit.followUps"));
        addFollowUp.setText(getTranslation("quality.benefit.addFollowUp"));
        compute.setText(getTranslation("quality.benefit.compute"));
        resultHeading.setText(getTranslation("quality.benefit.result"));
        resultHeading.setVisible(shown != null);
        result.getColumns()
                .forEach(column -> column.setHeader(getTranslation("quality.benefit.column." + column.getKey())));
        result.setAriaLabel(getTranslation("quality.benefit.result"));
        csv.updateTexts();
        showFollowUps();
        showValueFields();
        if (shown != null) {
            result.getDataProvider().refreshAll();
        }
    }

    private static String unitOf(String indicator) {
        return switch (indicator) {
            case "MEDIAN_SECONDS_TO_ACCEPT", "P90_SECONDS_TO_ACCEPT" -> "SECONDS";
            case "NOT_ACTIONABLE_SHARE" -> "SHARE";
            default -> "COUNT";
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.benefit.title");
    }
}
