package no.pasientsignal.server.report;

import static no.pasientsignal.server.alarm.AlarmType.BATHROOM_CALL;
import static no.pasientsignal.server.alarm.AlarmType.BED_EXIT;
import static no.pasientsignal.server.alarm.AlarmType.EMERGENCY;
import static no.pasientsignal.server.alarm.AlarmType.PATIENT_CALL;
import static no.pasientsignal.server.alarm.AlarmType.PULL_CORD;
import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.SITE;
import static no.pasientsignal.server.report.HistoryBuilder.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.pasientsignal.server.report.Clearance.Row;
import no.pasientsignal.server.routing.RoutingTables;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    private final InMemoryHistories histories = new InMemoryHistories();
    private final Reports reports = new Reports(histories, new RoutingTables(OSLO));

    /**
     * <pre>
     *      type           ward   zone    presence  outcome     returns   cleared w/o presence  re-raised
     * C1   PATIENT_CALL   ward-1 zone-1  yes       resolved    0         no                    no
     * C2   PATIENT_CALL   ward-1 zone-1  no        resolved    0         yes                   no
     * C3   PULL_CORD      ward-1 zone-1  no        cancelled   0         yes                   no
     * C4   PATIENT_CALL   ward-1 zone-1  yes       resolved    2         no                    yes
     * C5   PATIENT_CALL   ward-1 zone-1  no        open        0         no (not closed)       no
     * C6   EMERGENCY      ward-1 zone-2  no        resolved    1         yes                   yes
     * C7   BATHROOM_CALL  ward-2 zone-3  yes       cancelled   0         no                    no
     * P    BED_EXIT       ward-1 zone-1  no        resolved    0         (a passive alert: not a call)
     * </pre>
     */
    private void calls() {
        histories.add(
                alarm(PATIENT_CALL, "2026-03-02 10:00").present(60).resolved(120, "kari"),
                alarm(PATIENT_CALL, "2026-03-02 11:00").resolved(30, "kari"),
                alarm(PULL_CORD, "2026-03-02 12:00").cancelled(10),
                alarm(PATIENT_CALL, "2026-03-02 13:00")
                        .present(900)
                        .resolved(960, "kari")
                        .returns(2),
                alarm(PATIENT_CALL, "2026-03-31 23:59"),
                alarm(EMERGENCY, "2026-03-03 03:00")
                        .in("ward-1", "zone-2", "110")
                        .returns(1)
                        .resolved(700, "ola"),
                alarm(BATHROOM_CALL, "2026-03-04 08:00")
                        .in("ward-2", "zone-3", "201")
                        .present(90)
                        .cancelled(200),
                alarm(BED_EXIT, "2026-03-04 09:00").resolved(50, "kari"));
    }

    @Test
    void calls_cleared_without_presence_and_re_raised_calls_per_ward_per_zone_and_in_total() {
        calls();

        Clearance clearance = reports.clearance(SITE, MARCH);

        // ward-1: C1-C6 = 6 calls, 5 closed (C5 open); without presence C2, C3, C6 = 3 of 5 = 0.6;
        // re-raised C4, C6 = 2 of 6 = 0.3333.
        assertThat(clearance.byWard())
                .containsExactly(new Row("ward-1", 6, 5, 3, 0.6, 2, 0.3333), new Row("ward-2", 1, 1, 0, 0.0, 0, 0.0));
        // zone-1: C1-C5: 4 closed, C2 and C3 without presence (0.5); C4 re-raised of 5 (0.2).
        assertThat(clearance.byZone())
                .containsExactly(
                        new Row("zone-1", 5, 4, 2, 0.5, 1, 0.2),
                        new Row("zone-2", 1, 1, 1, 1.0, 1, 1.0),
                        new Row("zone-3", 1, 1, 0, 0.0, 0, 0.0));
        // total: 7 calls, 6 closed, 3 without presence (0.5), 2 re-raised of 7 = 0.285714 -> 0.2857.
        assertThat(clearance.total()).isEqualTo(new Row("total", 7, 6, 3, 0.5, 2, 0.2857));
    }

    @Test
    void an_empty_period_has_zero_counts_and_no_shares() {
        calls();

        Clearance clearance = reports.clearance(SITE, new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)));

        assertThat(clearance.byWard()).isEmpty();
        assertThat(clearance.byZone()).isEmpty();
        assertThat(clearance.total()).isEqualTo(new Row("total", 0, 0, 0, null, 0, null));
        assertThat(clearance.table().csv())
                .isEqualTo("level,key,calls,closed,cleared_without_presence,cleared_without_presence_share,"
                        + "re_raised,re_raised_share\r\ntotal,total,0,0,0,,0,\r\n");
    }
}
