package no.pasientsignal.server.alarm;

import static no.pasientsignal.server.routing.Ward.OSLO;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BATHROOM;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Ward;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desks over a real journal in a temporary directory: what is acknowledged is on disk, and a
 * restart (a new service over the same journal) brings back exactly the open alarms, presence and
 * recent event ids.
 */
class AlarmServiceTest {

    private static final String SITE = "site-1";

    @TempDir
    Path dir;

    private final MutableClock clock =
            new MutableClock(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(OSLO).toInstant());
    private final RoutingTables routing = new RoutingTables(OSLO);
    private final CarePlanBook plans = new CarePlanBook();
    private Journal journal;
    private AlarmService service;
    private final List<AlarmUpdate> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        routing.put(SITE, new SiteRouting(Ward.roster(), EscalationPolicy.defaults()));
        journal = Journal.open(dir.resolve("journal"), clock, 1 << 20, 10_000);
        service = newService(journal);
        service.subscribe(published::add);
    }

    @AfterEach
    void stop() {
        service.close();
        journal.close();
    }

    private AlarmService newService(Journal j) {
        return new AlarmService(
                clock,
                AlarmSettings.defaults(),
                routing::dispatcher,
                s -> routing.forSite(s).zone(),
                plans,
                j);
    }

    private EventOutcome call(UUID eventId, AlarmType type, Placement place) {
        return service.handle(SITE, new AlarmInput.Call(eventId, type, "dev-" + place.locationKind(), place, "R-1"))
                .join();
    }

    @Test
    void an_acknowledged_call_is_in_the_journal_with_its_routing() {
        UUID press = UUID.randomUUID();

        assertThat(call(press, AlarmType.PATIENT_CALL, ROOM_201_BED)).isEqualTo(EventOutcome.RAISED);

        // The future completed: the records are durable, in order.
        var types = new java.util.ArrayList<String>();
        journal.read(1, r -> types.add(r.type()));
        assertThat(types).containsExactly(AlarmRecords.DEVICE_EVENT, AlarmRecords.ALARM, AlarmRecords.ALARM);
        var notified = new java.util.ArrayList<AlarmRecords.AlarmRecord>();
        journal.read(1, r -> {
            if (r.type().equals(AlarmRecords.ALARM)) {
                notified.add(AlarmRecords.decode(r.payload(), AlarmRecords.AlarmRecord.class));
            }
        });
        assertThat(notified.getLast().change()).isEqualTo(AlarmChange.Kind.NOTIFIED);
        assertThat(notified.getLast().cause()).isEqualTo(press);
        assertThat(notified.getLast().newRecipients()).containsExactly("kari");
        assertThat(service.openAlarms())
                .singleElement()
                .satisfies(a -> assertThat(a.originEventId()).isEqualTo(press));
    }

    @Test
    void changes_reach_listeners_in_order_with_the_device_event_that_caused_them() {
        UUID press = UUID.randomUUID();
        call(press, AlarmType.PATIENT_CALL, ROOM_201_BED);
        UUID cancel = UUID.randomUUID();
        service.handle(SITE, new AlarmInput.Cancel(cancel, "dev-BED", ROOM_201_BED))
                .join();

        org.awaitility.Awaitility.await().until(() -> published.size() == 3);
        assertThat(published)
                .extracting(u -> u.change().kind())
                .containsExactly(AlarmChange.Kind.RAISED, AlarmChange.Kind.NOTIFIED, AlarmChange.Kind.CANCELLED);
        assertThat(published).extracting(AlarmUpdate::causeEventId).containsExactly(press, press, cancel);
    }

    @Test
    void staff_actions_go_through_the_site_desk_and_name_who() {
        call(UUID.randomUUID(), AlarmType.PATIENT_CALL, ROOM_201_BED);
        UUID id = service.openAlarms().getFirst().id();

        assertThat(service.delivered(id, "kari", DeliveryStatus.SEEN).join().recipients())
                .containsEntry("kari", DeliveryStatus.SEEN);
        Alarm accepted = service.accept(id, "kari").join();
        assertThat(accepted.state()).isEqualTo(AlarmState.ACCEPTED);
        assertThat(accepted.acceptedBy()).isEqualTo("kari");
        assertThatThrownBy(() -> service.accept(id, "ola").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(AlarmRefused.class)
                .hasMessageContaining("already accepted by kari");

        assertThat(service.resolve(id, "kari").join().state()).isEqualTo(AlarmState.RESOLVED);
        assertThat(service.openAlarms()).isEmpty();
        // The journal names who did what.
        var actions = new java.util.ArrayList<String>();
        journal.read(1, r -> {
            if (r.type().equals(AlarmRecords.ALARM)) {
                var rec = AlarmRecords.decode(r.payload(), AlarmRecords.AlarmRecord.class);
                actions.add(rec.change() + " by " + rec.actor());
            }
        });
        assertThat(actions).contains("DELIVERY by kari", "ACCEPTED by kari", "RESOLVED by kari");
        assertThatThrownBy(() -> service.resolve(id, "kari").join()).hasCauseInstanceOf(AlarmRefused.class);
    }

    @Test
    void escalation_fires_from_tick_with_the_clock_moved_by_hand() {
        call(UUID.randomUUID(), AlarmType.PATIENT_CALL, ROOM_201_BED);

        clock.advance(Duration.ofSeconds(59));
        service.tick().join();
        assertThat(service.openAlarms().getFirst().escalationStep()).isZero();

        clock.advance(Duration.ofSeconds(1));
        service.tick().join();
        Alarm escalated = service.openAlarms().getFirst();
        assertThat(escalated.escalationStep()).isEqualTo(1);
        assertThat(escalated.recipients()).containsKeys("kari", "ola");
    }

    @Test
    void a_care_plan_saved_while_running_decides_the_next_reading() {
        clock.set(LocalDateTime.of(2026, 11, 23, 23, 30).atZone(OSLO).toInstant());
        var reading =
                new SensorReading(UUID.randomUUID(), SensorKind.BED_EXIT, "bed-201", ROOM_201_BED, clock.instant());
        assertThat(service.handle(SITE, new AlarmInput.Reading(reading)).join()).isEqualTo(EventOutcome.RECORDED);

        plans.put(new CarePlan(
                "R-201",
                "201",
                List.of(new PassiveRule(
                        PassiveRule.Kind.BED_EXIT, new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0)), null)),
                List.of(new LegalBasis(
                        LegalBasis.Kind.CONSENT, "admin", clock.instant().minusSeconds(60), null))));
        var next = new SensorReading(UUID.randomUUID(), SensorKind.BED_EXIT, "bed-201", ROOM_201_BED, clock.instant());

        assertThat(service.handle(SITE, new AlarmInput.Reading(next)).join()).isEqualTo(EventOutcome.RAISED);
        assertThat(service.openAlarms()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlarmType.BED_EXIT);
            assertThat(a.residentId()).isEqualTo("R-201");
            // Night: zones merged, so the night primary covering both gets it.
            assertThat(a.recipients()).containsKey("nina");
        });
    }

    @Test
    void a_site_time_zone_changed_while_running_decides_the_next_reading_window() {
        // 21:30 UTC is 22:30 in Oslo: inside a 22:00-07:00 window only in Oslo time.
        clock.set(java.time.Instant.parse("2026-11-23T21:30:00Z"));
        var utc = ZoneId.of("UTC");
        routing.put(
                SITE,
                new SiteRouting(
                        new no.pasientsignal.server.routing.Roster(
                                no.pasientsignal.server.routing.ShiftPlan.dayEveningNight(utc),
                                Ward.roster().assignments(),
                                Ward.roster().merges(),
                                java.util.Set.of(),
                                null),
                        EscalationPolicy.defaults()));
        plans.put(new CarePlan(
                "R-201",
                "201",
                List.of(new PassiveRule(
                        PassiveRule.Kind.BED_EXIT, new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0)), null)),
                List.of(new LegalBasis(
                        LegalBasis.Kind.CONSENT, "admin", clock.instant().minusSeconds(60), null))));

        assertThat(bedExit()).isEqualTo(EventOutcome.RECORDED);
        routing.put(SITE, new SiteRouting(Ward.roster(), EscalationPolicy.defaults()));
        assertThat(bedExit()).isEqualTo(EventOutcome.RAISED);
    }

    private EventOutcome bedExit() {
        var reading =
                new SensorReading(UUID.randomUUID(), SensorKind.BED_EXIT, "bed-201", ROOM_201_BED, clock.instant());
        return service.handle(SITE, new AlarmInput.Reading(reading)).join();
    }

    @Test
    void open_alarms_presence_and_event_ids_survive_a_restart_from_checkpoint_and_journal() {
        UUID accepted = UUID.randomUUID();
        call(accepted, AlarmType.PATIENT_CALL, ROOM_201_BED);
        service.accept(service.openAlarms().getFirst().id(), "kari").join();
        // Checkpoint here; everything after it comes back from the journal replay.
        service.checkpoint().join().writeTo(dir.resolve("checkpoint.json"));
        UUID bathroom = UUID.randomUUID();
        call(bathroom, AlarmType.BATHROOM_CALL, ROOM_205_BED);
        UUID closed = UUID.randomUUID();
        call(closed, AlarmType.PATIENT_CALL, ROOM_201_BATHROOM);
        service.handle(SITE, new AlarmInput.Presence(UUID.randomUUID(), "door-205", "per", ROOM_205_BED, true))
                .join();
        List<Alarm> before = service.openAlarms();

        AlarmService restarted = restart(true);

        assertThat(restarted.openAlarms()).containsExactlyElementsOf(before);
        assertThat(restarted.presence("205")).contains("per");
        // A device re-sending an event acknowledged before the restart gets a duplicate, not a new call.
        assertThat(restarted
                        .handle(SITE, new AlarmInput.Call(bathroom, AlarmType.BATHROOM_CALL, "dev", ROOM_205_BED, null))
                        .join())
                .isEqualTo(EventOutcome.DUPLICATE);
        // The accepted call keeps its return timer across the restart.
        clock.advance(Duration.ofMinutes(10));
        restarted.tick().join();
        assertThat(restarted.openAlarms())
                .filteredOn(a -> a.originEventId().equals(accepted))
                .singleElement()
                .satisfies(a -> assertThat(a.returns()).isEqualTo(1));
    }

    @Test
    void without_a_checkpoint_or_with_a_damaged_one_the_whole_journal_is_replayed() throws Exception {
        call(UUID.randomUUID(), AlarmType.PATIENT_CALL, ROOM_201_BED);
        call(UUID.randomUUID(), AlarmType.EMERGENCY, ROOM_205_BED);
        List<Alarm> before = service.openAlarms();
        Files.writeString(dir.resolve("checkpoint.json"), "{\"sequence\": 3, \"sites\": [broken");

        AlarmService restarted = restart(true);

        assertThat(restarted.openAlarms()).containsExactlyElementsOf(before);
    }

    @Test
    void closed_alarms_stay_closed_after_a_restart() {
        call(UUID.randomUUID(), AlarmType.PATIENT_CALL, ROOM_201_BED);
        service.resolve(service.openAlarms().getFirst().id(), "kari").join();

        assertThat(restart(false).openAlarms()).isEmpty();
    }

    /** Closes the service and journal and opens new ones over the same directory. */
    private AlarmService restart(boolean useCheckpointFile) {
        service.close();
        journal.close();
        journal = Journal.open(dir.resolve("journal"), clock, 1 << 20, 10_000);
        AlarmCheckpoint from = useCheckpointFile
                ? AlarmCheckpoint.readFrom(dir.resolve("checkpoint.json")).orElseGet(AlarmCheckpoint::empty)
                : AlarmCheckpoint.empty();
        service = newService(journal);
        service.restore(from.replay(journal).sites()).join();
        return service;
    }
}
