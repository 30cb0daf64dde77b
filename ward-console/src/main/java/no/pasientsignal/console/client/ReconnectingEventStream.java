package no.pasientsignal.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one server-sent event stream of the signal server open on a background thread: the reconnect loop shared by
 * {@link CallStream} and {@link ProtectionAlertStream}.
 *
 * <p>On every (re)connect it opens the stream, lets the {@link Source} read the current state (so changes that arrive
 * meanwhile are applied after it), then feeds the stream's events to the source in order. When the stream drops,
 * fails, or stays silent longer than the idle timeout, it reconnects after an exponential {@link Backoff}. The access
 * token is asked for on every attempt; while there is none the loop waits until {@link #reconnectNow()}.
 */
final class ReconnectingEventStream implements AutoCloseable {

    /** What one kind of stream does at each step; called on the stream's thread, one at a time. */
    interface Source {

        /** Opens the stream; throws {@link SignalServerException} when it cannot. */
        InputStream open(AccessToken token);

        /** The stream is open: read and report the current state. A {@link SignalServerException} drops the stream. */
        void connected(AccessToken token);

        /** One event from the stream. */
        void event(SseEvent event);

        /** The stream is down and will be retried after a back-off. */
        void disconnected(SignalServerException cause);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingEventStream.class);

    private final String name;
    private final SignalServerClient client;
    private final TokenSource tokens;
    private final Source source;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ScheduledExecutorService watchdog;
    private final Thread thread;

    private boolean wakeUpRequested;
    private boolean connectedOnce; // only touched by the stream thread
    private volatile boolean closed;
    private volatile boolean started;
    private volatile InputStream current;
    private volatile long lastActivityNanos = System.nanoTime();

    /**
     * @param name for log lines and thread names, e.g. {@code call stream}
     */
    ReconnectingEventStream(
            String name,
            SignalServerClient client,
            TokenSource tokens,
            Source source,
            Backoff backoff,
            Duration idleTimeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.source = Objects.requireNonNull(source, "source");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        String threadName = "signal-server-" + name.replace(' ', '-');
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::run);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName + "-watchdog").daemon(true).factory());
    }

    void start() {
        started = true;
        long period = Math.max(50, idleTimeout.toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
        thread.start();
    }

    void reconnectNow() {
        lock.lock();
        try {
            wakeUpRequested = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void restart() {
        // Set the wake-up flag first, so the back-off wait after the dropped connection returns at once.
        reconnectNow();
        InputStream in = current;
        if (in != null) {
            SignalServerClient.closeQuietly(in);
        }
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        InputStream in = current;
        if (in != null) {
            SignalServerClient.closeQuietly(in);
        }
        reconnectNow();
        if (!started || Thread.currentThread() == thread) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a listener callback; a failing listener is logged and does not break the stream. */
    static void notifyListener(String what, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.error("A {} listener failed", what, e);
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
            connectedOnce = false;
            try {
                connectAndRead(token);
                cause = new SignalServerException(
                        SignalServerException.Reason.NOT_REACHABLE,
                        "The " + name + " from the signal server at " + client.baseUri() + " ended.");
            } catch (SignalServerException e) {
                cause = e;
                if (e.reason() == SignalServerException.Reason.UNAUTHORIZED) {
                    tokens.rejected(token);
                }
            } catch (IOException e) {
                cause = new SignalServerException(
                        SignalServerException.Reason.NOT_REACHABLE,
                        "The " + name + " from the signal server at " + client.baseUri() + " broke off.",
                        e);
            } catch (RuntimeException e) {
                LOG.error("The {} failed unexpectedly", name, e);
                cause = new SignalServerException(
                        SignalServerException.Reason.UNEXPECTED_RESPONSE,
                        "The " + name + " failed unexpectedly: " + e + ".",
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
            failures = connectedOnce ? 1 : failures + 1;
            SignalServerException reported = cause;
            notifyListener(name, () -> source.disconnected(reported));
            Duration delay = backoff.delayAfter(failures);
            LOG.info("{} Reconnecting in {} ms.", cause.getMessage(), delay.toMillis());
            awaitWakeUp(delay);
        }
    }

    /** Returns normally when the server ends the stream; throws on failure. */
    private void connectAndRead(AccessToken token) throws IOException {
        InputStream in = source.open(token);
        current = in;
        lastActivityNanos = System.nanoTime();
        if (closed) {
            return;
        }
        source.connected(token);
        connectedOnce = true;
        SseParser parser = new SseParser(event -> notifyListener(name, () -> source.event(event)));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[8192];
        int n;
        while (!closed && (n = reader.read(buffer)) != -1) {
            lastActivityNanos = System.nanoTime();
            parser.feed(buffer, 0, n);
        }
    }

    private void closeIfIdle() {
        InputStream in = current;
        if (in != null && System.nanoTime() - lastActivityNanos > idleTimeout.toNanos()) {
            LOG.warn("Nothing from the {} for {} ms; reconnecting.", name, idleTimeout.toMillis());
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
