package no.pasientsignal.server.alarm;

import static no.pasientsignal.server.routing.Ward.OSLO;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.MutableClock;
import org.junit.jupiter.api.Test;

class PassiveRulesTest {

    private static final TimeWindow NIGHT = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final Instant EVENING = at(20, 0);
    private static final Instant MIDNIGHT_ISH = at(23, 30);

    private final MutableClock clock = new MutableClock(MIDNIGHT_ISH);
    private final PassiveRules rules = new PassiveRules(clock, OSLO);

    private static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 23, hour, minute).atZone(OSLO).toInstant();
    }

    private static CarePlan plan(List<PassiveRule> passive, LegalBasis... bases) {
        return new CarePlan("R-201", "201", passive, List.of(bases));
    }

    private static LegalBasis consent() {
        return new LegalBasis(LegalBasis.Kind.CONSENT, "sykepleier", at(0, 0).minus(Duration.ofDays(30)), null);
    }

    private SensorReading reading(SensorKind kind) {
        return new SensorReading(UUID.randomUUID(), kind, "bed-201", ROOM_201_BED, clock.instant());
    }

    @Test
    void bed_exit_raises_inside_its_night_window_and_names_the_resident() {
        rules.plan(plan(List.of(new PassiveRule(PassiveRule.Kind.BED_EXIT, NIGHT, null)), consent()));

        assertThat(rules.onReading(reading(SensorKind.BED_EXIT)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(AlarmType.BED_EXIT);
                    assertThat(s.residentId()).isEqualTo("R-201");
                });
    }

    @Test
    void bed_exit_outside_the_window_raises_nothing() {
        rules.plan(plan(List.of(new PassiveRule(PassiveRule.Kind.BED_EXIT, NIGHT, null)), consent()));
        clock.set(EVENING);

        assertThat(rules.onReading(reading(SensorKind.BED_EXIT))).isEmpty();
    }

    @Test
    void without_a_valid_consent_or_decision_no_rule_runs() {
        rules.plan(plan(List.of(new PassiveRule(PassiveRule.Kind.BED_EXIT, NIGHT, null))));
        assertThat(rules.onReading(reading(SensorKind.BED_EXIT))).isEmpty();

        var expired = new LegalBasis(
                LegalBasis.Kind.DECISION,
                "lege",
                MIDNIGHT_ISH.minus(Duration.ofDays(90)),
                MIDNIGHT_ISH.minusSeconds(1));
        rules.plan(plan(List.of(new PassiveRule(PassiveRule.Kind.BED_EXIT, NIGHT, null)), expired));
        assertThat(rules.onReading(reading(SensorKind.BED_EXIT))).isEmpty();
    }

    @Test
    void not_back_in_bed_fires_once_after_the_threshold_and_not_if_back_in_time() {
        rules.plan(plan(
                List.of(new PassiveRule(PassiveRule.Kind.OUT_OF_BED_TOO_LONG, NIGHT, Duration.ofMinutes(30))),
                consent()));
        rules.onReading(reading(SensorKind.BED_EXIT));

        clock.advance(Duration.ofMinutes(29));
        assertThat(rules.tick()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rules.tick())
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(AlarmType.OUT_OF_BED_TOO_LONG));
        clock.advance(Duration.ofMinutes(5));
        assertThat(rules.tick()).isEmpty();

        rules.onReading(reading(SensorKind.BED_ENTER));
        rules.onReading(reading(SensorKind.BED_EXIT));
        clock.advance(Duration.ofMinutes(10));
        rules.onReading(reading(SensorKind.BED_ENTER));
        clock.advance(Duration.ofMinutes(30));
        assertThat(rules.tick()).isEmpty();
    }

    @Test
    void no_movement_for_hours_fires_inside_the_window_only() {
        rules.plan(plan(
                List.of(new PassiveRule(
                        PassiveRule.Kind.INACTIVITY,
                        new TimeWindow(LocalTime.of(7, 0), LocalTime.of(22, 0)),
                        Duration.ofHours(3))),
                consent()));
        clock.set(at(6, 0));
        rules.onReading(reading(SensorKind.MOTION));

        clock.set(at(8, 59));
        assertThat(rules.tick()).isEmpty();
        clock.set(at(9, 0));
        assertThat(rules.tick())
                .singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(AlarmType.INACTIVITY));
    }

    @Test
    void door_opened_at_night_raises_and_a_retransmitted_reading_gives_the_same_signal_id() {
        rules.plan(plan(List.of(new PassiveRule(PassiveRule.Kind.DOOR_OPENED, NIGHT, null)), consent()));
        SensorReading door = reading(SensorKind.DOOR_OPEN);

        UUID first = rules.onReading(door).getFirst().eventId();
        UUID again = rules.onReading(door).getFirst().eventId();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void smoke_raises_without_any_care_plan() {
        assertThat(rules.onReading(reading(SensorKind.SMOKE))).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(AlarmType.SMOKE);
            assertThat(s.residentId()).isNull();
        });
    }

    @Test
    void timed_rules_need_a_threshold_and_others_refuse_one() {
        assertThatThrownBy(() -> new PassiveRule(PassiveRule.Kind.INACTIVITY, NIGHT, null))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new PassiveRule(PassiveRule.Kind.FALL, NIGHT, Duration.ofMinutes(1)))
                .hasMessageContaining("no threshold");
    }
}
