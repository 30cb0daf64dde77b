package no.pasientsignal.server.alarm;

import static no.pasientsignal.server.routing.Ward.OSLO;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BATHROOM;
import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Ward;
import org.junit.jupiter.api.Test;

class AlarmEngineTest {

    private final MutableClock clock =
            new MutableClock(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(OSLO).toInstant());
    private final RoutingTables routing = routingWith(Ward.roster());
    private final Dispatcher dispatcher = routing.dispatcher(SITE);
    private final AlarmEngine engine = new AlarmEngine(clock, AlarmSettings.defaults(), dispatcher);

    private static final String SITE = "site-1";

    private static RoutingTables routingWith(no.pasientsignal.server.routing.Roster roster) {
        var tables = new RoutingTables(OSLO);
        tables.put(SITE, new SiteRouting(roster, EscalationPolicy.defaults()));
        return tables;
    }

    private AlarmEngine.Result raise(AlarmType type, Placement place) {
        return engine.raise(new AlarmSignal(
                UUID.randomUUID(),
                type,
                "dev-" + place.roomId() + "-" + place.locationKind(),
                place,
                "R-" + place.roomId()));
    }

    private Alarm only() {
        assertThat(engine.openAlarms()).hasSize(1);
        return engine.openAlarms().getFirst();
    }

    @Test
    void patient_call_goes_to_the_primary_carer_then_widens_on_its_timers() {
        var result = raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        assertThat(result.outcome()).isEqualTo(EventOutcome.RAISED);
        assertThat(result.changes())
                .extracting(AlarmChange::kind)
                .containsExactly(AlarmChange.Kind.RAISED, AlarmChange.Kind.NOTIFIED);
        assertThat(result.changes().getLast().newRecipients()).containsExactly("kari");
        assertThat(only().state()).isEqualTo(AlarmState.NOTIFIED);

        clock.advance(Duration.ofSeconds(59));
        assertThat(engine.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<AlarmChange> zone = engine.tick();
        assertThat(zone).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlarmChange.Kind.ESCALATED);
            assertThat(c.newRecipients()).containsExactly("ola", "lise");
        });
        clock.advance(Duration.ofSeconds(60));
        assertThat(engine.tick().getFirst().newRecipients()).containsExactly("per");
        clock.advance(Duration.ofSeconds(120));
        assertThat(engine.tick())
                .singleElement()
                .satisfies(c -> assertThat(c.newRecipients()).isEmpty());
        assertThat(only().nextEscalationAt()).isNull();
        assertThat(only().recipients()).containsOnlyKeys("kari", "ola", "lise", "per");
    }

    @Test
    void a_late_tick_keeps_the_escalation_schedule() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        Instant raisedAt = clock.instant();

        // The 60 s step is seen only at 119 s (a stalled timer thread, a restart): the 120 s step
        // is still due at 120 s, not 60 s after the late tick.
        clock.advance(Duration.ofSeconds(119));
        assertThat(engine.tick())
                .singleElement()
                .satisfies(c -> assertThat(c.newRecipients()).containsExactly("ola", "lise"));
        assertThat(only().nextEscalationAt()).isEqualTo(raisedAt.plusSeconds(120));
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.tick().getFirst().newRecipients()).containsExactly("per");
    }

    @Test
    void emergency_reaches_everyone_on_the_ward_at_once() {
        var result = raise(AlarmType.EMERGENCY, ROOM_205_BED);

        assertThat(result.changes().getLast().newRecipients()).containsExactlyInAnyOrder("kari", "ola", "per", "lise");
        clock.advance(Duration.ofSeconds(60));
        assertThat(engine.tick().getFirst().newRecipients()).containsExactly("responssenter");
    }

    @Test
    void call_nobody_can_receive_escalates_at_once_and_is_flagged() {
        routing.put(SITE, routing.forSite(SITE).withRoster(Ward.roster().withAbsent("kari")));

        var result = raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        assertThat(result.changes().getLast().newRecipients()).containsExactly("ola", "lise");
        assertThat(only().unreachable()).isTrue();
        assertThat(only().escalationStep()).isEqualTo(1);
    }

    @Test
    void call_with_an_empty_roster_goes_through_every_step_and_stays_raised_and_flagged() {
        routing.put(
                SITE,
                routing.forSite(SITE)
                        .withRoster(new no.pasientsignal.server.routing.Roster(
                                Ward.roster().plan(), List.of(), Map.of(), java.util.Set.of(), null)));

        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        assertThat(only().state()).isEqualTo(AlarmState.RAISED);
        assertThat(only().unreachable()).isTrue();
        assertThat(only().nextEscalationAt()).isNull();
    }

    @Test
    void accepting_stops_escalation_and_an_unresolved_accept_comes_back_as_a_new_call() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        UUID id = only().id();

        engine.accept(id, "kari");
        assertThat(only().state()).isEqualTo(AlarmState.ACCEPTED);
        assertThat(only().recipients()).containsEntry("kari", DeliveryStatus.ACCEPTED);
        clock.advance(Duration.ofMinutes(5));
        assertThat(engine.tick()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        List<AlarmChange> back = engine.tick();

        assertThat(back).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlarmChange.Kind.RETURNED);
            assertThat(c.newRecipients()).containsExactly("kari");
            assertThat(c.alarm().state()).isEqualTo(AlarmState.NOTIFIED);
            assertThat(c.alarm().acceptedBy()).isNull();
            assertThat(c.alarm().returns()).isEqualTo(1);
            assertThat(c.alarm().silenced()).isFalse();
        });
        clock.advance(Duration.ofSeconds(60));
        assertThat(engine.tick().getFirst().kind()).isEqualTo(AlarmChange.Kind.ESCALATED);
    }

    @Test
    void accepting_what_someone_else_accepted_is_refused_with_their_name() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        engine.accept(only().id(), "kari");

        assertThatThrownBy(() -> engine.accept(only().id(), "ola"))
                .isInstanceOf(AlarmRefused.class)
                .hasMessageContaining("already accepted by kari");
        assertThat(engine.accept(only().id(), "kari")).isEmpty();
    }

    @Test
    void bathroom_call_cancels_only_at_source() {
        raise(AlarmType.BATHROOM_CALL, ROOM_201_BATHROOM);
        UUID id = only().id();

        var fromBed = engine.cancelAtSource(UUID.randomUUID(), "dev-201-BED", ROOM_201_BED);
        assertThat(fromBed.outcome()).isEqualTo(EventOutcome.CANCEL_REFUSED_NOT_IN_BATHROOM);
        assertThatThrownBy(() -> engine.resolve(id, "kari"))
                .isInstanceOf(AlarmRefused.class)
                .hasMessageContaining("in the bathroom");
        assertThat(only().id()).isEqualTo(id);

        var inBathroom = engine.cancelAtSource(UUID.randomUUID(), "dev-201-BATHROOM", ROOM_201_BATHROOM);
        assertThat(inBathroom.outcome()).isEqualTo(EventOutcome.CANCELLED);
        assertThat(inBathroom.changes().getFirst().alarm().state()).isEqualTo(AlarmState.CANCELLED);
        assertThat(engine.openAlarms()).isEmpty();
    }

    @Test
    void ordinary_call_cancels_from_any_device_in_the_room() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        assertThat(engine.cancelAtSource(UUID.randomUUID(), "dev-201-BATHROOM", ROOM_201_BATHROOM)
                        .outcome())
                .isEqualTo(EventOutcome.CANCELLED);
        assertThat(engine.cancelAtSource(UUID.randomUUID(), "dev-201-BED", ROOM_201_BED)
                        .outcome())
                .isEqualTo(EventOutcome.NOTHING_TO_CANCEL);
    }

    @Test
    void silencing_stops_the_sound_but_never_hides_or_halts_the_call() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        var silenced = engine.silence(only().id(), "kari");

        assertThat(silenced.getFirst().alarm().silenced()).isTrue();
        assertThat(engine.openAlarms()).hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(engine.tick().getFirst().kind()).isEqualTo(AlarmChange.Kind.ESCALATED);
        // A new press turns the sound back on.
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        assertThat(only().silenced()).isFalse();
        assertThat(only().repeats()).isEqualTo(1);
    }

    @Test
    void presence_marks_waiting_calls_present_and_a_new_call_becomes_staff_assist() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        var present = engine.presence(UUID.randomUUID(), "kari", ROOM_201_BED, true);

        assertThat(present.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlarmChange.Kind.PRESENT);
            assertThat(c.alarm().nextEscalationAt()).isNull();
        });
        clock.advance(Duration.ofMinutes(30));
        assertThat(engine.tick()).isEmpty();

        var assist = raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        assertThat(assist.changes().getFirst().alarm().type()).isEqualTo(AlarmType.STAFF_ASSIST);
        assertThat(assist.changes().getFirst().alarm().priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(assist.changes().getLast().newRecipients()).contains("ola", "per", "lise");
    }

    @Test
    void leaving_the_room_resolves_attended_calls_but_brings_back_an_uncancelled_bathroom_call() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        raise(AlarmType.BATHROOM_CALL, ROOM_201_BATHROOM);
        engine.presence(UUID.randomUUID(), "kari", ROOM_201_BED, true);

        var left = engine.presence(UUID.randomUUID(), "kari", ROOM_201_BED, false);

        assertThat(left.changes())
                .extracting(AlarmChange::kind)
                .containsExactlyInAnyOrder(AlarmChange.Kind.RESOLVED, AlarmChange.Kind.RETURNED);
        assertThat(only().type()).isEqualTo(AlarmType.BATHROOM_CALL);
        assertThat(only().state()).isEqualTo(AlarmState.NOTIFIED);
    }

    @Test
    void a_retransmitted_event_is_recorded_once_and_a_second_press_is_a_repeat() {
        UUID eventId = UUID.randomUUID();
        var signal = new AlarmSignal(eventId, AlarmType.PATIENT_CALL, "dev-201", ROOM_201_BED, null);

        assertThat(engine.raise(signal).outcome()).isEqualTo(EventOutcome.RAISED);
        assertThat(engine.raise(signal).outcome()).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(raise(AlarmType.PATIENT_CALL, ROOM_201_BED).outcome()).isEqualTo(EventOutcome.REPEATED);
        assertThat(only().repeats()).isEqualTo(1);
    }

    @Test
    void chattering_sensor_is_limited_but_high_and_emergency_types_never_are() {
        for (int i = 0; i < 5; i++) {
            assertThat(raise(AlarmType.INCONTINENCE, ROOM_205_BED).outcome()).isNotEqualTo(EventOutcome.SUPPRESSED);
        }
        assertThat(raise(AlarmType.INCONTINENCE, ROOM_205_BED).outcome()).isEqualTo(EventOutcome.SUPPRESSED);
        for (int i = 0; i < 20; i++) {
            assertThat(raise(AlarmType.BED_EXIT, ROOM_205_BED).outcome()).isNotEqualTo(EventOutcome.SUPPRESSED);
            assertThat(raise(AlarmType.FALL, ROOM_205_BED).outcome()).isNotEqualTo(EventOutcome.SUPPRESSED);
        }
        assertThat(engine.suppressedCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        assertThat(raise(AlarmType.INCONTINENCE, ROOM_205_BED).outcome()).isEqualTo(EventOutcome.REPEATED);
    }

    @Test
    void when_everyone_declines_the_next_step_goes_out_at_once() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);

        List<AlarmChange> changes = engine.reject(only().id(), "kari");

        assertThat(changes)
                .extracting(AlarmChange::kind)
                .containsExactly(AlarmChange.Kind.DELIVERY, AlarmChange.Kind.ESCALATED);
        assertThat(changes.getLast().newRecipients()).containsExactly("ola", "lise");
        assertThat(only().recipients()).containsEntry("kari", DeliveryStatus.REJECTED);
    }

    @Test
    void staff_can_resolve_an_alarm_as_not_actionable_and_a_plain_resolve_stays_actionable() {
        raise(AlarmType.BED_EXIT, ROOM_201_BED);
        raise(AlarmType.PATIENT_CALL, ROOM_205_BED);
        UUID bedExit = engine.openAlarms().stream()
                .filter(a -> a.type() == AlarmType.BED_EXIT)
                .findFirst()
                .orElseThrow()
                .id();
        UUID call = engine.openAlarms().stream()
                .filter(a -> a.type() == AlarmType.PATIENT_CALL)
                .findFirst()
                .orElseThrow()
                .id();

        List<AlarmChange> falseAlert = engine.resolve(bedExit, "kari", true);
        List<AlarmChange> answered = engine.resolve(call, "per");

        assertThat(falseAlert).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlarmChange.Kind.RESOLVED);
            assertThat(c.alarm().state()).isEqualTo(AlarmState.RESOLVED);
            assertThat(c.alarm().notActionable()).isTrue();
        });
        assertThat(answered)
                .singleElement()
                .satisfies(c -> assertThat(c.alarm().notActionable()).isFalse());
        assertThat(engine.openAlarms()).isEmpty();
    }

    @Test
    void delivery_receipts_only_move_forward_and_late_ones_for_closed_alarms_change_nothing() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        UUID id = only().id();

        assertThat(engine.delivered(id, "kari", DeliveryStatus.SEEN)).hasSize(1);
        assertThat(engine.delivered(id, "kari", DeliveryStatus.DELIVERED)).isEmpty();
        assertThat(only().recipients()).containsEntry("kari", DeliveryStatus.SEEN);
        engine.resolve(id, "kari");
        assertThat(engine.delivered(id, "kari", DeliveryStatus.SEEN)).isEmpty();
    }

    @Test
    void open_alarms_survive_a_restart_and_their_due_timers_fire() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        engine.presence(UUID.randomUUID(), "per", ROOM_205_BED, true);
        Alarm before = only();

        var restarted = new AlarmEngine(clock, AlarmSettings.defaults(), dispatcher);
        var restored = restarted.restore(List.of(before), Map.of("205", "per"));
        clock.advance(Duration.ofSeconds(90));

        assertThat(restored).extracting(AlarmChange::kind).containsExactly(AlarmChange.Kind.RESTORED);
        assertThat(restarted.tick().getFirst().newRecipients()).containsExactly("ola", "lise");
        assertThat(restarted.presence("205")).contains("per");
        assertThat(restarted
                        .raise(new AlarmSignal(
                                before.originEventId(), AlarmType.PATIENT_CALL, "dev", ROOM_201_BED, null))
                        .outcome())
                .isEqualTo(EventOutcome.DUPLICATE);
    }

    @Test
    void most_urgent_first_then_oldest_first() {
        raise(AlarmType.PATIENT_CALL, ROOM_201_BED);
        clock.advance(Duration.ofSeconds(5));
        raise(AlarmType.FALL, ROOM_205_BED);
        clock.advance(Duration.ofSeconds(5));
        raise(AlarmType.PATIENT_CALL, ROOM_205_BED);

        assertThat(engine.openAlarms())
                .extracting(a -> a.type() + "@" + a.place().roomId())
                .containsExactly("FALL@205", "PATIENT_CALL@201", "PATIENT_CALL@205");
    }
}
