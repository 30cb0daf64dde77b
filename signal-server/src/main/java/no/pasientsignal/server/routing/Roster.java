package no.pasientsignal.server.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.server.alarm.Placement;

/**
 * Who covers what, shift by shift: assignments, zones merged for a shift (typically at night,
 * when one carer covers two corridors), and staff who are absent today. Immutable; a change
 * builds a new roster, so routing reads a consistent picture without locks.
 *
 * @param merges per shift name, groups of zones that act as one zone in that shift
 * @param responseCentre channel id of the response centre, or null when the site has none
 */
public record Roster(
        ShiftPlan plan,
        List<Assignment> assignments,
        Map<String, List<Set<String>>> merges,
        Set<String> absent,
        String responseCentre) {

    public Roster {
        Objects.requireNonNull(plan, "plan");
        assignments = List.copyOf(assignments);
        merges = Map.copyOf(merges);
        absent = Set.copyOf(absent);
        for (Assignment a : assignments) {
            if (plan.shifts().stream().noneMatch(s -> s.name().equals(a.shift()))) {
                throw new IllegalArgumentException(a.staff() + " is assigned to unknown shift " + a.shift());
            }
        }
        for (String shift : merges.keySet()) {
            if (plan.shifts().stream().noneMatch(s -> s.name().equals(shift))) {
                throw new IllegalArgumentException("zone merge for unknown shift " + shift);
            }
        }
    }

    /** The same roster with {@code staff} marked absent (sick, called away). */
    public Roster withAbsent(String staff) {
        var now = new HashSet<>(absent);
        now.add(staff);
        return new Roster(plan, assignments, merges, now, responseCentre);
    }

    public Roster withPresent(String staff) {
        var now = new HashSet<>(absent);
        now.remove(staff);
        return new Roster(plan, assignments, merges, now, responseCentre);
    }

    /** The zones that count as the alarm's zone in this shift: the zone and any merged with it. */
    public Set<String> zoneGroup(String shift, String zoneId) {
        return merges.getOrDefault(shift, List.of()).stream()
                .filter(group -> group.contains(zoneId))
                .findFirst()
                .orElse(Set.of(zoneId));
    }

    /** Recipients of {@code tier} for an alarm at {@code place}, at {@code now}, in roster order. */
    public Set<String> recipients(Placement place, Tier tier, Instant now) {
        String shift = plan.at(now).name();
        Set<String> group = zoneGroup(shift, place.zoneId());
        var out = new LinkedHashSet<String>();
        if (tier == Tier.RESPONSE_CENTRE) {
            Optional.ofNullable(responseCentre).ifPresent(out::add);
            return out;
        }
        for (Assignment a : assignments) {
            if (!a.shift().equals(shift) || !a.wardId().equals(place.wardId()) || absent.contains(a.staff())) {
                continue;
            }
            boolean inZone = a.zoneIds().stream().anyMatch(group::contains);
            boolean match = switch (tier) {
                case PRIMARY -> a.primary() && inZone;
                case ZONE_TEAM -> inZone;
                case WARD -> true;
                case SHIFT_LEAD -> a.lead();
                case RESPONSE_CENTRE -> false;
            };
            if (match) {
                out.add(a.staff());
            }
        }
        return out;
    }
}
