package no.pasientsignal.server.alarm;

import java.time.Duration;
import java.util.Objects;

/**
 * Rules of the alarm lifecycle a site may tune.
 *
 * @param returnAfter an accepted alarm not resolved within this comes back as a new call
 * @param chatterWindow window in which repeated triggers from one device and type are counted
 * @param chatterLimit triggers per window after which further ones from that device and type are
 *     dropped (counted, logged); never applied to {@link Priority#neverSuppressed()} types
 * @param rememberedEventIds how many event ids are remembered to drop retransmitted duplicates
 */
public record AlarmSettings(Duration returnAfter, Duration chatterWindow, int chatterLimit, int rememberedEventIds) {
    public AlarmSettings {
        Objects.requireNonNull(returnAfter, "returnAfter");
        Objects.requireNonNull(chatterWindow, "chatterWindow");
        if (returnAfter.isNegative() || returnAfter.isZero()) {
            throw new IllegalArgumentException("return-after must be positive");
        }
        if (chatterWindow.isNegative() || chatterWindow.isZero()) {
            throw new IllegalArgumentException("chatter-window must be positive");
        }
        if (chatterLimit < 1) {
            throw new IllegalArgumentException("chatter-limit must be at least 1");
        }
        if (rememberedEventIds < 1) {
            throw new IllegalArgumentException("remembered-event-ids must be at least 1");
        }
    }

    /** Accepted calls return after 10 min; more than 5 triggers a minute from one sensor is chatter. */
    public static AlarmSettings defaults() {
        return new AlarmSettings(Duration.ofMinutes(10), Duration.ofMinutes(1), 5, 100_000);
    }
}
