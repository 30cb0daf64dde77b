package no.pasientsignal.console.login.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static no.pasientsignal.console.testsupport.KaribuConsole.PASSWORD;
import static no.pasientsignal.console.testsupport.KaribuConsole.USERNAME;
import static no.pasientsignal.console.testsupport.KaribuConsole.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import no.pasientsignal.console.board.ui.BoardView;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginViewTest {

    private KaribuConsole console;

    @BeforeEach
    void openLoginInANorwegianBrowser() {
        console = KaribuConsole.start(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("login");
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    @Test
    void a_technicians_login_does_not_open_the_alarm_stream_the_server_would_refuse() {
        console.server().withUser("tekniker", PASSWORD, "TECHNICIAN");
        logIn("tekniker", PASSWORD);

        assertThat(console.services().authentication().currentUser()).isPresent();
        // the stream would connect within milliseconds; it must stay unconnected
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> console.server().streamConnections() == 0);
    }

    @Test
    void successful_login_goes_to_the_board() {
        logIn(USERNAME, PASSWORD);

        _get(BoardView.class);
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText())
                .isEqualTo("kari");
        assertThat(console.services().authentication().currentUser()).isPresent();
    }

    @Test
    void failed_login_shows_a_plain_sentence() {
        logIn(USERNAME, "feil-passord");

        _get(LoginView.class);
        assertThat(error()).isEqualTo("Feil brukernavn eller passord.");
        assertThat(_get(PasswordField.class).getValue()).isEmpty();
        assertThat(console.services().authentication().currentUser()).isEmpty();
    }

    @Test
    void signal_server_down_shows_a_plain_sentence() {
        String address = console.server().uri().toString();
        console.server().close();

        logIn(USERNAME, PASSWORD);

        _get(LoginView.class);
        assertThat(error())
                .isEqualTo("Får ikke kontakt med signalserveren (" + address
                        + "). Prøv igjen om litt, og si fra til IT hvis det varer.");
    }

    @Test
    void empty_fields_ask_for_user_name_and_password() {
        logIn("", "");

        assertThat(error()).isEqualTo("Skriv inn brukernavn og passord.");
    }

    @Test
    void a_logged_in_user_opening_login_goes_to_the_board() {
        logIn(USERNAME, PASSWORD);

        UI.getCurrent().navigate("login");

        _get(BoardView.class);
    }

    private static String error() {
        Paragraph error = _get(Paragraph.class, spec -> spec.withId("login-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        return error.getText();
    }
}
