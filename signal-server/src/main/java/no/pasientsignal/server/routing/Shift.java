package no.pasientsignal.server.routing;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A named shift, from {@code start} (inclusive) to {@code end} (exclusive) local time; a night
 * shift wraps midnight (22:00-07:00).
 */
public record Shift(String name, LocalTime start, LocalTime end) {
    public Shift {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (name.isBlank()) {
            throw new IllegalArgumentException("shift name must not be blank");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("shift " + name + " starts and ends at " + start);
        }
    }

    public boolean covers(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
