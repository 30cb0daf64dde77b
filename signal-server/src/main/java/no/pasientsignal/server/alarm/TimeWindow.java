package no.pasientsignal.server.alarm;

import java.time.LocalTime;
import java.util.Objects;

/** Local times from {@code from} (inclusive) to {@code to} (exclusive); wraps midnight (22:00-07:00). */
public record TimeWindow(LocalTime from, LocalTime to) {
    public static final TimeWindow ALWAYS = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return true;
        }
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
