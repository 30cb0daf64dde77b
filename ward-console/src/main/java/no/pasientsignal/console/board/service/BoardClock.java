package no.pasientsignal.console.board.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's clock: tells the time, and ticks subscribers at a fixed rate (once a second) on one shared background
 * thread, so each open board can count its waiting times up without a timer of its own.
 */
public final class BoardClock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoardClock.class);

    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;

    public BoardClock() {
        this(Clock.systemUTC(), Duration.ofSeconds(1));
    }

    public BoardClock(Clock clock, Duration period) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The tick period must be positive.");
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("board-clock").daemon(true).factory());
        ticker.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Calls {@code listener} on every tick until the subscription is closed. */
    public Subscription onTick(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tick() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A board clock listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        listeners.clear();
    }
}
