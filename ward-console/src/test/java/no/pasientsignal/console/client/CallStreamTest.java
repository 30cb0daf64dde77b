package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import no.pasientsignal.console.testsupport.FakeSignalServer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallStreamTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100));
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    private final FakeSignalServer server = FakeSignalServer.start().withUser("kari", "riktig-passord");
    private final SignalServerClient client = new SignalServerClient(server.uri());
    private final Recorder recorder = new Recorder();
    private final Tokens tokens = new Tokens();
    private CallStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        server.close();
    }

    @Test
    void connect_delivers_the_current_calls_then_live_changes() {
        server.raiseSilently("201", "Rom 201", "PATIENT_CALL", NINE);
        start(Duration.ofSeconds(30));

        await().until(() -> recorder.snapshots.size() == 1);
        assertThat(recorder.snapshots.getFirst()).extracting(ActiveCall::roomId).containsExactly("201");

        var id = server.raise("202", "Rom 202", "PATIENT_CALL", NINE.plusSeconds(5));
        server.cancel(id);

        await().until(() -> recorder.changes.size() == 2);
        assertThat(recorder.changes)
                .extracting(CallChange::kind, change -> change.call().roomId())
                .containsExactly(
                        Tuple.tuple(CallChange.Kind.RAISED, "202"), Tuple.tuple(CallChange.Kind.CANCELLED, "202"));
    }

    @Test
    void dropped_stream_reconnects_and_reads_the_list_again() {
        start(Duration.ofSeconds(30));
        await().until(() -> server.openStreamCount() == 1 && recorder.snapshots.size() == 1);

        server.dropStreams();
        server.raiseSilently("203", "Rom 203", "PATIENT_CALL", NINE);

        await().until(() -> recorder.snapshots.size() == 2);
        assertThat(server.streamConnections()).isEqualTo(2);
        assertThat(recorder.disconnects).isNotEmpty();
        assertThat(recorder.snapshots.get(1)).extracting(ActiveCall::roomId).containsExactly("203");
    }

    @Test
    void silent_stream_is_reconnected_after_the_idle_timeout() {
        start(Duration.ofMillis(400));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.streamConnections() >= 2);
        assertThat(recorder.snapshots.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unknown_kinds_pass_through_while_other_events_and_unreadable_data_are_skipped() {
        start(Duration.ofSeconds(30));
        await().until(() -> server.openStreamCount() == 1 && recorder.snapshots.size() == 1);

        server.pushEvent("heartbeat", "{}");
        server.pushEvent("alarm", "{not json");
        server.pushEvent(
                "alarm",
                "{\"change\":\"HANDED_OVER\",\"alarm\":"
                        + FakeSignalServer.callJson(UUID.randomUUID(), "204", "Rom 204", "PATIENT_CALL", NINE)
                        + ",\"by\":\"kari\"}");
        server.raise("205", "Rom 205", "PATIENT_CALL", NINE);

        await().until(() -> recorder.changes.size() == 2);
        assertThat(recorder.changes)
                .extracting(CallChange::kind)
                .containsExactly(CallChange.Kind.UNKNOWN, CallChange.Kind.RAISED);
        assertThat(server.streamConnections()).isEqualTo(1);
    }

    @Test
    void waits_for_a_token_and_connects_when_woken() {
        tokens.token.set(null);
        start(Duration.ofSeconds(30));

        tokens.token.set(client.login("kari", "riktig-passord").token());
        stream.reconnectNow();

        await().until(() -> recorder.snapshots.size() == 1);
    }

    @Test
    void refused_token_is_reported_and_handed_back() {
        server.refuseTokens(true);
        start(Duration.ofSeconds(30));

        await().until(() -> tokens.rejected.get() != null);
        assertThat(recorder.disconnects)
                .first()
                .extracting(SignalServerException::reason)
                .isEqualTo(SignalServerException.Reason.UNAUTHORIZED);
    }

    private void start(Duration idleTimeout) {
        stream = new CallStream(client, tokens, recorder, FAST, idleTimeout);
        stream.start();
    }

    private final class Tokens implements TokenSource {
        final AtomicReference<AccessToken> token =
                new AtomicReference<>(client.login("kari", "riktig-passord").token());
        final AtomicReference<AccessToken> rejected = new AtomicReference<>();

        @Override
        public AccessToken current() {
            return token.get();
        }

        @Override
        public void rejected(AccessToken refused) {
            rejected.set(refused);
            token.compareAndSet(refused, null);
        }
    }

    private static final class Recorder implements CallStreamListener {
        final List<List<ActiveCall>> snapshots = new CopyOnWriteArrayList<>();
        final List<CallChange> changes = new CopyOnWriteArrayList<>();
        final List<SignalServerException> disconnects = new CopyOnWriteArrayList<>();

        @Override
        public void onSnapshot(List<ActiveCall> calls) {
            snapshots.add(calls);
        }

        @Override
        public void onChange(CallChange change) {
            changes.add(change);
        }

        @Override
        public void onDisconnected(SignalServerException cause) {
            disconnects.add(cause);
        }
    }
}
