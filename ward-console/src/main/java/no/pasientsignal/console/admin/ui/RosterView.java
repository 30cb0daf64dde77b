package no.pasientsignal.console.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.pasientsignal.console.admin.service.AdminService;
import no.pasientsignal.console.admin.service.AdminValues;
import no.pasientsignal.console.client.AdminClient.Assignment;
import no.pasientsignal.console.client.AdminClient.Merge;
import no.pasientsignal.console.client.AdminClient.Roster;
import no.pasientsignal.console.client.AdminClient.RosterRequest;
import no.pasientsignal.console.client.AdminClient.Shift;
import no.pasientsignal.console.client.AdminClient.Shifts;
import no.pasientsignal.console.client.AdminClient.ShiftsRequest;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Staff;
import no.pasientsignal.console.client.AdminClient.Ward;
import no.pasientsignal.console.client.AdminClient.Zone;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * A site's shifts and roster: the shift plan and time zone; who covers which zones of which ward in which shift
 * (primary carer, shift lead); and who is absent now (routing skips them). Shifts and roster are saved separately, as
 * the server takes them; zone merges are kept as they are.
 */
@Route(value = "admin/roster", layout = MainLayout.class)
@AllowedRoles(StaffRole.ADMINISTRATOR)
@MenuEntry(key = "admin.menu.roster", order = 42)
public final class RosterView extends Div implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    /** What the roster rows may name: shifts, care staff, the site's wards and their zones. */
    static final class Choices {
        final List<String> shifts = new ArrayList<>();
        final Map<String, String> staffNames = new LinkedHashMap<>();
        final Map<String, String> wardNames = new LinkedHashMap<>();
        final Map<String, String> zoneNames = new LinkedHashMap<>();
        final Map<String, List<String>> zonesOfWard = new LinkedHashMap<>();
    }

    static final class ShiftForm {
        String name = "";
        LocalTime start;
        LocalTime end;
    }

    static final class ShiftRow extends EditableRow<ShiftForm> {
        private final TextField name = new TextField();
        private final TimePicker start = new TimePicker();
        private final TimePicker end = new TimePicker();

        ShiftRow(ShiftForm form) {
            super(form);
            start.setStep(Duration.ofMinutes(15));
            end.setStep(Duration.ofMinutes(15));
            name.setRequiredIndicatorVisible(true);
            binder.forField(name)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.name, (f, v) -> f.name = v.strip());
            binder.forField(start)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.start, (f, v) -> f.start = v);
            binder.forField(end)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.end, (f, v) -> f.end = v);
            finish(name, start, end);
        }

        @Override
        protected void name(String prefix) {
            name.setId(prefix + "-name");
            start.setId(prefix + "-start");
            end.setId(prefix + "-end");
        }

        @Override
        protected void updateTexts() {
            name.setLabel(getTranslation("admin.shift.name"));
            start.setLabel(getTranslation("admin.shift.start"));
            end.setLabel(getTranslation("admin.shift.end"));
        }
    }

    static final class AssignmentForm {
        String shift;
        String staff;
        String wardId;
        Set<String> zoneIds = new LinkedHashSet<>();
        boolean primary;
        boolean lead;
    }

    static final class AssignmentRow extends EditableRow<AssignmentForm> {
        private final Select<String> shift = new Select<>();
        private final ComboBox<String> staff = new ComboBox<>();
        private final Select<String> ward = new Select<>();
        private final MultiSelectComboBox<String> zones = new MultiSelectComboBox<>();
        private final Checkbox primary = new Checkbox();
        private final Checkbox lead = new Checkbox();
        private final transient Choices choices;

        AssignmentRow(AssignmentForm form, Choices choices) {
            super(form);
            this.choices = choices;
            shift.setItems(choices.shifts);
            staff.setItems(List.copyOf(choices.staffNames.keySet()));
            staff.setItemLabelGenerator(u -> choices.staffNames.getOrDefault(u, u) + " (" + u + ")");
            ward.setItems(List.copyOf(choices.wardNames.keySet()));
            ward.setItemLabelGenerator(w -> choices.wardNames.getOrDefault(w, w));
            zones.setItemLabelGenerator(z -> choices.zoneNames.getOrDefault(z, z));
            zones.setRequiredIndicatorVisible(true);
            staff.setWidth("18em");
            zones.setWidth("16em");
            shift.setWidth("9em");
            zones.setItems(choices.zonesOfWard.getOrDefault(form.wardId, List.of()));
            ward.addValueChangeListener(e -> {
                if (e.isFromClient() || e.getOldValue() != null) {
                    zones.clear();
                }
                zones.setItems(choices.zonesOfWard.getOrDefault(e.getValue(), List.of()));
            });
            binder.forField(shift)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.shift, (f, v) -> f.shift = v);
            binder.forField(staff)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.staff, (f, v) -> f.staff = v);
            binder.forField(ward)
                    .asRequired(ctx -> getTranslation("admin.required"))
                    .bind(f -> f.wardId, (f, v) -> f.wardId = v);
            binder.forField(zones)
                    .withValidator(v -> !v.isEmpty(), ctx -> getTranslation("admin.roster.zones.required"))
                    .bind(f -> f.zoneIds, (f, v) -> f.zoneIds = new LinkedHashSet<>(v));
            binder.forField(primary).bind(f -> f.primary, (f, v) -> f.primary = v);
            binder.forField(lead).bind(f -> f.lead, (f, v) -> f.lead = v);
            finish(shift, staff, ward, zones, primary, lead);
        }

        /** New shift names after the plan changed; the chosen one stays when the plan still has it. */
        void shiftsChanged() {
            String chosen = shift.getValue();
            shift.setItems(choices.shifts);
            if (chosen != null && choices.shifts.contains(chosen)) {
                shift.setValue(chosen);
            }
        }

        @Override
        protected void name(String prefix) {
            shift.setId(prefix + "-shift");
            staff.setId(prefix + "-staff");
            ward.setId(prefix + "-ward");
            zones.setId(prefix + "-zones");
            primary.setId(prefix + "-primary");
            lead.setId(prefix + "-lead");
        }

        @Override
        protected void updateTexts() {
            shift.setLabel(getTranslation("admin.roster.shift"));
            staff.setLabel(getTranslation("admin.roster.staff"));
            ward.setLabel(getTranslation("admin.roster.ward"));
            zones.setLabel(getTranslation("admin.roster.zones"));
            primary.setLabel(getTranslation("admin.roster.primary"));
            lead.setLabel(getTranslation("admin.roster.lead"));
        }
    }

    private final transient AdminService admin;
    private final transient Choices choices = new Choices();
    private final H1 heading = new H1();
    private final SitePicker site;
    private final H2 shiftsHeading = new H2();
    private final Paragraph shiftsIntro = new Paragraph();
    private final TextField timeZone = new TextField();
    private final RowList<ShiftForm, ShiftRow> shifts =
            new RowList<>("admin-shift", "admin.shift.add", () -> new ShiftRow(new ShiftForm()));
    private final Button saveShifts = new Button();
    private final FormStatus shiftsStatus = new FormStatus("admin-shifts-status");
    private final H2 rosterHeading = new H2();
    private final Paragraph rosterIntro = new Paragraph();
    private final RowList<AssignmentForm, AssignmentRow> assignments;
    private final TextField responseCentre = new TextField();
    private final Paragraph mergesText = new Paragraph();
    private final Button saveRoster = new Button();
    private final FormStatus rosterStatus = new FormStatus("admin-roster-status");
    private final H2 absenceHeading = new H2();
    private final Grid<String> absences = new Grid<>();
    private final FormStatus absenceStatus = new FormStatus("admin-absence-status");
    private List<Merge> merges = List.of();
    private Set<String> absent = Set.of();

    public RosterView() {
        this(AdminService.current());
    }

    RosterView(AdminService admin) {
        this.admin = admin;
        site = new SitePicker("admin-roster-site", this::show);
        addClassNames("admin-view", "admin-roster");
        assignments = new RowList<>(
                "admin-assignment", "admin.roster.add", () -> new AssignmentRow(new AssignmentForm(), choices));

        timeZone.setId("admin-shifts-zone");
        timeZone.setRequiredIndicatorVisible(true);
        saveShifts.setId("admin-shifts-save");
        saveShifts.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveShifts.addClickListener(e -> saveShifts());
        Div shiftSection = new Div(shiftsHeading, shiftsIntro, timeZone, shifts, shiftsStatus, saveShifts);
        shiftSection.addClassName("admin-form");

        responseCentre.setId("admin-roster-response-centre");
        mergesText.setId("admin-roster-merges");
        saveRoster.setId("admin-roster-save");
        saveRoster.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveRoster.addClickListener(e -> saveRoster());
        Div rosterSection =
                new Div(rosterHeading, rosterIntro, assignments, responseCentre, mergesText, rosterStatus, saveRoster);
        rosterSection.addClassName("admin-form");

        absences.setId("admin-absences");
        absences.addClassName("admin-grid");
        absences.addColumn(u -> choices.staffNames.getOrDefault(u, u) + " (" + u + ")")
                .setKey("staff")
                .setAutoWidth(true);
        absences.addColumn(u -> getTranslation(absent.contains(u) ? "admin.absence.absent" : "admin.absence.present"))
                .setKey("status")
                .setAutoWidth(true);
        absences.addComponentColumn(this::absenceButton).setKey("action").setAutoWidth(true);
        absences.setAllRowsVisible(true);
        Div absenceSection = new Div(absenceHeading, absences, absenceStatus);
        absenceSection.addClassName("admin-form");

        add(heading, site, shiftSection, rosterSection, absenceSection);
        updateTexts();
    }

    /** Every time the view is opened (also from the menu while it shows) staff, zones and routing are read again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            site.load(admin);
        } catch (SignalServerException e) {
            shiftsStatus.failed(e);
        }
    }

    private void show(Site chosen) {
        shiftsStatus.clear();
        rosterStatus.clear();
        absenceStatus.clear();
        try {
            loadChoices(chosen);
            Shifts plan = admin.call((c, t) -> c.shifts(t, chosen.id()));
            fillShifts(plan);
            fillRoster(admin.call((c, t) -> c.roster(t, chosen.id())));
        } catch (SignalServerException e) {
            rosterStatus.failed(e);
        }
    }

    private void loadChoices(Site chosen) {
        choices.staffNames.clear();
        choices.wardNames.clear();
        choices.zoneNames.clear();
        choices.zonesOfWard.clear();
        for (Staff member : admin.call((c, t) -> c.staff(t))) {
            if (member.active()
                    && (member.roles().contains("NURSE") || member.roles().contains("NIGHT_STAFF"))) {
                choices.staffNames.put(member.username(), member.displayName());
            }
        }
        for (Ward ward : admin.call((c, t) -> c.wards(t, chosen.id()))) {
            choices.wardNames.put(ward.id(), ward.name());
            List<String> zoneIds = new ArrayList<>();
            for (Zone zone : admin.call((c, t) -> c.zones(t, ward.id()))) {
                choices.zoneNames.put(zone.id(), zone.name());
                zoneIds.add(zone.id());
            }
            choices.zonesOfWard.put(ward.id(), zoneIds);
        }
    }

    private void fillShifts(Shifts plan) {
        timeZone.setValue(plan.timeZone() == null ? "" : plan.timeZone());
        choices.shifts.clear();
        List<ShiftRow> rows = new ArrayList<>();
        for (Shift shift : plan.shifts()) {
            choices.shifts.add(shift.name());
            ShiftForm form = new ShiftForm();
            form.name = shift.name();
            form.start = AdminValues.parseTimeOfDay(shift.start());
            form.end = AdminValues.parseTimeOfDay(shift.end());
            rows.add(new ShiftRow(form));
        }
        shifts.setRows(rows);
        assignments.rows().forEach(AssignmentRow::shiftsChanged);
    }

    private void fillRoster(Roster roster) {
        List<AssignmentRow> rows = new ArrayList<>();
        for (Assignment a : roster.assignments()) {
            AssignmentForm form = new AssignmentForm();
            form.shift = a.shift();
            form.staff = a.staff();
            form.wardId = a.wardId();
            form.zoneIds = new LinkedHashSet<>(a.zoneIds());
            form.primary = Boolean.TRUE.equals(a.primary());
            form.lead = Boolean.TRUE.equals(a.lead());
            rows.add(new AssignmentRow(form, choices));
        }
        assignments.setRows(rows);
        responseCentre.setValue(roster.responseCentre() == null ? "" : roster.responseCentre());
        merges = roster.merges();
        fillAbsences(roster);
        updateMergesText();
    }

    private void fillAbsences(Roster roster) {
        absent = new LinkedHashSet<>(roster.absent());
        var onRoster = new LinkedHashSet<String>();
        roster.assignments().forEach(a -> onRoster.add(a.staff()));
        onRoster.addAll(roster.absent());
        absences.setItems(List.copyOf(onRoster));
    }

    private Button absenceButton(String username) {
        boolean isAbsent = absent.contains(username);
        Button button = new Button(getTranslation(isAbsent ? "admin.absence.markPresent" : "admin.absence.markAbsent"));
        button.setId("admin-absence-" + username);
        button.setAriaLabel(getTranslation(
                isAbsent ? "admin.absence.markPresent.aria" : "admin.absence.markAbsent.aria",
                choices.staffNames.getOrDefault(username, username)));
        button.addClickListener(e -> toggleAbsence(username, isAbsent));
        return button;
    }

    private void toggleAbsence(String username, boolean isAbsent) {
        Site chosen = site.getValue();
        if (chosen == null) {
            return;
        }
        try {
            Roster roster = isAbsent
                    ? admin.call((c, t) -> c.markPresent(t, chosen.id(), username))
                    : admin.call((c, t) -> c.markAbsent(t, chosen.id(), username));
            fillAbsences(roster);
            absenceStatus.saved(isAbsent ? "admin.absence.markedPresent" : "admin.absence.markedAbsent");
        } catch (SignalServerException e) {
            absenceStatus.failed(e);
        }
    }

    private void saveShifts() {
        Site chosen = site.getValue();
        boolean valid = shifts.validate();
        if (timeZone.getValue().isBlank()) {
            timeZone.setInvalid(true);
            timeZone.setErrorMessage(getTranslation("admin.required"));
            valid = false;
        } else {
            timeZone.setInvalid(false);
        }
        if (chosen == null || !valid) {
            shiftsStatus.invalid();
            return;
        }
        var request = new ShiftsRequest(
                timeZone.getValue().strip(),
                shifts.beans().stream()
                        .map(f -> new Shift(f.name, AdminValues.timeOfDay(f.start), AdminValues.timeOfDay(f.end)))
                        .toList());
        try {
            fillShifts(admin.call((c, t) -> c.replaceShifts(t, chosen.id(), request)));
            shiftsStatus.saved("admin.saved");
        } catch (SignalServerException e) {
            shiftsStatus.failed(e);
        }
    }

    private void saveRoster() {
        Site chosen = site.getValue();
        if (chosen == null || !assignments.validate()) {
            rosterStatus.invalid();
            return;
        }
        var request = new RosterRequest(
                assignments.beans().stream()
                        .map(f -> new Assignment(f.shift, f.staff, f.wardId, List.copyOf(f.zoneIds), f.primary, f.lead))
                        .toList(),
                merges,
                responseCentre.getValue().isBlank()
                        ? null
                        : responseCentre.getValue().strip());
        try {
            fillRoster(admin.call((c, t) -> c.replaceRoster(t, chosen.id(), request)));
            rosterStatus.saved("admin.saved");
        } catch (SignalServerException e) {
            rosterStatus.failed(e);
        }
    }

    private void updateMergesText() {
        if (merges.isEmpty()) {
            mergesText.setText(getTranslation("admin.roster.merges.none"));
            return;
        }
        mergesText.setText(getTranslation(
                "admin.roster.merges",
                merges.stream()
                        .map(m -> m.shift() + ": "
                                + m.zoneIds().stream()
                                        .map(z -> choices.zoneNames.getOrDefault(z, z))
                                        .collect(Collectors.joining(" + ")))
                        .collect(Collectors.joining("; "))));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        absences.getDataProvider().refreshAll();
    }

    private void updateTexts() {
        heading.setText(getTranslation("admin.roster.heading"));
        site.updateTexts();
        shiftsHeading.setText(getTranslation("admin.shift.heading"));
        shiftsIntro.setText(getTranslation("admin.shift.intro"));
        timeZone.setLabel(getTranslation("admin.shift.timeZone"));
        saveShifts.setText(getTranslation("admin.shift.save"));
        rosterHeading.setText(getTranslation("admin.roster.assignments"));
        rosterIntro.setText(getTranslation("admin.roster.intro"));
        responseCentre.setLabel(getTranslation("admin.roster.responseCentre"));
        responseCentre.setHelperText(getTranslation("admin.roster.responseCentre.help"));
        saveRoster.setText(getTranslation("admin.roster.save"));
        absenceHeading.setText(getTranslation("admin.absence.heading"));
        absences.getColumnByKey("staff").setHeader(getTranslation("admin.roster.staff"));
        absences.getColumnByKey("status").setHeader(getTranslation("admin.absence.status"));
        absences.getColumnByKey("action").setHeader(getTranslation("admin.absence.action"));
        absences.setAriaLabel(getTranslation("admin.absence.heading"));
        updateMergesText();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.roster.title");
    }
}
