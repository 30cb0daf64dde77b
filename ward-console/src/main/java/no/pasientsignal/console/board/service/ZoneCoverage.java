package no.pasientsignal.console.board.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.console.client.BoardClient.Assignment;
import no.pasientsignal.console.client.BoardClient.Merge;
import no.pasientsignal.console.client.BoardClient.Roster;
import no.pasientsignal.console.client.BoardClient.Shift;
import no.pasientsignal.console.client.BoardClient.Shifts;

/**
 * Which zones one staff member covers at one moment, from a site's shift plan and roster: the zones of their
 * assignments in the shift running now, widened by the zones merged with them in that shift (night staff covering
 * merged zones). Absent staff cover nothing. Pure logic: the roster is the same routing the server sends alarms by, so
 * "my zone" on the board is where this person's alarms come from.
 *
 * @param shift the shift running now at the site; empty when the plan has none for this time
 * @param zoneIds the zones covered now; empty when the person has no duty now
 * @param wardIds the wards of those zones
 */
public record ZoneCoverage(Optional<String> shift, Set<String> zoneIds, Set<String> wardIds) {

    public ZoneCoverage {
        zoneIds = Set.copyOf(zoneIds);
        wardIds = Set.copyOf(wardIds);
    }

    /** Whether the person has a duty now. */
    public boolean onDuty() {
        return !zoneIds.isEmpty();
    }

    /** What {@code username} covers at {@code now} by {@code shifts} and {@code roster}. */
    public static ZoneCoverage of(String username, Instant now, Shifts shifts, Roster roster) {
        Optional<String> current = currentShift(now, shifts);
        if (current.isEmpty() || roster.absent().contains(username)) {
            return new ZoneCoverage(current, Set.of(), Set.of());
        }
        Set<String> zones = new LinkedHashSet<>();
        Set<String> wards = new LinkedHashSet<>();
        for (Assignment assignment : roster.assignments()) {
            if (assignment.shift().equals(current.get()) && assignment.staff().equals(username)) {
                zones.addAll(assignment.zoneIds());
                wards.add(assignment.wardId());
            }
        }
        for (Merge merge : roster.merges()) {
            if (merge.shift().equals(current.get()) && merge.zoneIds().stream().anyMatch(zones::contains)) {
                zones.addAll(merge.zoneIds());
            }
        }
        return new ZoneCoverage(current, zones, wards);
    }

    /** The shift whose local time span holds {@code now} in the site's time zone; a night shift wraps midnight. */
    static Optional<String> currentShift(Instant now, Shifts shifts) {
        ZoneId zone;
        try {
            zone = ZoneId.of(shifts.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.ofInstant(now, zone);
        for (Shift shift : shifts.shifts()) {
            try {
                LocalTime start = LocalTime.parse(shift.start());
                LocalTime end = LocalTime.parse(shift.end());
                boolean inside = start.equals(end)
                        || (start.isBefore(end)
                                ? !time.isBefore(start) && time.isBefore(end)
                                : !time.isBefore(start) || time.isBefore(end));
                if (inside) {
                    return Optional.of(shift.name());
                }
            } catch (DateTimeParseException | NullPointerException e) {
                // a shift this console cannot read covers no time here; the others still count
            }
        }
        return Optional.empty();
    }
}
