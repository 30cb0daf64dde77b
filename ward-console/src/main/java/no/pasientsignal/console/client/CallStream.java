package no.pasientsignal.console.client;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The live call stream: keeps one {@code GET /api/alarms/stream} connection open on a background thread and tells a
 * {@link CallStreamListener} what happens.
 *
 * <p>On every (re)connect it first opens the stream, then reads {@code GET /api/alarms} and reports that as a snapshot,
 * then applies the stream's changes in order (changes that arrived while the list was read are applied after it; they
 * are idempotent, so the result is the server's current state). When the stream drops, fails, or stays silent longer
 * than the idle timeout (no event and no keep-alive comment), it reconnects after an exponential {@link Backoff}.
 * Events other than {@code call}, and {@code call} events whose data cannot be read, are logged and skipped.
 *
 * <p>The access token is asked for on every connection attempt; while there is none (nobody has logged in yet) the
 * stream waits until {@link #reconnectNow()} is called.
 */
public final class CallStream implements AutoCloseable {

    /** The SSE event name that carries call changes. */
    public static final String CALL_EVENT = "alarm";

    private static final Logger LOG = LoggerFactory.getLogger(CallStream.class);
    private static final String NAME = "call stream";

    private final SignalServerClient client;
    private final CallStreamListener listener;
    private final ReconnectingEventStream stream;

    /**
     * @param client the API client
     * @param tokens supplies the token to connect with; told when the server refuses one
     * @param listener told about snapshots, changes and disconnects
     * @param backoff delays between attempts
     * @param idleTimeout reconnect when nothing (not even a keep-alive) arrived for this long
     */
    public CallStream(
            SignalServerClient client,
            TokenSource tokens,
            CallStreamListener listener,
            Backoff backoff,
            Duration idleTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stream = new ReconnectingEventStream(NAME, client, tokens, new Source(), backoff, idleTimeout);
    }

    /** Starts the background thread. */
    public void start() {
        stream.start();
    }

    /** Skips the current back-off wait, e.g. because a fresh token has arrived. */
    public void reconnectNow() {
        stream.reconnectNow();
    }

    /**
     * Drops the current connection, if any, and connects again at once, asking the token source for a token anew
     * (used when the token in use has been retired).
     */
    public void restart() {
        stream.restart();
    }

    /** Stops the stream and its thread; waits briefly for the thread to end. */
    @Override
    public void close() {
        stream.close();
    }

    private final class Source implements ReconnectingEventStream.Source {

        @Override
        public InputStream open(AccessToken token) {
            return client.openCallStream(token);
        }

        @Override
        public void connected(AccessToken token) {
            List<ActiveCall> snapshot = client.activeCalls(token);
            LOG.info("Call stream connected to {}; {} active call(s).", client.baseUri(), snapshot.size());
            ReconnectingEventStream.notifyListener(NAME, () -> listener.onSnapshot(snapshot));
        }

        @Override
        public void event(SseEvent event) {
            if (!CALL_EVENT.equals(event.type())) {
                LOG.debug("Skipping stream event of type '{}'", event.type());
                return;
            }
            CallChange change;
            try {
                change = client.json().readValue(event.data(), CallChange.class);
            } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
                LOG.warn("Skipping a call event that could not be read: {}", e.getMessage());
                return;
            }
            if (change == null || change.call() == null) {
                LOG.warn("Skipping a call event without a call");
                return;
            }
            listener.onChange(change);
        }

        @Override
        public void disconnected(SignalServerException cause) {
            listener.onDisconnected(cause);
        }
    }
}
