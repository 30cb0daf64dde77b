package no.pasientsignal.server.report;

import static no.pasientsignal.server.alarm.AlarmType.BED_EXIT;
import static no.pasientsignal.server.alarm.AlarmType.FALL;
import static no.pasientsignal.server.alarm.AlarmType.PATIENT_CALL;
import static no.pasientsignal.server.alarm.AlarmType.TECHNICAL;
import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.SITE;
import static no.pasientsignal.server.report.HistoryBuilder.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.report.ResponseTimes.By;
import no.pasientsignal.server.report.ResponseTimes.Group;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    private static final Percentiles NONE = new Percentiles(0, null, null, null, null);

    private final InMemoryHistories histories = new InMemoryHistories();
    private final RoutingTables routing = new RoutingTables(OSLO);
    private final Reports reports = new Reports(histories, routing);

    /**
     * Default shifts: day 07-15, evening 15-22, night 22-07 (Oslo time). Seconds after raised:
     *
     * <pre>
     *     type          zone   priority   raised (local)       shift    accepted present closed
     * A   PATIENT_CALL  zone-1 NORMAL     2 Mar 06:59:59       night    30       90      300
     * B   PATIENT_CALL  zone-1 NORMAL     2 Mar 07:00:00       day      10       40      100
     * C   BED_EXIT      zone-2 HIGH       2 Mar 23:30          night    60       -       120 (not actionable)
     * D   FALL          zone-2 EMERGENCY  3 Mar 00:15          night    20       50      - (open)
     * F   PATIENT_CALL  zone-1 NORMAL     3 Mar 15:00          evening  -        -       45 (cancelled)
     * T   TECHNICAL     zone-1 LOW        3 Mar 02:00          (not counted: no resident involved)
     * </pre>
     */
    private void alarms() {
        histories.add(
                alarm(PATIENT_CALL, "2026-03-02 06:59:59")
                        .accepted(30, "kari")
                        .present(90)
                        .resolved(300, "kari"),
                alarm(PATIENT_CALL, "2026-03-02 07:00")
                        .accepted(10, "ola")
                        .present(40)
                        .resolved(100, "ola"),
                alarm(BED_EXIT, "2026-03-02 23:30")
                        .in("ward-1", "zone-2", "105")
                        .accepted(60, "per")
                        .notActionable(120, "per"),
                alarm(FALL, "2026-03-03 00:15")
                        .in("ward-1", "zone-2", "106")
                        .accepted(20, "per")
                        .present(50),
                alarm(PATIENT_CALL, "2026-03-03 15:00").cancelled(45),
                alarm(TECHNICAL, "2026-03-03 02:00").accepted(1, "per").resolved(2, "per"));
    }

    @Test
    void by_shift_in_plan_order_with_nearest_rank_percentiles() {
        alarms();

        ResponseTimes times = reports.responseTimes(SITE, MARCH, By.SHIFT);

        assertThat(times.groups()).extracting(Group::key).containsExactly("day", "evening", "night");
        // day: B alone.
        assertThat(times.groups().get(0))
                .isEqualTo(new Group(
                        "day",
                        new Percentiles(1, 10.0, 10.0, 10.0, 10.0),
                        new Percentiles(1, 40.0, 40.0, 40.0, 40.0),
                        new Percentiles(1, 100.0, 100.0, 100.0, 100.0)));
        // evening: F was never accepted nor attended, only cancelled after 45 s.
        assertThat(times.groups().get(1))
                .isEqualTo(new Group("evening", NONE, NONE, new Percentiles(1, 45.0, 45.0, 45.0, 45.0)));
        // night: A (06:59:59 is still night), C, D.
        // accepted [20, 30, 60]: p50 rank ceil(1.5) = 2 -> 30; p90 rank ceil(2.7) = 3 -> 60.
        // present [50, 90]: p50 rank ceil(1.0) = 1 -> 50; p90 rank ceil(1.8) = 2 -> 90.
        // closed [120, 300] (D is open): p50 120; p90 300.
        assertThat(times.groups().get(2))
                .isEqualTo(new Group(
                        "night",
                        new Percentiles(3, 30.0, 60.0, 60.0, 60.0),
                        new Percentiles(2, 50.0, 90.0, 90.0, 90.0),
                        new Percentiles(2, 120.0, 300.0, 300.0, 300.0)));
        // total accepted [10, 20, 30, 60]: p50 rank 2 -> 20; p90 rank ceil(3.6) = 4 -> 60. No T.
        assertThat(times.total().toAccepted()).isEqualTo(new Percentiles(4, 20.0, 60.0, 60.0, 60.0));
        assertThat(times.total().toClosed().count()).isEqualTo(4);
    }

    @Test
    void by_priority_lists_every_priority_and_by_zone_only_zones_with_alarms() {
        alarms();

        ResponseTimes byPriority = reports.responseTimes(SITE, MARCH, By.PRIORITY);
        ResponseTimes byZone = reports.responseTimes(SITE, MARCH, By.ZONE);

        assertThat(byPriority.groups()).extracting(Group::key).containsExactly("EMERGENCY", "HIGH", "NORMAL", "LOW");
        assertThat(byPriority.groups())
                .extracting(Group::toAccepted)
                .containsExactly(
                        new Percentiles(1, 20.0, 20.0, 20.0, 20.0), // D
                        new Percentiles(1, 60.0, 60.0, 60.0, 60.0), // C
                        // A, B (F not accepted): [10, 30]: p50 rank 1 -> 10, p90 rank 2 -> 30.
                        new Percentiles(2, 10.0, 30.0, 30.0, 30.0),
                        NONE); // only T was LOW, and technical alerts are left out
        assertThat(byZone.groups()).extracting(Group::key).containsExactly("zone-1", "zone-2");
        // zone-2: C and D. accepted [20, 60]; present [50]; closed [120].
        assertThat(byZone.groups().get(1))
                .isEqualTo(new Group(
                        "zone-2",
                        new Percentiles(2, 20.0, 60.0, 60.0, 60.0),
                        new Percentiles(1, 50.0, 50.0, 50.0, 50.0),
                        new Percentiles(1, 120.0, 120.0, 120.0, 120.0)));
    }

    @Test
    void the_shift_follows_the_sites_own_plan_and_local_time_across_daylight_saving() {
        routing.put(
                SITE,
                new SiteRouting(
                        new Roster(
                                new ShiftPlan(
                                        OSLO,
                                        List.of(
                                                new Shift("dag", LocalTime.of(7, 0), LocalTime.of(19, 0)),
                                                new Shift("natt", LocalTime.of(19, 0), LocalTime.of(7, 0)))),
                                List.of(),
                                Map.of(),
                                Set.of(),
                                null),
                        EscalationPolicy.defaults()));
        // 06:30 CET on 28 March (night), 07:30 CEST on 29 March (day): both 05:30 UTC.
        histories.add(
                alarm(PATIENT_CALL, Instant.parse("2026-03-28T05:30:00Z")).accepted(5, "kari"),
                alarm(PATIENT_CALL, Instant.parse("2026-03-29T05:30:00Z")).accepted(7, "kari"));

        ResponseTimes times = reports.responseTimes(SITE, MARCH, By.SHIFT);

        assertThat(times.groups())
                .extracting(g -> g.key() + "=" + g.toAccepted().p50())
                .containsExactly("dag=7.0", "natt=5.0");
    }

    @Test
    void an_empty_period_lists_the_shifts_with_no_figures() {
        ResponseTimes times = reports.responseTimes(SITE, MARCH, By.SHIFT);

        assertThat(times.groups())
                .hasSize(3)
                .allSatisfy(g -> assertThat(g.toAccepted()).isEqualTo(NONE));
        assertThat(times.total()).isEqualTo(new Group("total", NONE, NONE, NONE));
        assertThat(times.table().csv())
                .startsWith("shift,measure,count,p50_s,p90_s,p95_s,max_s\r\nday,raised_to_accepted,0,,,,\r\n");
    }

    @Test
    void the_table_gives_three_lines_per_group_in_seconds() {
        histories.add(alarm(PATIENT_CALL, "2026-03-02 10:00").acceptedAfterMillis(12_345));

        assertThat(reports.responseTimes(SITE, MARCH, By.ZONE).table().csv())
                .isEqualTo("zone,measure,count,p50_s,p90_s,p95_s,max_s\r\n"
                        + "zone-1,raised_to_accepted,1,12.345,12.345,12.345,12.345\r\n"
                        + "zone-1,raised_to_present,0,,,,\r\n"
                        + "zone-1,raised_to_closed,0,,,,\r\n"
                        + "total,raised_to_accepted,1,12.345,12.345,12.345,12.345\r\n"
                        + "total,raised_to_present,0,,,,\r\n"
                        + "total,raised_to_closed,0,,,,\r\n");
    }
}
