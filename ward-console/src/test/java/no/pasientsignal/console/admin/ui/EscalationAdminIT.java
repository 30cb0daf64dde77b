package no.pasientsignal.console.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pasientsignal.console.client.AdminClient.Chain;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Step;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation chains of a site of the test's own, through the view, read back over the API. */
class EscalationAdminIT {

    private KaribuConsole console;
    private final AdminApi api = new AdminApi();
    private AdminApi.OwnSite own;

    @BeforeEach
    void start() {
        own = api.ownSite("Eskaleringshjemmet");
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
        KaribuConsole.logInAsDemo("admin");
        UI.getCurrent().navigate("admin/escalation");
        @SuppressWarnings("unchecked")
        Select<Site> site = _get(Select.class, spec -> spec.withId("admin-escalation-site"));
        _setValue(site, own.site());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void a_changed_step_and_an_added_step_are_saved_and_read_back() {
        // the defaults: HIGH is primary at once, the zone team after 30 s, ...
        assertThat(seconds("admin-escalation-HIGH-1-after").getValue()).isEqualTo(30);
        _setValue(seconds("admin-escalation-HIGH-1-after"), 45);
        _setValue(tiers("admin-escalation-HIGH-1-tiers"), Set.of("ZONE_TEAM", "WARD"));
        int lowSteps = chain("LOW").steps().size();
        _click(_get(Button.class, spec -> spec.withId("admin-escalation-LOW-add")));
        _setValue(seconds("admin-escalation-LOW-" + lowSteps + "-after"), 600);
        _setValue(tiers("admin-escalation-LOW-" + lowSteps + "-tiers"), Set.of("SHIFT_LEAD"));
        _click(_get(Button.class, spec -> spec.withId("admin-escalation-save")));

        assertThat(text("admin-escalation-status-saved")).isEqualTo("Lagret.");
        assertThat(chain("HIGH").steps().get(1)).isEqualTo(new Step(List.of("ZONE_TEAM", "WARD"), 45));
        assertThat(chain("LOW").steps()).hasSize(lowSteps + 1);
        assertThat(chain("LOW").steps().getLast()).isEqualTo(new Step(List.of("SHIFT_LEAD"), 600));
    }

    @Test
    void a_chain_that_does_not_start_at_once_is_refused_and_keeps_what_was_typed() {
        _setValue(seconds("admin-escalation-NORMAL-0-after"), 5);
        _setValue(tiers("admin-escalation-NORMAL-0-tiers"), Set.of("PRIMARY", "ZONE_TEAM"));
        _click(_get(Button.class, spec -> spec.withId("admin-escalation-save")));

        assertThat(text("admin-escalation-status-error"))
                .startsWith("Signalserveren godtok det ikke:")
                .contains("chains");
        assertThat(seconds("admin-escalation-NORMAL-0-after").getValue()).isEqualTo(5);
        assertThat(tiers("admin-escalation-NORMAL-0-tiers").getValue())
                .containsExactlyInAnyOrder("PRIMARY", "ZONE_TEAM");
        assertThat(chain("NORMAL").steps().getFirst().afterSeconds()).isZero();
    }

    @Test
    void a_step_without_recipients_is_caught_in_the_form() {
        _setValue(tiers("admin-escalation-LOW-0-tiers"), Set.of());
        _click(_get(Button.class, spec -> spec.withId("admin-escalation-save")));

        assertThat(tiers("admin-escalation-LOW-0-tiers").isInvalid()).isTrue();
        assertThat(text("admin-escalation-status-error")).contains("Noen felt må rettes");
    }

    @Test
    void the_view_and_its_rows_switch_to_english_and_keep_what_was_typed() {
        _setValue(seconds("admin-escalation-HIGH-1-after"), 40);
        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withId("language-select"));
        _setValue(language, Locale.ENGLISH);

        assertThat(_get(H1.class).getText()).isEqualTo("Escalation");
        assertThat(tiers("admin-escalation-HIGH-0-tiers").getLabel()).isEqualTo("Call");
        assertThat(seconds("admin-escalation-HIGH-1-after").getLabel()).isEqualTo("After seconds");
        assertThat(_get(Button.class, spec -> spec.withId("admin-escalation-HIGH-0-remove"))
                        .getText())
                .isEqualTo("Remove");
        assertThat(seconds("admin-escalation-HIGH-1-after").getValue()).isEqualTo(40);
    }

    private Chain chain(String priority) {
        return api.client.escalation(api.token, own.site().id()).chains().stream()
                .filter(c -> c.priority().equals(priority))
                .findFirst()
                .orElseThrow();
    }

    private static IntegerField seconds(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<String> tiers(String id) {
        return _get(CheckboxGroup.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
