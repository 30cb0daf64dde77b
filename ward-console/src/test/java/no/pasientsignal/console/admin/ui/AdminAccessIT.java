package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only administrators open the administration views; nurses, technicians and quality leads are refused. */
class AdminAccessIT {

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

    @ParameterizedTest(name = "{0} is refused {1}")
    @CsvSource({
        "sykepleier, admin/facility",
        "sykepleier, admin/staff",
        "sykepleier, admin/roster",
        "sykepleier, admin/escalation",
        "sykepleier, admin/care-plans",
        "tekniker, admin/facility",
        "tekniker, admin/staff",
        "tekniker, admin/roster",
        "tekniker, admin/escalation",
        "tekniker, admin/care-plans",
        "kvalitet, admin/facility",
        "kvalitet, admin/staff",
        "kvalitet, admin/roster",
        "kvalitet, admin/escalation",
        "kvalitet, admin/care-plans"
    })
    void other_roles_are_refused_every_administration_view(String user, String path) {
        KaribuConsole.logInAsDemo(user);
        UI.getCurrent().navigate(path);
        _get(NoAccessView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-access")).getText())
                .isEqualTo("Rollen din gir ikke tilgang til denne siden. Velg en side i menyen.");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath)).noneMatch(p -> p.startsWith("admin"));
    }

    @Test
    void the_administrator_finds_the_five_views_in_the_menu_and_each_opens() {
        KaribuConsole.logInAsDemo("admin");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath))
                .containsSubsequence(
                        "admin/facility", "admin/staff", "admin/roster", "admin/escalation", "admin/care-plans");
        UI.getCurrent().navigate("admin/facility");
        _get(FacilityView.class);
        UI.getCurrent().navigate("admin/staff");
        _get(StaffView.class);
        UI.getCurrent().navigate("admin/roster");
        _get(RosterView.class);
        UI.getCurrent().navigate("admin/escalation");
        _get(EscalationView.class);
        UI.getCurrent().navigate("admin/care-plans");
        _get(CarePlanView.class);
    }
}
