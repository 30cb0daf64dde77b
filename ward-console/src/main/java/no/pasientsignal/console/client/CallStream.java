package no.pasientsignal.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The live call stream: keeps one {@code GET /api/calls/stream} connection open on a background thread and tells a
 * {@link CallStreamListener} what happens.
 *
 * <p>On every (re)connect it first opens the stream, then reads {@code GET /api/calls} and reports that as a snapshot,
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
    public static final String CALL_EVENT = "call";

    private static final Logger LOG = LoggerFactory.getLogger(CallStream.class);

    private final SignalServerClient client;
    private final TokenSource tokens;
    private final CallStreamListener listener;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ScheduledExecutorService watchdog;
    private final Thread thread;

    private boolean wakeUpRequested;
    private boolean snapshotDelivered; // only touched by the stream thread
    private volatile boolean closed;
    private volatile boolean started;
    private volatile InputStream current;
    private volatile long lastActivityNanos = System.nanoTime();

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
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.thread = Thread.ofPlatform()
                .name("signal-server-call-stream")
                .daemon(true)
                .unstarted(this::run);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("signal-server-call-stream-watchdog")
                .daemon(true)
                .factory());
    }

    /** Starts the background thread. */
    public void start() {
        started = true;
        long period = Math.max(50, idleTimeout.toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
        thread.start();
    }

    /** Skips the current back-off wait, e.g. because a fresh token has arrived. */
    public void reconnectNow() {
        lock.lock();
        try {
            wakeUpRequested = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the current connection, if any, and connects again at once, asking the token source for a token anew
     * (used when the token in use has been retired).
     */
    public void restart() {
        // Set the wake-up flag first, so the back-off wait after the dropped connection returns at once.
        reconnectNow();
        InputStream in = current;
        if (in != null) {
            SignalServerClient.closeQuietly(in);
        }
    }

    /** Stops the stream and its thread; waits briefly for the thread to end. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        InputStream in = current;
        if (in != null) {
            SignalServerClient.closeQuietly(in);
        }
        reconnectNow();
        if (!started) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            AccessToken token = tokens.current();
            if (token == null) {
                awaitWakeUp(null);
                continue;
            }
            SignalServerException cause;
            snapshotDelivered = false;
            try {
                connectAndRead(token);
                cause = new SignalServerException(
                        SignalServerException.Reason.NOT_REACHABLE,
                        "The call stream from the signal server at " + client.baseUri() + " ended.");
            } catch (SignalServerException e) {
                cause = e;
                if (e.reason() == SignalServerException.Reason.UNAUTHORIZED) {
                    tokens.rejected(token);
                }
            } catch (IOException e) {
                cause = new SignalServerException(
                        SignalServerException.Reason.NOT_REACHABLE,
                        "The call stream from the signal server at " + client.baseUri() + " broke off.",
                        e);
            } catch (RuntimeException e) {
                LOG.error("Call stream failed unexpectedly", e);
                cause = new SignalServerException(
                        SignalServerException.Reason.UNEXPECTED_RESPONSE,
                        "The call stream failed unexpectedly: " + e + ".",
                        e);
            } finally {
                InputStream in = current;
                current = null;
                if (in != null) {
                    SignalServerClient.closeQuietly(in);
                }
            }
            if (closed) {
                return;
            }
            failures = snapshotDelivered ? 1 : failures + 1;
            SignalServerException reported = cause;
            notifyListener(() -> listener.onDisconnected(reported));
            Duration delay = backoff.delayAfter(failures);
            LOG.info("{} Reconnecting in {} ms.", cause.getMessage(), delay.toMillis());
            awaitWakeUp(delay);
        }
    }

    /** Returns normally when the server ends the stream; throws on failure. */
    private void connectAndRead(AccessToken token) throws IOException {
        InputStream in = client.openCallStream(token);
        current = in;
        lastActivityNanos = System.nanoTime();
        if (closed) {
            return;
        }
        List<ActiveCall> snapshot = client.activeCalls(token);
        LOG.info("Call stream connected to {}; {} active call(s).", client.baseUri(), snapshot.size());
        notifyListener(() -> listener.onSnapshot(snapshot));
        snapshotDelivered = true;
        SseParser parser = new SseParser(this::onEvent);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[8192];
        int n;
        while (!closed && (n = reader.read(buffer)) != -1) {
            lastActivityNanos = System.nanoTime();
            parser.feed(buffer, 0, n);
        }
    }

    private void onEvent(SseEvent event) {
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
        notifyListener(() -> listener.onChange(change));
    }

    private void notifyListener(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.error("A call stream listener failed", e);
        }
    }

    private void closeIfIdle() {
        InputStream in = current;
        if (in != null && System.nanoTime() - lastActivityNanos > idleTimeout.toNanos()) {
            LOG.warn("Nothing from the call stream for {} ms; reconnecting.", idleTimeout.toMillis());
            SignalServerClient.closeQuietly(in);
        }
    }

    private void awaitWakeUp(Duration delay) {
        lock.lock();
        try {
            long remaining = delay == null ? Long.MAX_VALUE : delay.toNanos();
            while (!wakeUpRequested && !closed && remaining > 0) {
                remaining = delay == null ? awaitForever() : wakeUp.awaitNanos(remaining);
            }
            wakeUpRequested = false;
        } catch (InterruptedException e) {
            // only close() interrupts this thread; the loop checks the closed flag
        } finally {
            lock.unlock();
        }
    }

    private long awaitForever() throws InterruptedException {
        wakeUp.await();
        return Long.MAX_VALUE;
    }
}
