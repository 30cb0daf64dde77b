package no.pasientsignal.console.board.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.pasientsignal.console.board.service.BoardState.Connection;
import no.pasientsignal.console.client.ActiveCall;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.client.CallChange;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.testsupport.FakeSignalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallBoardServiceTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100));

    private final CallBoardService board = new CallBoardService(
            new SignalServerClient(URI.create("http://127.0.0.1:9")), FAST, Duration.ofSeconds(30), Clock.systemUTC());

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void rooms_are_ordered_by_the_call_that_has_waited_longest() {
        board.applySnapshot(List.of(
                call("203", "Rom 203", NINE.plusSeconds(30)),
                call("201", "Rom 201", NINE),
                call("202", "Rom 202", NINE.plusSeconds(10))));

        assertThat(board.state().rooms())
                .extracting(RoomStatus::roomName)
                .containsExactly("Rom 201", "Rom 202", "Rom 203");
        assertThat(board.state().connection()).isEqualTo(Connection.LIVE);
    }

    @Test
    void two_calls_in_one_room_make_one_room_waiting_since_the_older() {
        board.applySnapshot(
                List.of(call("201", "Rom 201", NINE.plusSeconds(60)), call("202", "Rom 202", NINE.plusSeconds(30))));

        board.applyChange(new CallChange("RAISED", "system", call("201", "Rom 201", NINE)));

        assertThat(board.state().rooms()).extracting(RoomStatus::roomId).containsExactly("201", "202");
        RoomStatus room = board.state().rooms().getFirst();
        assertThat(room.calls()).hasSize(2);
        assertThat(room.waitingSince()).isEqualTo(NINE);
        assertThat(room.callTypes()).containsExactly("PATIENT_CALL");
    }

    @Test
    void cancelling_the_last_call_of_a_room_removes_the_room() {
        ActiveCall call = call("201", "Rom 201", NINE);
        board.applySnapshot(List.of(call));

        board.applyChange(new CallChange("CANCELLED", "system", call));

        assertThat(board.state().rooms()).isEmpty();
    }

    @Test
    void unknown_change_kinds_leave_the_board_as_it_was() {
        board.applySnapshot(List.of(call("201", "Rom 201", NINE)));
        BoardState before = board.state();

        board.applyChange(new CallChange("HANDED_OVER", "system", call("202", "Rom 202", NINE)));
        board.applyChange(new CallChange(null, "system", call("203", "Rom 203", NINE)));

        assertThat(board.state()).isSameAs(before);
    }

    @Test
    void a_raised_call_seen_twice_is_one_call() {
        ActiveCall call = call("201", "Rom 201", NINE);
        board.applySnapshot(List.of(call));

        board.applyChange(new CallChange("RAISED", "system", call));

        assertThat(board.state().rooms())
                .singleElement()
                .extracting(room -> room.calls().size())
                .isEqualTo(1);
    }

    @Test
    void subscribers_get_the_current_state_at_once_then_every_change_until_they_unsubscribe() {
        board.applySnapshot(List.of(call("201", "Rom 201", NINE)));
        List<BoardState> seen = new CopyOnWriteArrayList<>();

        Subscription subscription = board.subscribe(seen::add);
        board.applyChange(new CallChange("RAISED", "system", call("202", "Rom 202", NINE)));
        subscription.close();
        board.applyChange(new CallChange("RAISED", "system", call("203", "Rom 203", NINE)));

        assertThat(seen).extracting(state -> state.rooms().size()).containsExactly(1, 2);
        assertThat(seen.get(1).version()).isGreaterThan(seen.get(0).version());
        assertThat(board.subscriberCount()).isZero();
    }

    @Test
    void connection_state_follows_the_stream() {
        assertThat(board.state().connection()).isEqualTo(Connection.CONNECTING);

        board.applySnapshot(List.of());
        assertThat(board.state().connection()).isEqualTo(Connection.LIVE);

        board.applyDisconnect(new SignalServerException(SignalServerException.Reason.NOT_REACHABLE, "down"));
        assertThat(board.state().connection()).isEqualTo(Connection.RECONNECTING);

        board.applyDisconnect(new SignalServerException(SignalServerException.Reason.UNAUTHORIZED, "expired"));
        assertThat(board.state().connection()).isEqualTo(Connection.LOGIN_REQUIRED);
    }

    @Test
    void one_stream_connection_serves_every_board() {
        try (FakeSignalServer server =
                        FakeSignalServer.start().withUser("kari", "a").withUser("ola", "b");
                CallBoardService shared = new CallBoardService(
                        new SignalServerClient(server.uri()), FAST, Duration.ofSeconds(30), Clock.systemUTC())) {
            SignalServerClient client = new SignalServerClient(server.uri());
            List<BoardState> first = new CopyOnWriteArrayList<>();
            List<BoardState> second = new CopyOnWriteArrayList<>();
            shared.subscribe(first::add);
            shared.subscribe(second::add);

            shared.useAccessToken(client.login("kari", "a").token());
            shared.useAccessToken(client.login("ola", "b").token());
            await().until(() -> shared.state().isLive());
            server.raise("201", "Rom 201", "PATIENT_CALL", NINE);

            await().until(() -> !first.getLast().rooms().isEmpty()
                    && !second.getLast().rooms().isEmpty());
            assertThat(server.streamConnections()).isEqualTo(1);
        }
    }

    @Test
    void when_the_user_whose_token_feeds_the_stream_logs_out_the_stream_moves_to_another_logged_in_user() {
        try (FakeSignalServer server =
                        FakeSignalServer.start().withUser("kari", "a").withUser("ola", "b");
                CallBoardService shared = new CallBoardService(
                        new SignalServerClient(server.uri()), FAST, Duration.ofSeconds(30), Clock.systemUTC())) {
            SignalServerClient client = new SignalServerClient(server.uri());
            var kari = client.login("kari", "a").token();
            var ola = client.login("ola", "b").token();
            shared.useAccessToken(kari);
            shared.useAccessToken(ola);
            await().until(() -> shared.state().isLive() && server.lastStreamToken() != null);
            var inUse = server.lastStreamToken().equals(kari.value()) ? kari : ola;
            var other = inUse == kari ? ola : kari;

            // The logout revokes the token on the server and retires it in the console.
            client.logout(inUse);
            shared.retireAccessToken(inUse);

            await().until(() -> other.value().equals(server.lastStreamToken())
                    && shared.state().isLive());
            server.raise("202", "Rom 202", "PATIENT_CALL", NINE);
            await().until(() ->
                    shared.state().rooms().stream().anyMatch(r -> r.roomId().equals("202")));
        }
    }

    @Test
    void when_the_last_logged_in_user_logs_out_the_board_waits_for_a_login() {
        try (FakeSignalServer server = FakeSignalServer.start().withUser("kari", "a");
                CallBoardService shared = new CallBoardService(
                        new SignalServerClient(server.uri()), FAST, Duration.ofSeconds(30), Clock.systemUTC())) {
            SignalServerClient client = new SignalServerClient(server.uri());
            var kari = client.login("kari", "a").token();
            shared.useAccessToken(kari);
            await().until(() -> shared.state().isLive());

            client.logout(kari);
            shared.retireAccessToken(kari);

            await().until(() -> shared.state().connection() == Connection.LOGIN_REQUIRED);
        }
    }

    private static ActiveCall call(String roomId, String roomName, Instant raisedAt) {
        return call(roomId, roomName, raisedAt, "PATIENT_CALL", "NORMAL", "NOTIFIED");
    }

    private static ActiveCall call(
            String roomId, String roomName, Instant raisedAt, String type, String priority, String state) {
        return new ActiveCall(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "call-" + roomId,
                roomId,
                roomName,
                "Avdeling 2 Øst",
                type,
                raisedAt,
                state,
                priority,
                "zone-1",
                "ward-1",
                null,
                null,
                false);
    }

    @Test
    void a_younger_high_priority_call_comes_before_an_older_ordinary_one() {
        board.applySnapshot(List.of(
                call("201", "Rom 201", NINE, "PATIENT_CALL", "NORMAL", "NOTIFIED"),
                call("202", "Rom 202", NINE.plusSeconds(120), "FALL", "EMERGENCY", "NOTIFIED"),
                call("203", "Rom 203", NINE.minusSeconds(60), "INCONTINENCE", "LOW", "NOTIFIED")));

        assertThat(board.state().rooms())
                .extracting(RoomStatus::roomName)
                .containsExactly("Rom 202", "Rom 201", "Rom 203");
        assertThat(board.state().rooms())
                .extracting(RoomStatus::level)
                .containsExactly(AlarmLevel.HIGH, AlarmLevel.MEDIUM, AlarmLevel.LOW);
    }

    @Test
    void who_marked_presence_is_taken_from_the_stream_change_and_forgotten_when_the_room_is_resolved() {
        ActiveCall waiting = call("201", "Rom 201", NINE);
        board.applySnapshot(List.of(waiting));
        ActiveCall present = new ActiveCall(
                waiting.id(),
                waiting.eventId(),
                waiting.deviceId(),
                "201",
                "Rom 201",
                "",
                "PATIENT_CALL",
                NINE,
                "PRESENT",
                "NORMAL",
                "zone-1",
                "ward-1",
                null,
                null,
                false);

        board.applyChange(new CallChange("PRESENT", "natt", present));

        RoomStatus room = board.state().rooms().getFirst();
        assertThat(room.hasPresence()).isTrue();
        assertThat(room.presentBy()).isEqualTo("natt");
        assertThat(room.awaitsResponse()).isFalse();

        board.applyChange(new CallChange("RESOLVED", "natt", present));
        board.applyChange(new CallChange("RAISED", "call-201", call("201", "Rom 201", NINE.plusSeconds(600))));

        assertThat(board.state().rooms().getFirst().presentBy()).isNull();
    }
}
