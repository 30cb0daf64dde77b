package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.api.RoutingDtos.AssignmentDto;
import no.pasientsignal.server.api.RoutingDtos.ChainDto;
import no.pasientsignal.server.api.RoutingDtos.EscalationDto;
import no.pasientsignal.server.api.RoutingDtos.MergeDto;
import no.pasientsignal.server.api.RoutingDtos.RosterRequest;
import no.pasientsignal.server.api.RoutingDtos.ShiftDto;
import no.pasientsignal.server.api.RoutingDtos.ShiftsRequest;
import no.pasientsignal.server.api.RoutingDtos.SiteFacts;
import no.pasientsignal.server.api.RoutingDtos.StepDto;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.Tier;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffMember;
import org.junit.jupiter.api.Test;

class RoutingDtosTest {

    private static final ShiftPlan PLAN = ShiftPlan.dayEveningNight(ZoneId.of("Europe/Oslo"));
    private static final SiteFacts SITE = new SiteFacts(
            Set.of("w1", "w2"),
            Map.of("a", "w1", "b", "w1", "c", "w2"),
            Map.of(
                    "kari", new StaffMember("kari", "Kari", Set.of(Role.NURSE), true),
                    "natt", new StaffMember("natt", "Natt", Set.of(Role.NIGHT_STAFF), true),
                    "gone", new StaffMember("gone", "Gone", Set.of(Role.NURSE), false),
                    "tekniker", new StaffMember("tekniker", "Tekniker", Set.of(Role.TECHNICIAN), true)));

    @Test
    void a_roster_request_becomes_the_roster_and_back_keeping_order_merges_and_absences() {
        var request = new RosterRequest(
                List.of(
                        new AssignmentDto("day", " kari ", "w1", List.of("b", "a"), true, null),
                        new AssignmentDto("night", "natt", "w1", List.of("a", "b"), true, true)),
                List.of(new MergeDto("night", List.of("b", "a"))),
                " ");

        Roster roster = RoutingDtos.roster(request, PLAN, Set.of("kari"), SITE);

        assertThat(roster.assignments())
                .containsExactly(
                        new Assignment("day", "kari", "w1", Set.of("a", "b"), true, false),
                        new Assignment("night", "natt", "w1", Set.of("a", "b"), true, true));
        assertThat(roster.merges()).isEqualTo(Map.of("night", List.of(Set.of("a", "b"))));
        assertThat(roster.absent()).containsExactly("kari");
        assertThat(roster.responseCentre()).isNull();

        var dto = RoutingDtos.roster(roster, true);
        assertThat(dto.assignments().getFirst().zoneIds()).containsExactly("a", "b");
        assertThat(dto.assignments().getFirst().lead()).isFalse();
        assertThat(dto.merges()).containsExactly(new MergeDto("night", List.of("a", "b")));
        assertThat(dto.absent()).containsExactly("kari");
    }

    @Test
    void roster_refusals_name_the_field() {
        assertRefused(assign("day", "gone", "w1", "a"), "assignments[0].staff: gone is not an active nurse");
        assertRefused(assign("day", "tekniker", "w1", "a"), "assignments[0].staff: tekniker is not an active nurse");
        assertRefused(assign("day", "kari", "w1", "c"), "assignments[0].zoneIds[0]: no zone with id c in ward w1");
        assertRefused(assign("day", "kari", "w9", "a"), "assignments[0].wardId: no ward with id w9 at this site");
        assertRefused(
                assign("noon", "kari", "w1", "a"),
                "assignments[0].shift: no shift named noon; the site's shifts are day, evening, night");
        var twice = new RosterRequest(
                List.of(
                        new AssignmentDto("day", "kari", "w1", List.of("a"), true, null),
                        new AssignmentDto("day", "kari", "w1", List.of("b"), false, null)),
                null,
                null);
        assertRefused(twice, "assignments[1]: kari is assigned to shift day on this ward twice");
        var mergedTwice = new RosterRequest(
                List.of(),
                List.of(new MergeDto("night", List.of("a", "b")), new MergeDto("night", List.of("b", "a"))),
                null);
        assertRefused(mergedTwice, "merges[1].zoneIds[0]: zone b is merged twice in shift night");
        var acrossWards = new RosterRequest(List.of(), List.of(new MergeDto("night", List.of("a", "c"))), null);
        assertRefused(acrossWards, "merges[0].zoneIds: the zones of a merge must be in the same ward.");
    }

    @Test
    void a_shift_plan_the_domain_refuses_is_a_refusal_naming_the_shifts() {
        var gap = new ShiftsRequest(
                "Europe/Oslo", List.of(new ShiftDto("day", "07:00", "15:00"), new ShiftDto("night", "22:00", "07:00")));
        assertThatThrownBy(() -> RoutingDtos.shiftPlan(gap))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("shifts: shifts must cover the day exactly once")
                .hasMessageEndingWith(".");
        var zone = new ShiftsRequest("Oslo", List.of(new ShiftDto("all", "00:00", "12:00")));
        assertThatThrownBy(() -> RoutingDtos.shiftPlan(zone))
                .hasMessageStartingWith("timeZone: Oslo is not a time zone");
    }

    @Test
    void dropping_a_shift_the_roster_uses_is_a_conflict() {
        var roster = new Roster(
                PLAN,
                List.of(new Assignment("evening", "kari", "w1", Set.of("a"), true, true)),
                Map.of(),
                Set.of(),
                null);
        var twoShifts = RoutingDtos.shiftPlan(new ShiftsRequest(
                "Europe/Oslo",
                List.of(new ShiftDto("day", "07:00", "19:00"), new ShiftDto("night", "19:00", "07:00"))));

        assertThatThrownBy(() -> RoutingDtos.withPlan(roster, twoShifts))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status().getCode()).isEqualTo(409))
                .hasMessageContaining("shift(s) evening");
    }

    @Test
    void escalation_maps_both_ways_and_a_duplicate_priority_is_named() {
        var dto = RoutingDtos.escalation(EscalationPolicy.defaults());
        assertThat(dto.chains()).extracting(ChainDto::priority).containsExactly("EMERGENCY", "HIGH", "NORMAL", "LOW");
        // Tiers in enum order, narrowest first, whatever order the set had.
        assertThat(dto.chains().getFirst().steps().getFirst().tiers()).containsExactly("WARD", "SHIFT_LEAD");
        assertThat(RoutingDtos.policy(dto)).isEqualTo(EscalationPolicy.defaults());

        var chain = new ChainDto("HIGH", List.of(new StepDto(List.of("PRIMARY"), 0)));
        assertThatThrownBy(() -> RoutingDtos.policy(new EscalationDto(List.of(chain, chain))))
                .hasMessage("chains[1].priority: HIGH is listed twice; give one chain per priority.");
        var late = new ChainDto("LOW", List.of(new StepDto(List.of("WARD"), 30)));
        var chains = new java.util.ArrayList<>(dto.chains().subList(0, 3));
        chains.add(late);
        assertThatThrownBy(() -> RoutingDtos.policy(new EscalationDto(chains)))
                .hasMessage("chains: the first step for LOW must go out at once.");
        assertThat(RoutingDtos.policy(dto).chain(Priority.LOW).get(1))
                .isEqualTo(new EscalationPolicy.Step(Set.of(Tier.WARD), Duration.ofMinutes(5)));
    }

    private static RosterRequest assign(String shift, String staff, String ward, String zone) {
        return new RosterRequest(
                List.of(new AssignmentDto(shift, staff, ward, List.of(zone), true, false)), null, null);
    }

    private static void assertRefused(RosterRequest request, String messageStart) {
        assertThatThrownBy(() -> RoutingDtos.roster(request, PLAN, Set.of(), SITE))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status().getCode()).isEqualTo(400))
                .hasMessageStartingWith(messageStart);
    }
}
