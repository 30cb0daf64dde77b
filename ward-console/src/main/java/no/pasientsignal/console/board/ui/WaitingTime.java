package no.pasientsignal.console.board.ui;

import java.time.Duration;

/** Formats how long a room has waited: {@code 0:42}, {@code 12:05}, {@code 1:02:05}. */
final class WaitingTime {

    private WaitingTime() {}

    static String format(Duration waited) {
        long seconds = Math.max(0, waited.toSeconds()); // a clock slightly behind the server's must not show -0:01
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, secs) : "%d:%02d".formatted(minutes, secs);
    }
}
