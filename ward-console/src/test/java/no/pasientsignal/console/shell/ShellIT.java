package no.pasientsignal.console.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.login.ui.LoginView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frame around the views, against the real signal server: who sees which views, and the language choice. */
class ShellIT {

    private KaribuConsole console;

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void nobody_logged_in_is_sent_to_the_login_view() {
        UI.getCurrent().navigate("no-access");
        _get(LoginView.class);
    }

    @Test
    void a_nurse_lands_on_the_board_and_the_menu_offers_only_care_views() {
        KaribuConsole.logInAsDemo("sykepleier");
        assertThat(currentPath()).isEmpty();
        assertThat(menuPaths()).contains("").doesNotContain("devices", "audit", "admin");
    }

    @Test
    void a_view_the_role_does_not_allow_is_refused_with_a_sentence() {
        KaribuConsole.logInAsDemo("kvalitet");
        UI.getCurrent().navigate("");
        // a quality lead has no board: the start page forwards to their own home view instead
        assertThat(currentPath()).isNotEmpty();
        UI.getCurrent().navigate("no-access");
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-access")).getText())
                .isEqualTo("Rollen din gir ikke tilgang til denne siden. Velg en side i menyen.");
    }

    @Test
    void the_language_can_be_switched_to_english_and_back() {
        KaribuConsole.logInAsDemo("sykepleier");
        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("language-select"));
        _setValue(language, Locale.ENGLISH);
        assertThat(menuLabels()).contains("Room status");
        _setValue(language, ConsoleI18NProvider.BOKMAAL);
        assertThat(menuLabels()).contains("Romstatus");
    }

    @Test
    void a_technicians_session_ends_after_the_idle_timeout_and_a_nurses_lasts_the_shift() {
        KaribuConsole.logInAsDemo("tekniker");
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval())
                .isEqualTo(30 * 60);
        _click(_get(Button.class, spec -> spec.withId("logout-button")));
        console.close();
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("sykepleier");
        // the signal server's login lasts 12 hours: the board stays signed in for the shift
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval())
                .isBetween(11 * 3600, 12 * 3600);
    }

    private static String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static List<String> menuPaths() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
    }

    private static List<String> menuLabels() {
        _get(SideNav.class, spec -> spec.withId("main-menu"));
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
