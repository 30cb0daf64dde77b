package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.client.AdminClient.Staff;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff accounts through the view, against the real server, read back over the API. */
class StaffAdminIT {

    private KaribuConsole console;
    private final AdminApi api = new AdminApi();

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("admin/staff");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void a_new_account_is_saved_and_its_owner_can_then_log_in() {
        String username = AdminApi.unique("ny-pleier");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-new")));
        _setValue(field("admin-staff-username"), username);
        _setValue(field("admin-staff-name"), "Nina Nyansatt");
        _setValue(roles(), Set.of("NURSE", "NIGHT_STAFF"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-staff-password")), "et langt nok passord");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-save")));

        assertThat(text("admin-staff-status-saved")).isEqualTo("Lagret.");
        Staff saved = readBack(username);
        assertThat(saved.displayName()).isEqualTo("Nina Nyansatt");
        assertThat(saved.roles()).containsExactly("NIGHT_STAFF", "NURSE");
        assertThat(saved.active()).isTrue();
        // the list shows the new account, and it is the one now being edited
        @SuppressWarnings("unchecked")
        Grid<Staff> grid = _get(Grid.class, spec -> spec.withId("admin-staff-grid"));
        assertThat(grid.asSingleSelect().getValue().username()).isEqualTo(username);

        // the new account logs in to the console, with its roles
        ConsoleServices.current().authentication().logout();
        UI.getCurrent().navigate("login");
        KaribuConsole.logIn(username, "et langt nok passord");
        assertThat(ConsoleServices.current().authentication().currentUser())
                .map(ConsoleUser::username)
                .contains(username);
    }

    @Test
    void a_refused_account_shows_the_servers_sentence_and_keeps_what_was_typed() {
        _click(_get(Button.class, spec -> spec.withId("admin-staff-new")));
        // upper case and a space: only the server's rule says what a user name may be
        _setValue(field("admin-staff-username"), "Ola Nordmann");
        _setValue(field("admin-staff-name"), "Ola Nordmann");
        _setValue(roles(), Set.of("TECHNICIAN"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-staff-password")), "et langt nok passord");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-save")));

        assertThat(text("admin-staff-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("username");
        assertThat(field("admin-staff-username").getValue()).isEqualTo("Ola Nordmann");
        assertThat(field("admin-staff-name").getValue()).isEqualTo("Ola Nordmann");
        assertThat(roles().getValue()).containsExactly("TECHNICIAN");
        assertThat(_get(PasswordField.class, spec -> spec.withId("admin-staff-password"))
                        .getValue())
                .isEqualTo("et langt nok passord");
        assertThat(api.client.staff(api.token)).noneMatch(s -> s.displayName().equals("Ola Nordmann"));
    }

    @Test
    void a_too_short_password_is_caught_in_the_form_before_anything_is_sent() {
        String username = AdminApi.unique("kort");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-new")));
        _setValue(field("admin-staff-username"), username);
        _setValue(field("admin-staff-name"), "Kort Passord");
        _setValue(roles(), Set.of("NURSE"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-staff-password")), "kort");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-save")));

        assertThat(_get(PasswordField.class, spec -> spec.withId("admin-staff-password"))
                        .isInvalid())
                .isTrue();
        assertThat(text("admin-staff-status-error")).contains("Noen felt må rettes");
        assertThat(api.client.staff(api.token)).noneMatch(s -> s.username().equals(username));
    }

    @Test
    void name_and_roles_change_the_account_is_deactivated_and_activated_and_gets_a_new_password() {
        String username = api.ownNurse("endres");
        UI.getCurrent().navigate("admin/staff"); // to list the account made over the API
        @SuppressWarnings("unchecked")
        Grid<Staff> grid = _get(Grid.class, spec -> spec.withId("admin-staff-grid"));
        grid.asSingleSelect().setValue(readBack(username));

        assertThat(field("admin-staff-username").isReadOnly()).isTrue();
        _setValue(field("admin-staff-name"), "Endret Navn");
        _setValue(roles(), Set.of("NURSE", "NIGHT_STAFF"));
        _click(_get(Button.class, spec -> spec.withId("admin-staff-save")));
        assertThat(readBack(username).displayName()).isEqualTo("Endret Navn");
        assertThat(readBack(username).roles()).containsExactly("NIGHT_STAFF", "NURSE");

        _click(_get(Button.class, spec -> spec.withId("admin-staff-toggle-active")));
        assertThat(readBack(username).active()).isFalse();
        assertThat(text("admin-staff-account-status-saved")).startsWith("Kontoen er deaktivert.");
        assertThatThrownBy(() -> AdminApi.login(username, "langt-nok-passord"))
                .isInstanceOf(SignalServerException.class);

        _click(_get(Button.class, spec -> spec.withId("admin-staff-toggle-active")));
        assertThat(readBack(username).active()).isTrue();

        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-staff-new-password")), "et helt nytt passord");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-set-password")));
        assertThat(text("admin-staff-account-status-saved")).startsWith("Passordet er endret.");
        assertThat(AdminApi.login(username, "et helt nytt passord")).isNotNull();
        assertThatThrownBy(() -> AdminApi.login(username, "langt-nok-passord"))
                .isInstanceOf(SignalServerException.class);
    }

    @Test
    void the_administrator_cannot_deactivate_themselves_and_is_told_why() {
        @SuppressWarnings("unchecked")
        Grid<Staff> grid = _get(Grid.class, spec -> spec.withId("admin-staff-grid"));
        grid.asSingleSelect().setValue(readBack("admin"));
        _click(_get(Button.class, spec -> spec.withId("admin-staff-toggle-active")));

        assertThat(text("admin-staff-account-status-error")).contains("You cannot deactivate your own account");
        assertThat(readBack("admin").active()).isTrue();
    }

    @Test
    void a_refusal_shown_in_bokmaal_is_shown_in_english_after_the_language_switch() {
        _click(_get(Button.class, spec -> spec.withId("admin-staff-new")));
        _setValue(field("admin-staff-username"), "admin");
        _setValue(field("admin-staff-name"), "En til");
        _setValue(roles(), Set.of("NURSE"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-staff-password")), "et langt nok passord");
        _click(_get(Button.class, spec -> spec.withId("admin-staff-save")));
        assertThat(text("admin-staff-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("taken");

        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("language-select"));
        _setValue(language, Locale.ENGLISH);

        assertThat(text("admin-staff-status-error"))
                .doesNotContain("Signalserveren")
                .contains("admin is taken");
        assertThat(field("admin-staff-username").getLabel()).isEqualTo("User name");
        assertThat(roles().getItemLabelGenerator().apply("NIGHT_STAFF")).isEqualTo("Night staff");
        assertThat(field("admin-staff-name").getValue()).isEqualTo("En til");
    }

    private Staff readBack(String username) {
        List<Staff> staff = api.client.staff(api.token);
        return staff.stream()
                .filter(s -> s.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<String> roles() {
        return _get(CheckboxGroup.class, spec -> spec.withId("admin-staff-roles"));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
