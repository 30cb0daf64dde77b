package no.pasientsignal.console.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off between reconnection attempts, doubling from {@code initial} up to {@code max}, with up to 20 %
 * random jitter so that many consoles do not reconnect in lock-step after a server restart.
 *
 * @param initial the first delay
 * @param max the largest delay
 */
public record Backoff(Duration initial, Duration max) {

    /** 0.5 s doubling up to 30 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("The initial back-off must be positive.");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("The largest back-off must not be shorter than the first.");
        }
    }

    /** The delay before attempt number {@code failures} (1 = the first retry). */
    public Duration delayAfter(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = initial.toMillis() << doublings;
        if (millis <= 0 || millis > max.toMillis()) {
            millis = max.toMillis();
        }
        long jitter = (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, millis - jitter));
    }
}
