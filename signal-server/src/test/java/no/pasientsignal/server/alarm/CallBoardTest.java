package no.pasientsignal.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.facility.Room;
import org.junit.jupiter.api.Test;

class CallBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:14:00Z");
    private final Room room201 = new Room("201", "Rom 201", "Avdeling 2 Øst", "zone-1", "ward-1", "site-1");
    private final Room room202 = new Room("202", "Rom 202", "Avdeling 2 Øst", "zone-1", "ward-1", "site-1");
    private final List<CallChange> changes = new ArrayList<>();
    // A direct executor: listeners run before the call returns, so the test sees them at once.
    private final CallBoard board = new CallBoard(Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, 1000);

    {
        board.subscribe(changes::add);
    }

    @Test
    void press_raises_a_patient_call_stamped_with_server_time() {
        var eventId = UUID.randomUUID();
        assertThat(board.callPressed(eventId, "call-201", room201)).isEqualTo(EventOutcome.RAISED);

        assertThat(board.activeCalls()).singleElement().satisfies(call -> {
            assertThat(call.eventId()).isEqualTo(eventId);
            assertThat(call.room()).isEqualTo(room201);
            assertThat(call.type()).isEqualTo(CallType.PATIENT_CALL);
            assertThat(call.raisedAt()).isEqualTo(NOW);
            assertThat(call.state()).isEqualTo(CallState.RAISED);
        });
        assertThat(changes).extracting(CallChange::kind).containsExactly(CallChange.Kind.RAISED);
    }

    @Test
    void same_event_id_twice_raises_one_call() {
        var eventId = UUID.randomUUID();
        board.callPressed(eventId, "call-201", room201);
        assertThat(board.callPressed(eventId, "call-201", room201)).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(board.activeCalls()).hasSize(1);
        assertThat(changes).hasSize(1);
    }

    @Test
    void second_press_in_a_calling_room_joins_the_active_call() {
        board.callPressed(UUID.randomUUID(), "call-201", room201);
        assertThat(board.callPressed(UUID.randomUUID(), "call-201", room201)).isEqualTo(EventOutcome.ALREADY_ACTIVE);
        assertThat(board.activeCalls()).hasSize(1);
    }

    @Test
    void cancel_removes_only_that_rooms_call() {
        board.callPressed(UUID.randomUUID(), "call-201", room201);
        board.callPressed(UUID.randomUUID(), "call-202", room202);

        assertThat(board.callCancelled(UUID.randomUUID(), "call-201", room201)).isEqualTo(EventOutcome.CANCELLED);

        assertThat(board.activeCalls()).extracting(c -> c.room().roomId()).containsExactly("202");
        assertThat(changes)
                .extracting(CallChange::kind)
                .containsExactly(CallChange.Kind.RAISED, CallChange.Kind.RAISED, CallChange.Kind.CANCELLED);
    }

    @Test
    void cancel_without_a_call_changes_nothing() {
        assertThat(board.callCancelled(UUID.randomUUID(), "call-201", room201))
                .isEqualTo(EventOutcome.NOTHING_TO_CANCEL);
        assertThat(changes).isEmpty();
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() {
        var board = new CallBoard(Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, 1000);
        var seen = new ArrayList<CallChange>();
        board.subscribe(change -> {
            throw new IllegalStateException("broken subscriber");
        });
        board.subscribe(seen::add);
        board.callPressed(UUID.randomUUID(), "call-201", room201);
        assertThat(seen).hasSize(1);
    }

    @Test
    void closed_subscription_receives_nothing_more() throws Exception {
        var board = new CallBoard(Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, 1000);
        var seen = new ArrayList<CallChange>();
        var subscription = board.subscribe(seen::add);
        subscription.close();
        board.callPressed(UUID.randomUUID(), "call-201", room201);
        assertThat(seen).isEmpty();
    }

    @Test
    void remembered_event_ids_are_bounded() {
        var board = new CallBoard(Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, 2);
        var first = UUID.randomUUID();
        board.callPressed(first, "call-201", room201);
        board.callCancelled(UUID.randomUUID(), "call-201", room201);
        board.callPressed(UUID.randomUUID(), "call-202", room202);
        // The oldest id has been forgotten, so it counts as new again (it is far outside any
        // retransmission window in real use).
        assertThat(board.callPressed(first, "call-201", room201)).isEqualTo(EventOutcome.RAISED);
    }

    @Test
    void active_calls_are_listed_oldest_first() {
        var clock = new MutableClock(NOW);
        var board = new CallBoard(clock, Runnable::run, 1000);
        board.callPressed(UUID.randomUUID(), "call-202", room202);
        clock.set(NOW.plusSeconds(5));
        board.callPressed(UUID.randomUUID(), "call-201", room201);
        assertThat(board.activeCalls()).extracting(c -> c.room().roomId()).containsExactly("202", "201");
    }
}
