package no.pasientsignal.server.report;

import static no.pasientsignal.server.routing.Ward.ROOM_201_BATHROOM;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.report.AlarmHistory.Outcome;
import org.junit.jupiter.api.Test;

class AlarmHistoryProjectorTest {

    private final AlarmScript.InMemory journal = AlarmScript.inMemory();
    private final AlarmScript script = journal.script;

    private AlarmHistoryProjector project(List<JournalRecord> records) {
        var projector = new AlarmHistoryProjector();
        records.forEach(projector::accept);
        return projector;
    }

    private AlarmHistory history(UUID alarm) {
        return project(journal.records()).history(alarm).orElseThrow();
    }

    @Test
    void a_call_answered_in_person_has_every_step_time_and_who_took_and_closed_it() {
        Instant raised = script.now();
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        script.after(Duration.ofSeconds(20));
        script.accept(call, "kari");
        script.after(Duration.ofSeconds(40));
        script.presence("kari", ROOM_201_BED, true);
        script.after(Duration.ofSeconds(90));
        script.resolve(call, "kari", false);

        AlarmHistory h = history(call);

        assertThat(h.siteId()).isEqualTo(AlarmScript.SITE);
        assertThat(h.wardId()).isEqualTo("ward-1");
        assertThat(h.zoneId()).isEqualTo("zone-a");
        assertThat(h.roomId()).isEqualTo("201");
        assertThat(h.locationKind()).isEqualTo("BED");
        assertThat(h.residentId()).isEqualTo("R-201");
        assertThat(h.type()).isEqualTo(AlarmType.PATIENT_CALL);
        assertThat(h.priority()).isEqualTo(Priority.NORMAL);
        assertThat(h.deviceId()).isEqualTo("dev-201-BED");
        assertThat(h.raisedAt()).isEqualTo(raised);
        assertThat(h.notifiedAt()).isEqualTo(raised);
        assertThat(h.toAccepted()).contains(Duration.ofSeconds(20));
        assertThat(h.toPresent()).contains(Duration.ofSeconds(60));
        assertThat(h.toClosed()).contains(Duration.ofSeconds(150));
        assertThat(h.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(h.acceptedBy()).isEqualTo("kari");
        assertThat(h.closedBy()).isEqualTo("kari");
        assertThat(h.recipients()).containsExactly("kari");
        assertThat(h.escalations()).isZero();
        assertThat(h.clearedWithoutPresence()).isFalse();
    }

    @Test
    void an_unanswered_call_counts_its_escalations_and_keeps_its_recipients_in_order_of_dispatch() {
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, null);
        script.after(Duration.ofSeconds(60)); // zone team
        script.after(Duration.ofSeconds(60)); // ward
        script.after(Duration.ofSeconds(120)); // last step: nobody new

        AlarmHistory h = history(call);

        assertThat(h.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(h.closedAt()).isNull();
        assertThat(h.acceptedAt()).isNull();
        assertThat(h.escalations()).isEqualTo(3);
        assertThat(h.recipients()).containsExactly("kari", "ola", "lise", "per");
        assertThat(h.residentId()).isNull();
    }

    @Test
    void a_call_that_comes_back_keeps_its_first_acceptance_and_counts_the_return() {
        Instant raised = script.now();
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        script.after(Duration.ofSeconds(30));
        script.accept(call, "kari");
        script.after(Duration.ofMinutes(10)); // not resolved in time: back as a new call
        script.accept(call, "ola");
        script.after(Duration.ofSeconds(10));
        script.resolve(call, "ola", false);

        AlarmHistory h = history(call);

        assertThat(h.returns()).isEqualTo(1);
        assertThat(h.acceptedBy()).isEqualTo("kari");
        assertThat(h.acceptedAt()).isEqualTo(raised.plusSeconds(30));
        assertThat(h.closedBy()).isEqualTo("ola");
        assertThat(h.recipients()).startsWith("kari");
        assertThat(h.clearedWithoutPresence()).isTrue();
    }

    @Test
    void staff_closing_a_passive_alert_as_needing_no_action_is_not_actionable() {
        UUID bedExit = script.raise(AlarmType.BED_EXIT, ROOM_205_BED, "R-205");
        script.after(Duration.ofSeconds(5));
        script.resolve(bedExit, "per", true);

        assertThat(history(bedExit).outcome()).isEqualTo(Outcome.NOT_ACTIONABLE);
        assertThat(history(bedExit).closedBy()).isEqualTo("per");
    }

    @Test
    void a_call_cancelled_at_the_device_is_cancelled_by_the_device() {
        UUID call = script.raise(AlarmType.PULL_CORD, ROOM_201_BATHROOM, "R-201");
        script.after(Duration.ofSeconds(45));
        script.cancelAt(ROOM_201_BATHROOM);

        AlarmHistory h = history(call);
        assertThat(h.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(h.closedBy()).isEqualTo("dev-201-BATHROOM");
        assertThat(h.toClosed()).contains(Duration.ofSeconds(45));
    }

    @Test
    void further_presses_while_open_are_repeats_of_the_same_alarm() {
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");

        var projector = project(journal.records());
        assertThat(projector.histories()).hasSize(1);
        assertThat(projector.history(call).orElseThrow().repeats()).isEqualTo(2);
    }

    @Test
    void folding_any_record_twice_changes_nothing() {
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        script.after(Duration.ofSeconds(60));
        script.after(Duration.ofSeconds(60));
        script.accept(call, "per");
        script.presence("per", ROOM_201_BED, true);
        script.presence("per", ROOM_201_BED, false);
        List<JournalRecord> records = journal.records();

        var once = project(records);
        var twice = new AlarmHistoryProjector();
        for (JournalRecord r : records) {
            twice.accept(r);
            twice.accept(r);
        }
        // A catch-up after a restart reads again from an earlier sequence.
        records.subList(records.size() / 2, records.size()).forEach(twice::accept);

        assertThat(twice.histories()).isEqualTo(once.histories());
        assertThat(twice.visits()).isEqualTo(once.visits());
        assertThat(once.history(call).orElseThrow().escalations()).isEqualTo(2);
    }

    @Test
    void presence_marked_is_a_visit_and_presence_cleared_is_not() {
        Instant marked = script.now();
        script.presence("kari", ROOM_201_BED, true);
        script.after(Duration.ofMinutes(3));
        script.presence("kari", ROOM_201_BED, false);

        assertThat(project(journal.records()).visits())
                .containsExactly(new Visit(AlarmScript.SITE, "201", "kari", marked));
    }

    @Test
    void a_history_first_seen_mid_life_starts_from_the_snapshot_and_leaves_unknown_first_times_empty() {
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        int seen = journal.records().size();
        script.after(Duration.ofSeconds(15));
        script.accept(call, "kari");
        script.after(Duration.ofSeconds(15));
        script.resolve(call, "kari", false);

        var late = project(journal.records().subList(seen, journal.records().size()));

        AlarmHistory h = late.history(call).orElseThrow();
        assertThat(h.raisedAt()).isEqualTo(history(call).raisedAt());
        assertThat(h.toAccepted()).contains(Duration.ofSeconds(15));
        assertThat(h.notifiedAt()).isNull();
        assertThat(h.recipients()).containsExactly("kari");
        assertThat(h.outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void records_that_are_not_about_alarms_or_presence_are_ignored() {
        script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        var projector = project(journal.records());
        projector.accept(new JournalRecord(
                99, Instant.now(), "login", "{\"actor\":\"kari\",\"action\":\"login\"}".getBytes(), new byte[32]));

        assertThat(projector.histories()).hasSize(1);
        assertThat(projector.visits()).isEmpty();
        assertThat(journal.records()).extracting(JournalRecord::type).contains(AlarmRecords.DEVICE_EVENT);
    }
}
