package no.pasientsignal.console.quality.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.quality.service.BenefitRows;
import no.pasientsignal.console.shell.NoAccessView;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Benefit follow-up against the real signal server. */
class BenefitViewIT {

    private KaribuConsole console;

    @BeforeEach
    void start() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("login");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void a_baseline_typed_in_from_paper_is_compared_per_30_days_with_a_follow_up_from_the_log() {
        openAsQualityLead();
        choose(Set.of("FALLS", "DIGITAL_SUPERVISIONS"));
        _setValue(_get(DatePicker.class, spec -> spec.withId("benefit-baseline-from")), LocalDate.of(2025, 1, 1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("benefit-baseline-to")), LocalDate.of(2025, 3, 31));
        typedIn();
        _setValue(_get(NumberField.class, spec -> spec.withId("benefit-baseline-value-FALLS")), 12.0);
        // a period this test server has no falls in: it started today, and periods from the log must be over
        LocalDate yesterday = LocalDate.now(QualityFormat.ZONE).minusDays(1);
        _setValue(_get(DatePicker.class, spec -> spec.withId("benefit-followup-0-from")), yesterday.minusDays(27));
        _setValue(_get(DatePicker.class, spec -> spec.withId("benefit-followup-0-to")), yesterday);
        _click(_get(Button.class, spec -> spec.withId("benefit-compute")));

        assertThat(_find(Paragraph.class, spec -> spec.withId("benefit-error"))).isEmpty(); // none visible
        Grid<BenefitRows.Row> result = result();
        List<BenefitRows.Row> rows = _findAll(result);
        assertThat(rows)
                .extracting(BenefitRows.Row::indicator)
                .containsExactly("FALLS", "FALLS", "DIGITAL_SUPERVISIONS", "DIGITAL_SUPERVISIONS");
        // 12 falls in 90 days are 4 per 30 days; none in 28 days is 0: a change of -4, -100 %
        assertThat(_getFormatted(result, 0, "indicator")).isEqualTo("Fall");
        assertThat(_getFormatted(result, 0, "source")).isEqualTo("Skrevet inn");
        assertThat(_getFormatted(result, 0, "value")).isEqualTo("12");
        assertThat(_getFormatted(result, 0, "per30Days")).isEqualTo("4");
        assertThat(_getFormatted(result, 1, "source")).isEqualTo("Loggen");
        assertThat(_getFormatted(result, 1, "days")).isEqualTo("28");
        assertThat(_getFormatted(result, 1, "value")).isEqualTo("0");
        assertThat(_getFormatted(result, 1, "change")).isEqualTo("−4");
        assertThat(_getFormatted(result, 1, "changePercent")).isEqualTo("−100 %");
        // not in the trail yet: said so, never shown as 0
        assertThat(_getFormatted(result, 3, "value")).isEqualTo(QualityFormat.MISSING);
        assertThat(_getFormatted(result, 3, "note")).isEqualTo("Registreres ikke i loggen ennå");
    }

    @Test
    void the_benefit_csv_is_the_servers_for_the_same_request() {
        openAsQualityLead();
        choose(Set.of("FALLS"));
        typedIn();
        _setValue(_get(NumberField.class, spec -> spec.withId("benefit-baseline-value-FALLS")), 12.0);
        _click(_get(Button.class, spec -> spec.withId("benefit-compute")));
        _click(_get(Button.class, spec -> spec.withId("benefit-csv")));

        List<String> lines = new String(
                        DownloadKt.download(_get(Anchor.class, spec -> spec.withId("benefit-csv-download"))),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.getFirst())
                .isEqualTo("indicator,unit,period,from,to,days,source,value,per_30_days,change,change_percent,note");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("FALLS,count,Før,").contains(",manual,12");
    }

    @Test
    void a_follow_up_not_over_yet_is_refused_with_the_servers_sentence_and_the_form_stays() {
        openAsQualityLead();
        LocalDate today = LocalDate.now(QualityFormat.ZONE);
        _setValue(_get(TextField.class, spec -> spec.withId("benefit-followup-0-label")), "Etter 1 mnd");
        _setValue(_get(DatePicker.class, spec -> spec.withId("benefit-followup-0-to")), today);
        _click(_get(Button.class, spec -> spec.withId("benefit-compute")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("benefit-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .startsWith("Signalserveren godtok det ikke: ")
                .contains("not over yet");
        assertThat(_get(TextField.class, spec -> spec.withId("benefit-followup-0-label"))
                        .getValue())
                .isEqualTo("Etter 1 mnd");
        assertThat(_get(DatePicker.class, spec -> spec.withId("benefit-followup-0-to"))
                        .getValue())
                .isEqualTo(today);
        assertThat(_find(Grid.class, spec -> spec.withId("benefit-result"))).isEmpty(); // no result shown
    }

    @Test
    void follow_up_periods_can_be_added_and_removed() {
        openAsQualityLead();
        _click(_get(Button.class, spec -> spec.withId("benefit-add-followup")));
        LocalDate firstEnd = _get(DatePicker.class, spec -> spec.withId("benefit-followup-0-to"))
                .getValue();
        assertThat(_get(DatePicker.class, spec -> spec.withId("benefit-followup-1-from"))
                        .getValue())
                .isEqualTo(firstEnd.plusDays(1));
        assertThat(_get(TextField.class, spec -> spec.withId("benefit-followup-1-label"))
                        .getValue())
                .isEqualTo("Oppfølging 2");
        _click(_get(Button.class, spec -> spec.withId("benefit-followup-0-remove")));
        assertThat(_find(TextField.class, spec -> spec.withId("benefit-followup-1-label")))
                .isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("benefit-followup-0-label"))
                        .getValue())
                .isEqualTo("Oppfølging 2");
    }

    @Test
    void nurses_and_technicians_are_refused_the_benefit_report() {
        for (String user : List.of("sykepleier", "tekniker")) {
            UI.getCurrent().navigate("login");
            KaribuConsole.logInAsDemo(user);
            UI.getCurrent().navigate("benefit");
            _get(NoAccessView.class);
            assertThat(_find(BenefitView.class)).isEmpty();
            _click(_get(Button.class, spec -> spec.withId("logout-button")));
        }
    }

    private static void openAsQualityLead() {
        KaribuConsole.logInAsDemo("kvalitet");
        UI.getCurrent().navigate("benefit");
        _get(BenefitView.class);
    }

    @SuppressWarnings("unchecked")
    private static void choose(Set<String> indicators) {
        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("benefit-indicators")), indicators);
    }

    @SuppressWarnings("unchecked")
    private static void typedIn() {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("benefit-baseline-source")), BenefitView.MANUAL);
    }

    @SuppressWarnings("unchecked")
    private static Grid<BenefitRows.Row> result() {
        return _get(Grid.class, spec -> spec.withId("benefit-result"));
    }
}
