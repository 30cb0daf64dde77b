package no.pasientsignal.server.routing;

import static no.pasientsignal.server.routing.Ward.OSLO;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.alarm.Priority;
import org.junit.jupiter.api.Test;

class RosterTest {

    private static final Instant DAY =
            LocalDateTime.of(2026, 11, 23, 10, 0).atZone(OSLO).toInstant();
    private static final Instant NIGHT =
            LocalDateTime.of(2026, 11, 23, 23, 30).atZone(OSLO).toInstant();
    private static final Instant EARLY_MORNING =
            LocalDateTime.of(2026, 11, 24, 6, 59).atZone(OSLO).toInstant();

    private final Roster roster = Ward.roster();

    @Test
    void day_shift_routes_each_zone_to_its_own_carers() {
        assertThat(roster.recipients(ROOM_201_BED, Tier.PRIMARY, DAY)).containsExactly("kari");
        assertThat(roster.recipients(ROOM_201_BED, Tier.ZONE_TEAM, DAY)).containsExactly("kari", "ola", "lise");
        assertThat(roster.recipients(ROOM_205_BED, Tier.PRIMARY, DAY)).containsExactly("per");
        assertThat(roster.recipients(ROOM_205_BED, Tier.WARD, DAY)).containsExactly("kari", "ola", "per", "lise");
        assertThat(roster.recipients(ROOM_205_BED, Tier.SHIFT_LEAD, DAY)).containsExactly("lise");
        assertThat(roster.recipients(ROOM_205_BED, Tier.RESPONSE_CENTRE, DAY)).containsExactly("responssenter");
    }

    @Test
    void merged_night_zones_send_either_zone_to_the_night_carer_of_both() {
        assertThat(roster.recipients(ROOM_205_BED, Tier.PRIMARY, NIGHT)).containsExactly("nina");
        assertThat(roster.recipients(ROOM_201_BED, Tier.ZONE_TEAM, NIGHT)).containsExactly("nina", "nora");
        assertThat(roster.recipients(ROOM_205_BED, Tier.SHIFT_LEAD, EARLY_MORNING))
                .containsExactly("nora");
    }

    @Test
    void absent_staff_receive_nothing_and_return_when_marked_present() {
        Roster kariAway = roster.withAbsent("kari");
        assertThat(kariAway.recipients(ROOM_201_BED, Tier.PRIMARY, DAY)).isEmpty();
        assertThat(kariAway.recipients(ROOM_201_BED, Tier.ZONE_TEAM, DAY)).containsExactly("ola", "lise");
        assertThat(kariAway.withPresent("kari").recipients(ROOM_201_BED, Tier.PRIMARY, DAY))
                .containsExactly("kari");
    }

    @Test
    void shift_plan_with_a_gap_or_overlap_is_refused() {
        assertThatThrownBy(() -> new ShiftPlan(
                        OSLO,
                        List.of(
                                new Shift("day", LocalTime.of(7, 0), LocalTime.of(15, 0)),
                                new Shift("night", LocalTime.of(22, 0), LocalTime.of(7, 0)))))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> new ShiftPlan(
                        OSLO,
                        List.of(
                                new Shift("day", LocalTime.of(7, 0), LocalTime.of(16, 0)),
                                new Shift("night", LocalTime.of(15, 0), LocalTime.of(7, 0)))))
                .hasMessageContaining("exactly once");
    }

    @Test
    void night_shift_holds_across_midnight_and_daylight_saving() {
        ShiftPlan plan = ShiftPlan.dayEveningNight(OSLO);
        assertThat(plan.at(NIGHT).name()).isEqualTo("night");
        assertThat(plan.at(EARLY_MORNING).name()).isEqualTo("night");
        assertThat(plan.at(EARLY_MORNING.plus(Duration.ofMinutes(1))).name()).isEqualTo("day");
        // 2026-03-29 02:00 the clocks jump to 03:00: 06:59 local is still night, 07:00 is day.
        Instant springMorning = LocalDateTime.of(2026, 3, 29, 7, 0).atZone(OSLO).toInstant();
        assertThat(plan.at(springMorning).name()).isEqualTo("day");
        assertThat(plan.at(springMorning.minusSeconds(60)).name()).isEqualTo("night");
    }

    @Test
    void assignment_to_an_unknown_shift_is_refused() {
        assertThatThrownBy(() -> new Roster(
                        ShiftPlan.dayEveningNight(OSLO),
                        List.of(new Assignment("weekend", "kari", Ward.WARD, Set.of("zone-a"), true, false)),
                        Map.of(),
                        Set.of(),
                        null))
                .hasMessageContaining("unknown shift weekend");
    }

    @Test
    void escalation_policy_must_start_at_once_and_run_in_time_order() {
        var outOfOrder = new java.util.HashMap<>(EscalationPolicy.defaults().chains());
        outOfOrder.put(
                Priority.NORMAL,
                List.of(
                        new EscalationPolicy.Step(Set.of(Tier.PRIMARY), Duration.ZERO),
                        new EscalationPolicy.Step(Set.of(Tier.WARD), Duration.ofSeconds(60)),
                        new EscalationPolicy.Step(Set.of(Tier.ZONE_TEAM), Duration.ofSeconds(30))));
        assertThatThrownBy(() -> new EscalationPolicy(outOfOrder)).hasMessageContaining("time order");
        var late = new java.util.HashMap<>(EscalationPolicy.defaults().chains());
        late.put(Priority.LOW, List.of(new EscalationPolicy.Step(Set.of(Tier.WARD), Duration.ofSeconds(5))));
        assertThatThrownBy(() -> new EscalationPolicy(late)).hasMessageContaining("at once");
    }
}
