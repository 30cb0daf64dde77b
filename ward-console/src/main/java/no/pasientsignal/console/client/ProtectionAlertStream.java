package no.pasientsignal.console.client;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The live protection alerts of one user: keeps {@code GET /api/technical-alerts/stream} open with that user's token
 * and tells a {@link ProtectionAlertListener} about its {@code protection} events. On every (re)connect it reads
 * {@code GET /api/protection-alerts} as a snapshot first; it reconnects with back-off as {@link CallStream} does.
 * {@code technical} events (device level, for technicians) and {@code ping} keep-alives are skipped.
 *
 * <p>The server decides per token what goes down the stream, so unlike the call stream this one is not shared: each
 * user's board opens its own.
 */
public final class ProtectionAlertStream implements AutoCloseable {

    /** The SSE event name that carries protection alerts. */
    public static final String PROTECTION_EVENT = "protection";

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionAlertStream.class);
    private static final String NAME = "protection alert stream";

    private final SignalServerClient client;
    private final ProtectionAlertListener listener;
    private final ReconnectingEventStream stream;

    public ProtectionAlertStream(
            SignalServerClient client,
            TokenSource tokens,
            ProtectionAlertListener listener,
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

    /** Stops the stream and its thread; waits briefly for the thread to end. */
    @Override
    public void close() {
        stream.close();
    }

    private final class Source implements ReconnectingEventStream.Source {

        @Override
        public InputStream open(AccessToken token) {
            return client.openTechnicalAlertStream(token);
        }

        @Override
        public void connected(AccessToken token) {
            List<ProtectionAlert> snapshot = client.protectionAlerts(token);
            LOG.info("Protection alert stream connected; {} active alert(s).", snapshot.size());
            ReconnectingEventStream.notifyListener(NAME, () -> listener.onSnapshot(snapshot));
        }

        @Override
        public void event(SseEvent event) {
            if (!PROTECTION_EVENT.equals(event.type())) {
                LOG.debug("Skipping stream event of type '{}'", event.type());
                return;
            }
            ProtectionAlert alert;
            try {
                alert = client.json().readValue(event.data(), ProtectionAlert.class);
            } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
                LOG.warn("Skipping a protection event that could not be read: {}", e.getMessage());
                return;
            }
            if (alert == null) {
                return;
            }
            listener.onChange(alert);
        }

        @Override
        public void disconnected(SignalServerException cause) {
            listener.onDisconnected(cause);
        }
    }
}
