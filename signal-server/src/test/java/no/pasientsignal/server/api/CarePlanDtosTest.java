package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;
import no.pasientsignal.server.api.CarePlanDtos.BasisDto;
import no.pasientsignal.server.api.CarePlanDtos.CarePlanRequest;
import no.pasientsignal.server.api.CarePlanDtos.RuleDto;
import no.pasientsignal.server.persistence.CarePlanRecord;
import org.junit.jupiter.api.Test;

class CarePlanDtosTest {

    private static final Set<String> STAFF = Set.of("admin", "kari");

    @Test
    void rules_map_with_their_window_and_threshold_and_no_window_means_all_day() {
        var request = new CarePlanRequest(
                List.of(
                        new RuleDto("OUT_OF_BED_TOO_LONG", "22:00", "07:00", 1800),
                        new RuleDto("FALL", null, null, null)),
                List.of());

        assertThat(CarePlanDtos.rules(request))
                .containsExactly(
                        new PassiveRule(
                                PassiveRule.Kind.OUT_OF_BED_TOO_LONG,
                                new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                                Duration.ofMinutes(30)),
                        new PassiveRule(PassiveRule.Kind.FALL, TimeWindow.ALWAYS, null));
    }

    @Test
    void bases_take_offsets_to_the_second_and_default_the_recorder_to_the_caller() {
        var request = new CarePlanRequest(
                List.of(),
                List.of(
                        new BasisDto("CONSENT", null, "2026-01-01T00:00:00.987+01:00", null, "  "),
                        new BasisDto("DECISION", "kari", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026/17")));

        assertThat(CarePlanDtos.bases(request, "admin", STAFF))
                .containsExactly(
                        new LegalBasis(
                                LegalBasis.Kind.CONSENT, "admin", Instant.parse("2025-12-31T23:00:00Z"), null, null),
                        new LegalBasis(
                                LegalBasis.Kind.DECISION,
                                "kari",
                                Instant.parse("2026-01-01T00:00:00Z"),
                                Instant.parse("2027-01-01T00:00:00Z"),
                                "2026/17"));
    }

    @Test
    void refusals_name_the_field() {
        assertThatThrownBy(() -> CarePlanDtos.rules(
                        new CarePlanRequest(List.of(new RuleDto("INACTIVITY", null, null, null)), List.of())))
                .hasMessage("rules[0]: INACTIVITY needs a positive threshold.");
        assertThatThrownBy(() -> CarePlanDtos.rules(
                        new CarePlanRequest(List.of(new RuleDto("BED_EXIT", null, "07:00", null)), List.of())))
                .hasMessage("rules[0]: give both from and to, or neither for all day.");
        assertThatThrownBy(() -> CarePlanDtos.bases(
                        new CarePlanRequest(
                                List.of(),
                                List.of(new BasisDto(
                                        "CONSENT", "kari", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", null))),
                        "admin",
                        STAFF))
                .hasMessage("bases[0]: a legal basis must end after it starts.");
        assertThatThrownBy(() -> CarePlanDtos.bases(
                        new CarePlanRequest(
                                List.of(), List.of(new BasisDto("CONSENT", "ola", "2026-01-01T00:00:00Z", null, null))),
                        "admin",
                        STAFF))
                .hasMessage("bases[0].recordedBy: no staff member with username ola.");
        assertThatThrownBy(() -> CarePlanDtos.bases(
                        new CarePlanRequest(
                                List.of(), List.of(new BasisDto("CONSENT", null, "2026-01-01", null, null))),
                        "admin",
                        STAFF))
                .hasMessageStartingWith("bases[0].validFrom: 2026-01-01 is not a date and time");
    }

    @Test
    void rules_are_active_only_with_rules_a_room_and_a_basis_valid_now() {
        var rule = new PassiveRule(PassiveRule.Kind.FALL, TimeWindow.ALWAYS, null);
        var basis = new LegalBasis(LegalBasis.Kind.CONSENT, "kari", Instant.parse("2026-01-01T00:00:00Z"), null);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(CarePlanDtos.carePlan(new CarePlanRecord("r", "room", false, List.of(rule), List.of(basis)), now)
                        .rulesActive())
                .isTrue();
        assertThat(CarePlanDtos.carePlan(new CarePlanRecord("r", null, false, List.of(rule), List.of(basis)), now)
                        .rulesActive())
                .isFalse();
        assertThat(CarePlanDtos.carePlan(new CarePlanRecord("r", "room", true, List.of(rule), List.of(basis)), now)
                        .rulesActive())
                .isFalse();
        assertThat(CarePlanDtos.carePlan(new CarePlanRecord("r", "room", false, List.of(), List.of(basis)), now)
                        .rulesActive())
                .isFalse();
        assertThat(CarePlanDtos.carePlan(
                                new CarePlanRecord("r", "room", false, List.of(rule), List.of(basis)),
                                Instant.parse("2025-12-31T00:00:00Z"))
                        .rulesActive())
                .isFalse();
    }
}
