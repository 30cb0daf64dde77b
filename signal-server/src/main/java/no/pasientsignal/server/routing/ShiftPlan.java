package no.pasientsignal.server.routing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The site's shifts, covering every minute of the day exactly once (checked when built: a gap
 * would leave calls with nobody to route to). Times are local to the site's time zone, so the
 * night shift stays 22:00-07:00 across daylight-saving changes.
 */
public record ShiftPlan(ZoneId zone, List<Shift> shifts) {

    public ShiftPlan {
        Objects.requireNonNull(zone, "zone");
        shifts = List.copyOf(shifts);
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("a shift plan needs at least one shift");
        }
        // Every shift boundary minute, and the minute before each, must be covered exactly once.
        for (Shift probeShift : shifts) {
            for (LocalTime probe : List.of(
                    probeShift.start(), probeShift.end(), probeShift.end().minusMinutes(1))) {
                long covering = shifts.stream().filter(s -> s.covers(probe)).count();
                if (covering != 1) {
                    throw new IllegalArgumentException(
                            "shifts must cover the day exactly once; " + probe + " is covered by " + covering);
                }
            }
        }
        if (shifts.stream().map(Shift::name).distinct().count() != shifts.size()) {
            throw new IllegalArgumentException("shift names must be unique");
        }
    }

    /** Day 07:00-15:00, evening 15:00-22:00, night 22:00-07:00: the usual Norwegian turnus. */
    public static ShiftPlan dayEveningNight(ZoneId zone) {
        return new ShiftPlan(
                zone,
                List.of(
                        new Shift("day", LocalTime.of(7, 0), LocalTime.of(15, 0)),
                        new Shift("evening", LocalTime.of(15, 0), LocalTime.of(22, 0)),
                        new Shift("night", LocalTime.of(22, 0), LocalTime.of(7, 0))));
    }

    public Shift at(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return shifts.stream()
                .filter(s -> s.covers(local))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no shift covers " + local));
    }
}
