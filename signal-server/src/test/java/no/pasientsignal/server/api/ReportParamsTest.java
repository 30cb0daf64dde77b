package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.api.ReportParams.BenefitBody;
import no.pasientsignal.server.api.ReportParams.PeriodBody;
import no.pasientsignal.server.report.FallCounts;
import no.pasientsignal.server.report.Indicator;
import no.pasientsignal.server.report.Period;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReportParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static void refused(ThrowingCallable call, String sentence) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status().getCode()).isEqualTo(400))
                .hasMessage(sentence);
    }

    @Test
    void a_period_is_two_inclusive_local_dates() {
        assertThat(ReportParams.period("2026-03-01", "2026-03-31"))
                .isEqualTo(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(ReportParams.period("2026-03-01", "2026-03-01").days()).isEqualTo(1);
    }

    @Test
    void bad_periods_are_refused_naming_the_parameter() {
        refused(() -> ReportParams.period(null, "2026-03-31"), "from: is required, a date like 2026-03-01.");
        refused(() -> ReportParams.period("2026-03-01", " "), "to: is required, a date like 2026-03-01.");
        refused(
                () -> ReportParams.period("01.03.2026", "2026-03-31"),
                "from: '01.03.2026' is not a date like 2026-03-01.");
        refused(
                () -> ReportParams.period("2026-02-30", "2026-03-31"),
                "from: '2026-02-30' is not a date like 2026-03-01.");
        refused(() -> ReportParams.period("2026-03-31", "2026-03-01"), "to: must not be before from (2026-03-31).");
        refused(() -> ReportParams.period("1026-03-01", "2026-03-01"), "to: the period may be at most 3660 days.");
    }

    @Test
    void choices_are_case_insensitive_with_a_default_and_a_refusal_listing_the_options() {
        assertThat(ReportParams.choice("by", "Week", FallCounts.By.class, FallCounts.By.MONTH))
                .isEqualTo(FallCounts.By.WEEK);
        assertThat(ReportParams.choice("by", null, FallCounts.By.class, FallCounts.By.MONTH))
                .isEqualTo(FallCounts.By.MONTH);
        refused(
                () -> ReportParams.choice("per", "bed", FallCounts.Per.class, FallCounts.Per.WARD),
                "per: must be one of ward, room, resident.");
        refused(() -> ReportParams.site(""), "site: is required: the id of the site to report on.");
    }

    private static PeriodBody log(String from, String to) {
        return new PeriodBody(null, from, to, null);
    }

    @Test
    void a_benefit_body_with_a_manual_baseline_and_log_follow_ups() {
        var body = new BenefitBody(
                "site-1",
                List.of("falls", "night-visits"),
                new PeriodBody("Før", "2025-01-01", "2025-03-31", Map.of("FALLS", 12.0, "night_visits", 1800.0)),
                List.of(log("2026-01-01", "2026-01-31"), log("2026-10-01", "2026-10-31")));

        var request = ReportParams.benefit(body, TODAY);

        assertThat(request.indicators()).containsExactly(Indicator.FALLS, Indicator.NIGHT_VISITS);
        assertThat(request.baseline().manual()).isTrue();
        assertThat(request.baseline().values())
                .isEqualTo(Map.of(Indicator.FALLS, 12.0, Indicator.NIGHT_VISITS, 1800.0));
        assertThat(request.followUps()).extracting(m -> m.label()).containsExactly("follow-up 1", "follow-up 2");
        assertThat(request.followUps()).noneMatch(m -> m.manual());
        assertThat(ReportParams.describe(request))
                .containsEntry("indicators", "FALLS,NIGHT_VISITS")
                .containsEntry("baseline", "2025-01-01..2025-03-31 manual")
                .containsEntry("followUps", "2026-01-01..2026-01-31 log; 2026-10-01..2026-10-31 log");
    }

    @Test
    void bad_benefit_bodies_are_refused_naming_the_field() {
        var base = log("2026-01-01", "2026-01-31");
        var after = List.of(log("2026-02-01", "2026-02-28"));
        refused(
                () -> ReportParams.benefit(null, TODAY),
                "body: is required: site, indicators, baseline and followUps.");
        refused(
                () -> ReportParams.benefit(new BenefitBody("site-1", List.of("falls", "steps"), base, after), TODAY),
                "indicators[1]: must be one of falls, fall-alarms, night-visits, calls, passive-alerts, "
                        + "median-seconds-to-accept, p90-seconds-to-accept, not-actionable-share, digital-supervisions.");
        refused(
                () -> ReportParams.benefit(new BenefitBody("site-1", List.of("falls", "FALLS"), base, after), TODAY),
                "indicators[1]: FALLS is chosen twice.");
        refused(
                () -> ReportParams.benefit(new BenefitBody("site-1", List.of("falls"), null, after), TODAY),
                "baseline: is required: from, to and optionally values typed in by hand.");
        refused(
                () -> ReportParams.benefit(new BenefitBody("site-1", List.of("falls"), base, List.of()), TODAY),
                "followUps: give at least one follow-up period.");
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody("site-1", List.of("falls"), base, List.of(log("2026-02-01", "2026-01-01"))),
                        TODAY),
                "followUps[0].to: must not be before followUps[0].from (2026-02-01).");
        // A period read from the log must be over: today's alarms are still coming in.
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody("site-1", List.of("falls"), base, List.of(log("2026-11-01", "2026-11-23"))),
                        TODAY),
                "followUps[0].to: the period is not over yet (today is 2026-11-23); a period read from the log must"
                        + " have ended to be compared per 30 days.");
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody(
                                "site-1",
                                List.of("falls"),
                                new PeriodBody(null, "2025-01-01", "2025-03-31", Map.of("CALLS", 3.0)),
                                after),
                        TODAY),
                "baseline.values.CALLS: is not one of the chosen indicators.");
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody(
                                "site-1",
                                List.of("falls"),
                                new PeriodBody(null, "2025-01-01", "2025-03-31", Map.of("FALLS", -1.0)),
                                after),
                        TODAY),
                "baseline.values.FALLS: must be a number of 0 or more.");
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody(
                                "site-1",
                                List.of("not-actionable-share"),
                                new PeriodBody(null, "2025-01-01", "2025-03-31", Map.of("NOT_ACTIONABLE_SHARE", 40.0)),
                                after),
                        TODAY),
                "baseline.values.NOT_ACTIONABLE_SHARE: is a share between 0 and 1.");
        refused(
                () -> ReportParams.benefit(
                        new BenefitBody(
                                "site-1",
                                List.of("falls"),
                                new PeriodBody("Før", "2026-01-01", "2026-01-31", null),
                                List.of(new PeriodBody("Før", "2026-02-01", "2026-02-28", null))),
                        TODAY),
                "followUps[0].label: 'Før' is used by another period.");
    }
}
