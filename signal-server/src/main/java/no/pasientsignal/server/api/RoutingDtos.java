package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.Tier;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffMember;

/**
 * Routing as JSON, and back to the domain. Bean validation catches the shape (required fields,
 * enum values, times of day); what only the domain or the site's facts can tell (shifts covering
 * the day once, steps in time order, staff and zones that exist) becomes a {@link Refusal}
 * naming the field, thrown before anything is written.
 */
final class RoutingDtos {

    private RoutingDtos() {}

    // --- shifts --------------------------------------------------------------------------------

    /** A shift from {@code start} to {@code end}, local time; a night shift wraps midnight. */
    @Serdeable
    public record ShiftDto(
            @NotBlank @Size(max = 40) String name,

            @NotNull @Pattern(regexp = ApiEnums.TIME_OF_DAY, message = ApiEnums.TIME_OF_DAY_MESSAGE)
            String start,

            @NotNull @Pattern(regexp = ApiEnums.TIME_OF_DAY, message = ApiEnums.TIME_OF_DAY_MESSAGE)
            String end) {}

    /** The site's shifts, which must cover the day exactly once, and its time zone. */
    @Serdeable
    public record ShiftsRequest(
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Size(min = 1, max = 12) List<@Valid @NotNull ShiftDto> shifts) {}

    /** {@code configured} is false while the site routes by the defaults (nothing saved yet). */
    @Serdeable
    public record ShiftsDto(boolean configured, String timeZone, List<ShiftDto> shifts) {}

    static ShiftsDto shifts(ShiftPlan plan, boolean configured) {
        return new ShiftsDto(
                configured,
                plan.zone().getId(),
                plan.shifts().stream()
                        .map(s -> new ShiftDto(
                                s.name(), s.start().toString(), s.end().toString()))
                        .toList());
    }

    /** The shift plan a validated request describes. */
    static ShiftPlan shiftPlan(ShiftsRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone().strip());
        } catch (DateTimeException e) {
            throw Refusal.badRequest(
                    "timeZone", request.timeZone() + " is not a time zone; use a name like Europe/Oslo");
        }
        var shifts = new ArrayList<Shift>();
        for (int i = 0; i < request.shifts().size(); i++) {
            ShiftDto dto = request.shifts().get(i);
            try {
                shifts.add(new Shift(dto.name().strip(), LocalTime.parse(dto.start()), LocalTime.parse(dto.end())));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("shifts[" + i + "]", e);
            }
        }
        try {
            return new ShiftPlan(zone, shifts);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("shifts", e);
        }
    }

    /**
     * The roster moved to a new shift plan. Refused (409) when the roster still names a shift the
     * plan drops: the administrator changes the roster first, so no assignment is lost unseen.
     */
    static Roster withPlan(Roster roster, ShiftPlan plan) {
        Set<String> names = shiftNames(plan);
        var dropped = new LinkedHashSet<String>();
        roster.assignments().stream()
                .map(Assignment::shift)
                .filter(s -> !names.contains(s))
                .forEach(dropped::add);
        roster.merges().keySet().stream().filter(s -> !names.contains(s)).forEach(dropped::add);
        if (!dropped.isEmpty()) {
            throw Refusal.conflict("shifts: the roster still uses shift(s) " + String.join(", ", dropped)
                    + ", which this plan does not have; change the roster first. Nothing was saved");
        }
        return new Roster(plan, roster.assignments(), roster.merges(), roster.absent(), roster.responseCentre());
    }

    // --- roster --------------------------------------------------------------------------------

    /** One staff member's duty in one shift: a ward of the site and the zones covered there. */
    @Serdeable
    public record AssignmentDto(
            @NotBlank @Size(max = 40) String shift,
            @NotBlank @Size(max = 64) String staff,
            @NotBlank @Size(max = 36) String wardId,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 36) String> zoneIds,
            @Nullable Boolean primary,
            @Nullable Boolean lead) {}

    /** Zones of one ward that act as one zone in {@code shift} (typically at night). */
    @Serdeable
    public record MergeDto(
            @NotBlank @Size(max = 40) String shift,
            @NotNull @Size(min = 2, max = 50) List<@NotBlank @Size(max = 36) String> zoneIds) {}

    /**
     * Who covers what, shift by shift. Absences are kept as they are (they have their own
     * endpoint); {@code responseCentre} is the response centre's channel id, or null for none.
     */
    @Serdeable
    public record RosterRequest(
            @NotNull @Size(max = 500) List<@Valid @NotNull AssignmentDto> assignments,
            @Nullable @Size(max = 50) List<@Valid @NotNull MergeDto> merges,
            @Nullable @Size(max = 128) String responseCentre) {}

    @Serdeable
    public record RosterDto(
            boolean configured,
            List<AssignmentDto> assignments,
            List<MergeDto> merges,
            List<String> absent,
            @Nullable String responseCentre) {}

    static RosterDto roster(Roster roster, boolean configured) {
        var merges = new ArrayList<MergeDto>();
        for (Shift shift : roster.plan().shifts()) {
            for (Set<String> group : roster.merges().getOrDefault(shift.name(), List.of())) {
                merges.add(new MergeDto(shift.name(), sorted(group)));
            }
        }
        return new RosterDto(
                configured,
                roster.assignments().stream()
                        .map(a -> new AssignmentDto(
                                a.shift(), a.staff(), a.wardId(), sorted(a.zoneIds()), a.primary(), a.lead()))
                        .toList(),
                merges,
                sorted(roster.absent()),
                roster.responseCentre());
    }

    /**
     * What a roster may name: the site's wards, the ward of each of its zones, and the staff
     * accounts. Read once per request.
     */
    record SiteFacts(Set<String> wardIds, Map<String, String> wardOfZone, Map<String, StaffMember> staff) {}

    /** The roster a validated request describes, on {@code plan}, keeping {@code absent}. */
    static Roster roster(RosterRequest request, ShiftPlan plan, Set<String> absent, SiteFacts site) {
        Set<String> shiftNames = shiftNames(plan);
        var assignments = new ArrayList<Assignment>();
        var seen = new HashSet<String>();
        for (int i = 0; i < request.assignments().size(); i++) {
            AssignmentDto dto = request.assignments().get(i);
            String field = "assignments[" + i + "]";
            String shift = knownShift(dto.shift(), shiftNames, field + ".shift");
            String staff = dto.staff().strip();
            StaffMember member = site.staff().get(staff);
            if (member == null) {
                throw Refusal.badRequest(field + ".staff", "no staff member with username " + staff);
            }
            if (!member.active() || !member.hasAnyRole(Role.NURSE, Role.NIGHT_STAFF)) {
                throw Refusal.badRequest(field + ".staff", staff + " is not an active nurse or night staff member");
            }
            String ward = dto.wardId().strip();
            if (!site.wardIds().contains(ward)) {
                throw Refusal.badRequest(field + ".wardId", "no ward with id " + ward + " at this site");
            }
            var zones = new HashSet<String>();
            for (int j = 0; j < dto.zoneIds().size(); j++) {
                String zone = dto.zoneIds().get(j).strip();
                if (!ward.equals(site.wardOfZone().get(zone))) {
                    throw Refusal.badRequest(
                            field + ".zoneIds[" + j + "]", "no zone with id " + zone + " in ward " + ward);
                }
                zones.add(zone);
            }
            if (!seen.add(shift + "\n" + staff + "\n" + ward)) {
                throw Refusal.badRequest(
                        field,
                        staff + " is assigned to shift " + shift + " on this ward twice; list each assignment once");
            }
            assignments.add(new Assignment(
                    shift, staff, ward, zones, Boolean.TRUE.equals(dto.primary()), Boolean.TRUE.equals(dto.lead())));
        }

        Map<String, List<Set<String>>> merges = new HashMap<>();
        Map<String, Set<String>> mergedInShift = new HashMap<>();
        List<MergeDto> mergeDtos = request.merges() == null ? List.of() : request.merges();
        for (int i = 0; i < mergeDtos.size(); i++) {
            MergeDto dto = mergeDtos.get(i);
            String field = "merges[" + i + "]";
            String shift = knownShift(dto.shift(), shiftNames, field + ".shift");
            var group = new LinkedHashSet<String>();
            String ward = null;
            for (int j = 0; j < dto.zoneIds().size(); j++) {
                String zone = dto.zoneIds().get(j).strip();
                String zoneWard = site.wardOfZone().get(zone);
                if (zoneWard == null) {
                    throw Refusal.badRequest(
                            field + ".zoneIds[" + j + "]", "no zone with id " + zone + " at this site");
                }
                if (ward != null && !ward.equals(zoneWard)) {
                    throw Refusal.badRequest(field + ".zoneIds", "the zones of a merge must be in the same ward");
                }
                ward = zoneWard;
                if (!mergedInShift.computeIfAbsent(shift, s -> new HashSet<>()).add(zone)) {
                    throw Refusal.badRequest(
                            field + ".zoneIds[" + j + "]",
                            "zone " + zone + " is merged twice in shift " + shift
                                    + "; a zone joins one merge per shift");
                }
                group.add(zone);
            }
            merges.computeIfAbsent(shift, s -> new ArrayList<>()).add(group);
        }
        String centre =
                request.responseCentre() == null || request.responseCentre().isBlank()
                        ? null
                        : request.responseCentre().strip();
        try {
            return new Roster(plan, assignments, merges, absent, centre);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("assignments", e);
        }
    }

    private static String knownShift(String name, Set<String> shiftNames, String field) {
        String shift = name.strip();
        if (!shiftNames.contains(shift)) {
            throw Refusal.badRequest(
                    field, "no shift named " + shift + "; the site's shifts are " + String.join(", ", shiftNames));
        }
        return shift;
    }

    private static Set<String> shiftNames(ShiftPlan plan) {
        var names = new LinkedHashSet<String>();
        plan.shifts().forEach(s -> names.add(s.name()));
        return names;
    }

    // --- escalation ----------------------------------------------------------------------------

    /** A step: the tiers it adds, {@code afterSeconds} after the alarm first went out. */
    @Serdeable
    public record StepDto(
            @NotNull @Size(min = 1, max = 5)
            List<@NotNull @Pattern(regexp = ApiEnums.TIERS, message = ApiEnums.TIER_MESSAGE) String> tiers,

            @NotNull @Min(0) @Max(86_400) Integer afterSeconds) {}

    /** The escalation chain of one priority; the first step goes out at once (0 s). */
    @Serdeable
    public record ChainDto(
            @NotNull @Pattern(regexp = ApiEnums.PRIORITIES, message = ApiEnums.PRIORITY_MESSAGE)
            String priority,

            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull StepDto> steps) {}

    /** One chain for each priority (EMERGENCY, HIGH, NORMAL, LOW). */
    @Serdeable
    public record EscalationDto(
            @NotNull @Size(min = 1, max = 4) List<@Valid @NotNull ChainDto> chains) {}

    static EscalationDto escalation(EscalationPolicy policy) {
        var chains = new ArrayList<ChainDto>();
        for (Priority priority : Priority.values()) {
            chains.add(new ChainDto(
                    priority.name(),
                    policy.chain(priority).stream()
                            .map(step -> new StepDto(
                                    EnumSet.copyOf(step.tiers()).stream()
                                            .map(Tier::name)
                                            .toList(),
                                    Math.toIntExact(step.after().toSeconds())))
                            .toList()));
        }
        return new EscalationDto(chains);
    }

    /** The policy a validated request describes. */
    static EscalationPolicy policy(EscalationDto request) {
        Map<Priority, List<EscalationPolicy.Step>> chains = new EnumMap<>(Priority.class);
        for (int i = 0; i < request.chains().size(); i++) {
            ChainDto chain = request.chains().get(i);
            Priority priority = Priority.valueOf(chain.priority());
            if (chains.containsKey(priority)) {
                throw Refusal.badRequest(
                        "chains[" + i + "].priority", priority + " is listed twice; give one chain per priority");
            }
            var steps = new ArrayList<EscalationPolicy.Step>();
            for (StepDto step : chain.steps()) {
                var tiers = EnumSet.noneOf(Tier.class);
                step.tiers().forEach(t -> tiers.add(Tier.valueOf(t)));
                steps.add(new EscalationPolicy.Step(tiers, Duration.ofSeconds(step.afterSeconds())));
            }
            chains.put(priority, steps);
        }
        try {
            return new EscalationPolicy(chains);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("chains", e);
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
