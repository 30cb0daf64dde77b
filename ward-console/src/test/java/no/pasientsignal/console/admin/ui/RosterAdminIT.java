package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalTime;
import java.util.Set;
import no.pasientsignal.console.client.AdminClient.Assignment;
import no.pasientsignal.console.client.AdminClient.Roster;
import no.pasientsignal.console.client.AdminClient.Shift;
import no.pasientsignal.console.client.AdminClient.Shifts;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shifts, roster and absences of a site of the test's own, through the view, read back over the API. */
class RosterAdminIT {

    private KaribuConsole console;
    private final AdminApi api = new AdminApi();
    private AdminApi.OwnSite own;

    @BeforeEach
    void start() {
        own = api.ownSite("Turnushjemmet");
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("admin/roster");
        @SuppressWarnings("unchecked")
        Select<Site> site = _get(Select.class, spec -> spec.withId("admin-roster-site"));
        _setValue(site, own.site());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void an_assignment_added_to_the_roster_is_saved_and_its_owner_can_be_marked_absent_and_back() {
        String nurse = api.ownNurse("nattevakt");
        // the nurse was made after the view opened: pick the site again to read the staff anew
        UI.getCurrent().navigate("admin/roster");
        @SuppressWarnings("unchecked")
        Select<Site> site = _get(Select.class, spec -> spec.withId("admin-roster-site"));
        _setValue(site, own.site());

        _click(_get(Button.class, spec -> spec.withId("admin-assignment-add")));
        _setValue(select("admin-assignment-0-shift"), "night");
        @SuppressWarnings("unchecked")
        ComboBox<String> staff = _get(ComboBox.class, spec -> spec.withId("admin-assignment-0-staff"));
        _setValue(staff, nurse);
        _setValue(select("admin-assignment-0-ward"), own.ward().id());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> zones =
                _get(MultiSelectComboBox.class, spec -> spec.withId("admin-assignment-0-zones"));
        _setValue(zones, Set.of(own.zones().get(0).id(), own.zones().get(1).id()));
        _setValue(_get(Checkbox.class, spec -> spec.withId("admin-assignment-0-primary")), true);
        _setValue(_get(Checkbox.class, spec -> spec.withId("admin-assignment-0-lead")), true);
        _click(_get(Button.class, spec -> spec.withId("admin-roster-save")));

        assertThat(text("admin-roster-status-saved")).isEqualTo("Lagret.");
        Roster roster = api.client.roster(api.token, own.site().id());
        assertThat(roster.configured()).isTrue();
        assertThat(roster.assignments()).hasSize(1);
        Assignment saved = roster.assignments().getFirst();
        assertThat(saved.shift()).isEqualTo("night");
        assertThat(saved.staff()).isEqualTo(nurse);
        assertThat(saved.wardId()).isEqualTo(own.ward().id());
        assertThat(saved.zoneIds())
                .containsExactlyInAnyOrder(
                        own.zones().get(0).id(), own.zones().get(1).id());
        assertThat(saved.primary()).isTrue();
        assertThat(saved.lead()).isTrue();

        // absent: routing skips them; the list says so
        @SuppressWarnings("unchecked")
        Grid<String> absences = _get(Grid.class, spec -> spec.withId("admin-absences"));
        assertThat(GridKt._getFormattedRow(absences, nurse)).contains("Til stede");
        _click((Button) GridKt._getCellComponent(absences, 0, "action"));
        assertThat(api.client.roster(api.token, own.site().id()).absent()).containsExactly(nurse);
        assertThat(GridKt._getFormattedRow(absences, nurse)).contains("Fraværende – får ikke alarmer");
        _click((Button) GridKt._getCellComponent(absences, 0, "action"));
        assertThat(api.client.roster(api.token, own.site().id()).absent()).isEmpty();
    }

    @Test
    void a_shift_plan_with_a_gap_is_refused_and_keeps_the_times_typed_then_the_corrected_plan_is_saved() {
        // evening ends at 21:00 but night starts at 22:00: an hour with no shift
        _setValue(time("admin-shift-1-end"), LocalTime.of(21, 0));
        _click(_get(Button.class, spec -> spec.withId("admin-shifts-save")));

        assertThat(text("admin-shifts-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("shifts");
        assertThat(time("admin-shift-1-end").getValue()).isEqualTo(LocalTime.of(21, 0));
        assertThat(api.client.shifts(api.token, own.site().id()).configured()).isFalse();

        _setValue(time("admin-shift-2-start"), LocalTime.of(21, 0));
        _click(_get(Button.class, spec -> spec.withId("admin-shifts-save")));

        assertThat(text("admin-shifts-status-saved")).isEqualTo("Lagret.");
        Shifts shifts = api.client.shifts(api.token, own.site().id());
        assertThat(shifts.configured()).isTrue();
        assertThat(shifts.timeZone()).isEqualTo("Europe/Oslo");
        assertThat(shifts.shifts())
                .containsExactly(
                        new Shift("day", "07:00", "15:00"),
                        new Shift("evening", "15:00", "21:00"),
                        new Shift("night", "21:00", "07:00"));
    }

    @Test
    void an_assignment_without_zones_is_caught_in_the_form() {
        _click(_get(Button.class, spec -> spec.withId("admin-assignment-add")));
        _setValue(select("admin-assignment-0-shift"), "day");
        _click(_get(Button.class, spec -> spec.withId("admin-roster-save")));

        assertThat(text("admin-roster-status-error")).contains("Noen felt må rettes");
        assertThat(select("admin-assignment-0-shift").getValue()).isEqualTo("day");
        assertThat(api.client.roster(api.token, own.site().id()).assignments()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static TimePicker time(String id) {
        return _get(TimePicker.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
