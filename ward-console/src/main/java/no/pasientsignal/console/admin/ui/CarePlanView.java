package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.admin.service.AdminValues;
import no.pasientsignal.console.client.AdminClient.Basis;
import no.pasientsignal.console.client.AdminClient.CarePlan;
import no.pasientsignal.console.client.AdminClient.CarePlanRequest;
import no.pasientsignal.console.client.AdminClient.Resident;
import no.pasientsignal.console.client.AdminClient.Rule;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * A resident's care plan: the passive alerts watched for them (bed exit at night, out of bed too long, ...) with their
 * time windows, and the legal bases that allow it (consent or decision, who recorded it, from when and until when).
 * The rules are watched only while the resident lives in a room and a basis is valid; the view says whether they are.
 */
@Route(value = "admin/care-plans", layout = MainLayout.class)
@AllowedRoles(StaffRole.ADMINISTRATOR)
@MenuEntry(key = "admin.menu.carePlans", order = 44)
public final class CarePlanView extends Div implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    static final class RuleForm {
        String kind;
        LocalTime from;
        LocalTime to;
        Integer thresholdMinutes;
    }

    static final class RuleRow extends EditableRow<RuleForm> {
        private final Select<String> kind = new Select<>();
        private final TimePicker from = new TimePicker();
        private final TimePicker to = new TimePicker();
        private final IntegerField threshold = new IntegerField();

        RuleRow(RuleForm form) {
            super(form);
            kind.setItems(AdminValues.RULE_KINDS);
            from.setStep(Duration.ofMinutes(15));
            to.setStep(Duration.ofMinutes(15));
            threshold.setMin(1);
            threshold.setMax(1440);
            threshold.setStepButtonsVisible(true);
            kind.addValueChangeListener(e -> timed(AdminValues.isTimed(e.getValue())));
            binder.forField(kind)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.kind, (f, v) -> f.kind = v);
            binder.forField(from)
                    .withValidator(
                            v -> (v == null) == (to.getValue() == null),
                            ctx -> getTranslation("admin.care.window.both"))
                    .bind(f -> f.from, (f, v) -> f.from = v);
            binder.forField(to)
                    .withValidator(
                            v -> (v == null) == (from.getValue() == null),
                            ctx -> getTranslation("admin.care.window.both"))
                    .bind(f -> f.to, (f, v) -> f.to = v);
            binder.forField(threshold)
                    .withValidator(
                            v -> !AdminValues.isTimed(kind.getValue()) || (v != null && v > 0),
                            ctx -> getTranslation("admin.care.threshold.required"))
                    .bind(f -> f.thresholdMinutes, (f, v) -> f.thresholdMinutes = v);
            timed(AdminValues.isTimed(form.kind));
            finish(kind, from, to, threshold);
        }

        private void timed(boolean timed) {
            threshold.setEnabled(timed);
            threshold.setRequiredIndicatorVisible(timed);
            if (!timed) {
                threshold.clear();
            }
        }

        Rule rule() {
            RuleForm f = bean();
            return new Rule(
                    f.kind,
                    AdminValues.timeOfDay(f.from),
                    AdminValues.timeOfDay(f.to),
                    AdminValues.isTimed(f.kind) ? AdminValues.seconds(f.thresholdMinutes) : null);
        }

        @Override
        protected void name(String prefix) {
            kind.setId(prefix + "-kind");
            from.setId(prefix + "-from");
            to.setId(prefix + "-to");
            threshold.setId(prefix + "-threshold");
        }

        @Override
        protected void updateTexts() {
            kind.setLabel(getTranslation("admin.care.rule.kind"));
            kind.setItemLabelGenerator(k -> getTranslation("admin.rule." + k));
            from.setLabel(getTranslation("admin.care.rule.from"));
            to.setLabel(getTranslation("admin.care.rule.to"));
            threshold.setLabel(getTranslation("admin.care.rule.threshold"));
        }
    }

    static final class BasisForm {
        String kind;
        String recordedBy = "";
        LocalDateTime validFrom;
        LocalDateTime validUntil;
        String reference = "";
    }

    static final class BasisRow extends EditableRow<BasisForm> {
        private final Select<String> kind = new Select<>();
        private final TextField recordedBy = new TextField();
        private final DateTimePicker validFrom = new DateTimePicker();
        private final DateTimePicker validUntil = new DateTimePicker();
        private final TextField reference = new TextField();

        BasisRow(BasisForm form) {
            super(form);
            kind.setItems(AdminValues.BASIS_KINDS);
            validFrom.setStep(Duration.ofMinutes(1));
            validUntil.setStep(Duration.ofMinutes(1));
            reference.setMaxLength(200);
            kind.setWidth("10em");
            recordedBy.setWidth("10em");
            reference.setWidth("16em");
            binder.forField(kind)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.kind, (f, v) -> f.kind = v);
            binder.forField(recordedBy)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.recordedBy, (f, v) -> f.recordedBy = v.strip());
            binder.forField(validFrom)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.validFrom, (f, v) -> f.validFrom = v);
            binder.forField(validUntil)
                    .withValidator(
                            v -> v == null || validFrom.getValue() == null || v.isAfter(validFrom.getValue()),
                            ctx -> getTranslation("admin.care.basis.until.afterFrom"))
                    .bind(f -> f.validUntil, (f, v) -> f.validUntil = v);
            binder.forField(reference).bind(f -> f.reference, (f, v) -> f.reference = v);
            finish(kind, recordedBy, validFrom, validUntil, reference);
        }

        Basis basis() {
            BasisForm f = bean();
            return new Basis(
                    f.kind,
                    f.recordedBy,
                    AdminValues.instantText(f.validFrom),
                    AdminValues.instantText(f.validUntil),
                    f.reference == null || f.reference.isBlank() ? null : f.reference.strip());
        }

        @Override
        protected void name(String prefix) {
            kind.setId(prefix + "-kind");
            recordedBy.setId(prefix + "-recorded-by");
            validFrom.setId(prefix + "-from");
            validUntil.setId(prefix + "-until");
            reference.setId(prefix + "-reference");
        }

        @Override
        protected void updateTexts() {
            kind.setLabel(getTranslation("admin.care.basis.kind"));
            kind.setItemLabelGenerator(k -> getTranslation("admin.basis." + k));
            recordedBy.setLabel(getTranslation("admin.care.basis.recordedBy"));
            recordedBy.setHelperText(getTranslation("admin.care.basis.recordedBy.help"));
            validFrom.setLabel(getTranslation("admin.care.basis.from"));
            validUntil.setLabel(getTranslation("admin.care.basis.until"));
            validUntil.setHelperText(getTranslation("admin.care.basis.until.help"));
            reference.setLabel(getTranslation("admin.care.basis.reference"));
        }
    }

    private final transient AdminService admin;
    private final H1 heading = new H1();
    private final ComboBox<Resident> resident = new ComboBox<>();
    private final Paragraph active = new Paragraph();
    private final H2 rulesHeading = new H2();
    private final Paragraph rulesIntro = new Paragraph();
    private final RowList<RuleForm, RuleRow> rules =
            new RowList<>("admin-care-rule", "admin.care.rule.add", () -> new RuleRow(new RuleForm()));
    private final H2 basesHeading = new H2();
    private final Paragraph basesIntro = new Paragraph();
    private final RowList<BasisForm, BasisRow> bases;
    private final Button save = new Button();
    private final FormStatus status = new FormStatus("admin-care-status");
    private final Div plan = new Div();
    private Boolean rulesActive;

    public CarePlanView() {
        this(AdminService.current());
    }

    CarePlanView(AdminService admin) {
        this.admin = admin;
        addClassNames("admin-view", "admin-care-plans");
        String me = AdminService.currentUsername();
        bases = new RowList<>("admin-care-basis", "admin.care.basis.add", () -> {
            BasisForm form = new BasisForm();
            form.recordedBy = me;
            form.validFrom =
                    LocalDateTime.now(AdminValues.CONSOLE_ZONE).withSecond(0).withNano(0);
            return new BasisRow(form);
        });
        resident.setId("admin-care-resident");
        resident.setItemLabelGenerator(Resident::displayName);
        resident.setWidth("24em");
        resident.addValueChangeListener(e -> show(e.getValue()));
        active.setId("admin-care-active");
        active.addClassName("admin-care-active");
        save.setId("admin-care-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        plan.add(active, rulesHeading, rulesIntro, rules, basesHeading, basesIntro, bases, status, save);
        plan.addClassName("admin-form");
        plan.setVisible(false);
        add(heading, resident, plan);
        updateTexts();
    }

    /** Every time the view is opened (also from the menu while it shows) the residents are read again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            List<Resident> residents = admin.call((c, t) -> c.residents(t));
            resident.setItems(residents);
        } catch (SignalServerException e) {
            status.failed(e);
            plan.setVisible(true);
        }
    }

    private void show(Resident chosen) {
        status.clear();
        if (chosen == null) {
            plan.setVisible(false);
            return;
        }
        try {
            fill(admin.call((c, t) -> c.carePlan(t, chosen.id())));
            plan.setVisible(true);
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void fill(CarePlan carePlan) {
        List<RuleRow> ruleRows = new ArrayList<>();
        for (Rule rule : carePlan.rules()) {
            RuleForm form = new RuleForm();
            form.kind = rule.kind();
            form.from = AdminValues.parseTimeOfDay(rule.from());
            form.to = AdminValues.parseTimeOfDay(rule.to());
            // the server answers an all-day rule as 00:00-00:00
            if (form.from != null && form.from.equals(form.to)) {
                form.from = null;
                form.to = null;
            }
            form.thresholdMinutes = AdminValues.minutes(rule.thresholdSeconds());
            ruleRows.add(new RuleRow(form));
        }
        rules.setRows(ruleRows);
        List<BasisRow> basisRows = new ArrayList<>();
        for (Basis basis : carePlan.bases()) {
            BasisForm form = new BasisForm();
            form.kind = basis.kind();
            form.recordedBy = basis.recordedBy() == null ? "" : basis.recordedBy();
            form.validFrom = AdminValues.localDateTime(basis.validFrom());
            form.validUntil = AdminValues.localDateTime(basis.validUntil());
            form.reference = basis.reference() == null ? "" : basis.reference();
            basisRows.add(new BasisRow(form));
        }
        bases.setRows(basisRows);
        rulesActive = carePlan.rulesActive();
        updateActive();
    }

    private void save() {
        Resident chosen = resident.getValue();
        boolean valid = rules.validate() & bases.validate();
        if (chosen == null || !valid) {
            status.invalid();
            return;
        }
        var request = new CarePlanRequest(
                rules.rows().stream().map(RuleRow::rule).toList(),
                bases.rows().stream().map(BasisRow::basis).toList());
        try {
            fill(admin.call((c, t) -> c.replaceCarePlan(t, chosen.id(), request)));
            status.saved("admin.saved");
        } catch (SignalServerException e) {
            status.failed(e);
        }
    }

    private void updateActive() {
        if (rulesActive == null) {
            active.setText("");
            return;
        }
        active.setText(getTranslation(rulesActive ? "admin.care.active" : "admin.care.inactive"));
        active.setClassName("admin-care-on", rulesActive);
        active.setClassName("admin-care-off", !rulesActive);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
    }

    private void updateTexts() {
        heading.setText(getTranslation("admin.care.heading"));
        resident.setLabel(getTranslation("admin.care.resident"));
        rulesHeading.setText(getTranslation("admin.care.rules"));
        rulesIntro.setText(getTranslation("admin.care.rules.intro"));
        basesHeading.setText(getTranslation("admin.care.bases"));
        basesIntro.setText(getTranslation("admin.care.bases.intro"));
        save.setText(getTranslation("admin.care.save"));
        updateActive();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.care.title");
    }
}
