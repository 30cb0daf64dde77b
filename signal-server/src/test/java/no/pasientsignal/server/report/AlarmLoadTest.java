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
import java.time.OffsetDateTime;
import no.pasientsignal.server.report.AlarmLoad.Night;
import no.pasientsignal.server.report.AlarmLoad.StaffLoad;
import no.pasientsignal.server.routing.RoutingTables;
import org.junit.jupiter.api.Test;

class AlarmLoadTest {

    private final InMemoryHistories histories = new InMemoryHistories();
    private final Reports reports = new Reports(histories, new RoutingTables(OSLO));

    /**
     * The weekend clocks go forward (29 March 2026, 02:00 -> 03:00). Period 28-29 March; nights
     * 22:00-07:00 local.
     *
     * <pre>
     *      type          raised (local)      night of   recipients        accepted  closed
     * H7   PATIENT_CALL  28 Mar 06:00        27 Mar     kari              -         cancelled at device
     * H1   PATIENT_CALL  28 Mar 21:59        -          kari              kari      kari
     * H2   PATIENT_CALL  28 Mar 22:00        28 Mar     kari, ola         ola       ola
     * H3   BED_EXIT      29 Mar 03:30 CEST   28 Mar     ola               -         ola (not actionable)
     * H4   TECHNICAL     29 Mar 06:59        28 Mar     -                 -         cancelled at device
     * H5   FALL          29 Mar 07:00        -          kari, ola, per    per       per
     * H6   PATIENT_CALL  30 Mar 06:30        29 Mar     lise              lise      lise (after the period)
     * </pre>
     */
    @Test
    void alarms_per_night_by_kind_and_per_staff_member_over_the_period() {
        histories.add(
                alarm(PATIENT_CALL, "2026-03-28 06:00").to("kari").cancelled(30),
                alarm(PATIENT_CALL, "2026-03-28 21:59")
                        .to("kari")
                        .accepted(20, "kari")
                        .resolved(200, "kari"),
                alarm(PATIENT_CALL, "2026-03-28 22:00")
                        .to("kari", "ola")
                        .accepted(80, "ola")
                        .resolved(300, "ola"),
                alarm(BED_EXIT, Instant.parse("2026-03-29T01:30:00Z")).to("ola").notActionable(90, "ola"),
                alarm(TECHNICAL, "2026-03-29 06:59").cancelled(5),
                alarm(FALL, "2026-03-29 07:00")
                        .to("kari", "ola", "per")
                        .accepted(15, "per")
                        .resolved(600, "per"),
                alarm(PATIENT_CALL, "2026-03-30 06:30")
                        .to("lise")
                        .accepted(10, "lise")
                        .resolved(60, "lise"));

        AlarmLoad load = reports.load(SITE, new Period(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29)));

        assertThat(load.nightShift()).isEqualTo("night");
        assertThat(load.nights())
                .containsExactly(
                        // H2 call, H3 passive, H4 technical. 22:00 CET to 07:00 CEST: 8 hours.
                        new Night(
                                LocalDate.of(2026, 3, 28),
                                OffsetDateTime.parse("2026-03-28T22:00+01:00"),
                                OffsetDateTime.parse("2026-03-29T07:00+02:00"),
                                1,
                                1,
                                1,
                                3),
                        // H6: raised after the period, but in a night that started in it.
                        new Night(
                                LocalDate.of(2026, 3, 29),
                                OffsetDateTime.parse("2026-03-29T22:00+02:00"),
                                OffsetDateTime.parse("2026-03-30T07:00+02:00"),
                                1,
                                0,
                                0,
                                1));
        // Alarms raised 28 Mar 00:00 - 30 Mar 00:00: H7, H1, H2, H3, H4, H5 (not H6).
        // kari: sent H7, H1, H2, H5; accepted H1; resolved H1.
        // ola: sent H2, H3, H5; accepted H2; resolved H2 and H3 (not actionable counts as resolving).
        // per: sent, accepted and resolved H5. Devices that cancelled alarms are not staff.
        assertThat(load.staff())
                .containsExactly(
                        new StaffLoad("kari", 4, 1, 1), new StaffLoad("ola", 3, 1, 2), new StaffLoad("per", 1, 1, 1));
    }

    @Test
    void the_night_the_clocks_go_back_counts_the_repeated_hour_twice() {
        // 25 October 2026 03:00 CEST -> 02:00 CET: 02:30 local happens at 00:30Z and at 01:30Z.
        histories.add(
                alarm(BED_EXIT, Instant.parse("2026-10-25T00:30:00Z")),
                alarm(BED_EXIT, Instant.parse("2026-10-25T01:30:00Z")),
                // 07:00 CET is 06:00Z: the day shift, not the night.
                alarm(BED_EXIT, Instant.parse("2026-10-25T06:00:00Z")));

        AlarmLoad load = reports.load(SITE, new Period(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 24)));

        assertThat(load.nights())
                .containsExactly(new Night(
                        LocalDate.of(2026, 10, 24),
                        OffsetDateTime.parse("2026-10-24T22:00+02:00"),
                        OffsetDateTime.parse("2026-10-25T07:00+01:00"),
                        0,
                        2,
                        0,
                        2));
    }

    @Test
    void quiet_nights_are_listed_with_zeros() {
        AlarmLoad load = reports.load(SITE, new Period(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7)));

        assertThat(load.nights())
                .extracting(Night::date)
                .containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 7));
        assertThat(load.nights()).allSatisfy(n -> assertThat(n.total()).isZero());
        assertThat(load.staff()).isEmpty();
        assertThat(load.table().csv())
                .startsWith("section,key,start,end,calls,passive,technical,total,dispatched,accepted,resolved\r\n"
                        + "night,2026-01-05,2026-01-05T22:00+01:00,2026-01-06T07:00+01:00,0,0,0,0,,,\r\n");
    }
}
