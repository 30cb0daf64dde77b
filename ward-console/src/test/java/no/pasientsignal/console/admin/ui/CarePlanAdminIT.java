package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import no.pasientsignal.console.client.AdminClient.Basis;
import no.pasientsignal.console.client.AdminClient.CarePlan;
import no.pasientsignal.console.client.AdminClient.NewLocation;
import no.pasientsignal.console.client.AdminClient.NewResident;
import no.pasientsignal.console.client.AdminClient.NewRoom;
import no.pasientsignal.console.client.AdminClient.Resident;
import no.pasientsignal.console.client.AdminClient.Room;
import no.pasientsignal.console.client.AdminClient.Rule;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resident's care plan (rules with time windows, legal basis) through the view, read back over the API. */
class CarePlanAdminIT {

    private KaribuConsole console;
    private final AdminApi api = new AdminApi();
    private Resident resident;

    @BeforeEach
    void start() {
        AdminApi.OwnSite own = api.ownSite("Tiltakshjemmet");
        Room room = api.client.createRoom(
                api.token,
                own.zones().getFirst().id(),
                new NewRoom("12", "Enkeltrom", List.of(new NewLocation("BED", "Seng"))));
        resident = api.client.createResident(
                api.token, new NewResident(AdminApi.unique("Beboer Tiltak"), room.id(), null, List.of()));
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("admin/care-plans");
        @SuppressWarnings("unchecked")
        ComboBox<Resident> picker = _get(ComboBox.class, spec -> spec.withId("admin-care-resident"));
        _setValue(
                picker,
                picker.getListDataView()
                        .getItems()
                        .filter(r -> r.id().equals(resident.id()))
                        .findFirst()
                        .orElseThrow());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void rules_with_time_windows_and_a_decision_with_its_dates_are_saved_and_put_in_force() {
        assertThat(text("admin-care-active")).startsWith("Varslene overvåkes ikke nå.");
        _click(_get(Button.class, spec -> spec.withId("admin-care-rule-add")));
        _setValue(select("admin-care-rule-0-kind"), "BED_EXIT");
        _setValue(time("admin-care-rule-0-from"), LocalTime.of(22, 0));
        _setValue(time("admin-care-rule-0-to"), LocalTime.of(7, 0));
        _click(_get(Button.class, spec -> spec.withId("admin-care-rule-add")));
        _setValue(select("admin-care-rule-1-kind"), "OUT_OF_BED_TOO_LONG");
        _setValue(time("admin-care-rule-1-from"), LocalTime.of(22, 0));
        _setValue(time("admin-care-rule-1-to"), LocalTime.of(7, 0));
        _setValue(_get(IntegerField.class, spec -> spec.withId("admin-care-rule-1-threshold")), 30);
        _click(_get(Button.class, spec -> spec.withId("admin-care-basis-add")));
        assertThat(field("admin-care-basis-0-recorded-by").getValue()).isEqualTo("admin");
        _setValue(select("admin-care-basis-0-kind"), "DECISION");
        _setValue(dateTime("admin-care-basis-0-from"), LocalDateTime.of(2026, 1, 15, 12, 0));
        _setValue(dateTime("admin-care-basis-0-until"), LocalDateTime.of(2036, 1, 15, 12, 0));
        _setValue(field("admin-care-basis-0-reference"), "Vedtak 2026/4411");
        _click(_get(Button.class, spec -> spec.withId("admin-care-save")));

        assertThat(text("admin-care-status-saved")).isEqualTo("Lagret.");
        CarePlan plan = api.client.carePlan(api.token, resident.id());
        assertThat(plan.rules())
                .containsExactly(
                        new Rule("BED_EXIT", "22:00", "07:00", null),
                        new Rule("OUT_OF_BED_TOO_LONG", "22:00", "07:00", 1800));
        assertThat(plan.bases()).hasSize(1);
        Basis basis = plan.bases().getFirst();
        assertThat(basis.kind()).isEqualTo("DECISION");
        assertThat(basis.recordedBy()).isEqualTo("admin");
        // entered in Norwegian time: 12:00 in January is 11:00 UTC
        assertThat(Instant.parse(basis.validFrom())).isEqualTo(Instant.parse("2026-01-15T11:00:00Z"));
        assertThat(Instant.parse(basis.validUntil())).isEqualTo(Instant.parse("2036-01-15T11:00:00Z"));
        assertThat(basis.reference()).isEqualTo("Vedtak 2026/4411");
        // the resident lives in a room and the decision is valid now: the rules are watched
        assertThat(plan.rulesActive()).isTrue();
        assertThat(text("admin-care-active")).isEqualTo("Varslene overvåkes nå.");
        // the form shows what the server now has
        assertThat(dateTime("admin-care-basis-0-from").getValue()).isEqualTo(LocalDateTime.of(2026, 1, 15, 12, 0));
        assertThat(_get(IntegerField.class, spec -> spec.withId("admin-care-rule-1-threshold"))
                        .getValue())
                .isEqualTo(30);
    }

    @Test
    void a_basis_recorded_by_someone_unknown_is_refused_and_the_plan_keeps_what_was_typed() {
        _click(_get(Button.class, spec -> spec.withId("admin-care-rule-add")));
        _setValue(select("admin-care-rule-0-kind"), "FALL");
        _click(_get(Button.class, spec -> spec.withId("admin-care-basis-add")));
        _setValue(select("admin-care-basis-0-kind"), "CONSENT");
        _setValue(field("admin-care-basis-0-recorded-by"), "ingen-slik-ansatt");
        _setValue(field("admin-care-basis-0-reference"), "Samtale med pårørende");
        _click(_get(Button.class, spec -> spec.withId("admin-care-save")));

        assertThat(text("admin-care-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("bases[0].recordedBy");
        assertThat(select("admin-care-rule-0-kind").getValue()).isEqualTo("FALL");
        assertThat(select("admin-care-basis-0-kind").getValue()).isEqualTo("CONSENT");
        assertThat(field("admin-care-basis-0-recorded-by").getValue()).isEqualTo("ingen-slik-ansatt");
        assertThat(field("admin-care-basis-0-reference").getValue()).isEqualTo("Samtale med pårørende");
        CarePlan plan = api.client.carePlan(api.token, resident.id());
        assertThat(plan.rules()).isEmpty();
        assertThat(plan.bases()).isEmpty();
    }

    @Test
    void a_timed_rule_without_minutes_and_a_half_window_are_caught_in_the_form() {
        _click(_get(Button.class, spec -> spec.withId("admin-care-rule-add")));
        _setValue(select("admin-care-rule-0-kind"), "INACTIVITY");
        _setValue(time("admin-care-rule-0-from"), LocalTime.of(23, 0));
        _click(_get(Button.class, spec -> spec.withId("admin-care-save")));

        assertThat(_get(IntegerField.class, spec -> spec.withId("admin-care-rule-0-threshold"))
                        .isInvalid())
                .isTrue();
        assertThat(time("admin-care-rule-0-from").isInvalid()).isTrue();
        assertThat(text("admin-care-status-error")).contains("Noen felt må rettes");
        assertThat(api.client.carePlan(api.token, resident.id()).rules()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static TimePicker time(String id) {
        return _get(TimePicker.class, spec -> spec.withId(id));
    }

    private static DateTimePicker dateTime(String id) {
        return _get(DateTimePicker.class, spec -> spec.withId(id));
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
