package no.pasientsignal.console.board.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.console.client.BoardClient.Assignment;
import no.pasientsignal.console.client.BoardClient.Merge;
import no.pasientsignal.console.client.BoardClient.Roster;
import no.pasientsignal.console.client.BoardClient.Shift;
import no.pasientsignal.console.client.BoardClient.Shifts;
import org.junit.jupiter.api.Test;

/** "My zone" from the shift plan and the roster: pure logic. */
class ZoneCoverageTest {

    private static final Shifts PLAN = new Shifts(
            true,
            "Europe/Oslo",
            List.of(
                    new Shift("day", "07:00", "15:00"),
                    new Shift("evening", "15:00", "22:00"),
                    new Shift("night", "22:00", "07:00")));
    private static final Roster ROSTER = new Roster(
            List.of(
                    new Assignment("day", "kari", "ward-1", List.of("zone-a")),
                    new Assignment("day", "ola", "ward-1", List.of("zone-b")),
                    new Assignment("night", "natt", "ward-1", List.of("zone-a"))),
            List.of(new Merge("night", List.of("zone-a", "zone-b"))),
            List.of());

    // 10:00 and 03:00 in Oslo (UTC+1 in March)
    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-03-03T02:00:00Z");

    @Test
    void a_nurse_on_the_day_shift_covers_the_zones_of_her_assignment() {
        ZoneCoverage coverage = ZoneCoverage.of("kari", MORNING, PLAN, ROSTER);

        assertThat(coverage.shift()).contains("day");
        assertThat(coverage.zoneIds()).containsExactly("zone-a");
        assertThat(coverage.wardIds()).containsExactly("ward-1");
        assertThat(coverage.onDuty()).isTrue();
    }

    @Test
    void at_night_the_night_staff_covers_every_zone_merged_with_theirs() {
        ZoneCoverage coverage = ZoneCoverage.of("natt", NIGHT, PLAN, ROSTER);

        assertThat(coverage.shift()).contains("night");
        assertThat(coverage.zoneIds()).containsExactlyInAnyOrder("zone-a", "zone-b");
    }

    @Test
    void someone_without_an_assignment_in_the_running_shift_covers_nothing() {
        assertThat(ZoneCoverage.of("kari", NIGHT, PLAN, ROSTER).onDuty()).isFalse();
        assertThat(ZoneCoverage.of("admin", MORNING, PLAN, ROSTER).zoneIds()).isEmpty();
    }

    @Test
    void someone_marked_absent_covers_nothing() {
        Roster absent = new Roster(ROSTER.assignments(), ROSTER.merges(), List.of("kari"));

        assertThat(ZoneCoverage.of("kari", MORNING, PLAN, absent).onDuty()).isFalse();
    }

    @Test
    void the_running_shift_is_found_in_the_sites_time_zone_and_a_night_shift_wraps_midnight() {
        // 06:59 and 07:00 local time
        assertThat(ZoneCoverage.currentShift(Instant.parse("2026-03-02T05:59:00Z"), PLAN))
                .contains("night");
        assertThat(ZoneCoverage.currentShift(Instant.parse("2026-03-02T06:00:00Z"), PLAN))
                .contains("day");
        assertThat(ZoneCoverage.currentShift(Instant.parse("2026-03-02T21:30:00Z"), PLAN))
                .contains("night");
    }

    @Test
    void an_unreadable_time_zone_gives_no_shift_rather_than_a_wrong_one() {
        Shifts broken = new Shifts(true, "Mars/Olympus", PLAN.shifts());

        assertThat(ZoneCoverage.currentShift(MORNING, broken)).isEqualTo(Optional.empty());
    }
}
