package no.pasientsignal.server.report;

import static no.pasientsignal.server.alarm.AlarmType.BED_EXIT;
import static no.pasientsignal.server.alarm.AlarmType.DOOR_OPENED_AT_NIGHT;
import static no.pasientsignal.server.alarm.AlarmType.FALL;
import static no.pasientsignal.server.alarm.AlarmType.INCONTINENCE;
import static no.pasientsignal.server.alarm.AlarmType.PATIENT_CALL;
import static no.pasientsignal.server.alarm.AlarmType.TECHNICAL;
import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.SITE;
import static no.pasientsignal.server.report.HistoryBuilder.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.pasientsignal.server.report.Fatigue.Row;
import no.pasientsignal.server.routing.RoutingTables;
import org.junit.jupiter.api.Test;

class FatigueTest {

    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    private final InMemoryHistories histories = new InMemoryHistories();
    private final Reports reports = new Reports(histories, new RoutingTables(OSLO));

    @Test
    void passive_alerts_marked_not_actionable_per_type_and_ward_as_a_share_of_those_staff_judged() {
        // ward-1: bed exit x3 (resolved, not actionable, not actionable), door x2 (not actionable,
        //         cancelled at the device: never judged by staff).
        // ward-2: bed exit still open, fall resolved, incontinence not actionable.
        // Not passive, not counted: a patient call and a technical alert resolved as not actionable.
        histories.add(
                alarm(BED_EXIT, "2026-03-02 01:00").resolved(60, "kari"),
                alarm(BED_EXIT, "2026-03-02 02:00").notActionable(60, "kari"),
                alarm(BED_EXIT, "2026-03-02 03:00").notActionable(60, "kari"),
                alarm(DOOR_OPENED_AT_NIGHT, "2026-03-03 01:00").notActionable(60, "ola"),
                alarm(DOOR_OPENED_AT_NIGHT, "2026-03-03 02:00").cancelled(20),
                alarm(BED_EXIT, "2026-03-04 01:00").in("ward-2", "zone-3", "201"),
                alarm(FALL, "2026-03-04 02:00").in("ward-2", "zone-3", "201").resolved(300, "per"),
                alarm(INCONTINENCE, "2026-03-04 03:00")
                        .in("ward-2", "zone-3", "202")
                        .notActionable(600, "per"),
                alarm(PATIENT_CALL, "2026-03-05 10:00").notActionable(30, "kari"),
                alarm(TECHNICAL, "2026-03-05 11:00").notActionable(30, "kari"));

        Fatigue fatigue = reports.fatigue(SITE, MARCH);

        assertThat(fatigue.byType())
                .containsExactly(
                        // 4 raised, 3 judged (the open one not), 2 of 3 not actionable = 0.6667
                        new Row("BED_EXIT", 4, 3, 2, 0.6667),
                        // 2 raised, 1 judged (the cancelled one not), 1 of 1
                        new Row("DOOR_OPENED_AT_NIGHT", 2, 1, 1, 1.0),
                        new Row("FALL", 1, 1, 0, 0.0),
                        new Row("INCONTINENCE", 1, 1, 1, 1.0));
        // ward-1: 5 raised, 4 judged, 3 not actionable = 0.75; ward-2: 3 raised, 2 judged, 1 = 0.5.
        assertThat(fatigue.byWard()).containsExactly(new Row("ward-1", 5, 4, 3, 0.75), new Row("ward-2", 3, 2, 1, 0.5));
        // 8 raised, 6 judged, 4 not actionable = 0.666.. -> 0.6667
        assertThat(fatigue.total()).isEqualTo(new Row("total", 8, 6, 4, 0.6667));
    }

    @Test
    void with_no_passive_alerts_there_is_no_share_rather_than_zero() {
        histories.add(alarm(PATIENT_CALL, "2026-03-05 10:00").notActionable(30, "kari"));

        Fatigue fatigue = reports.fatigue(SITE, MARCH);

        assertThat(fatigue.byType()).isEmpty();
        assertThat(fatigue.total()).isEqualTo(new Row("total", 0, 0, 0, null));
    }
}
