package no.pasientsignal.server.report;

import java.time.Duration;
import java.util.Arrays;

/** A growable list of durations in milliseconds: a year of a large site is a few million. */
final class Samples {

    private long[] millis = new long[16];
    private int size;

    void add(Duration duration) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        // A negative duration (clocks disagreeing) is kept as 0 rather than hiding the alarm.
        millis[size++] = Math.max(0, duration.toMillis());
    }

    Percentiles percentiles() {
        return Percentiles.ofMillis(millis, size);
    }
}
