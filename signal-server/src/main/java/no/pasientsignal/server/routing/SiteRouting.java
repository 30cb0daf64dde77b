package no.pasientsignal.server.routing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything routing needs for one site: its shifts and roster, and its escalation chains.
 * Immutable; a change builds a new one.
 */
public record SiteRouting(Roster roster, EscalationPolicy policy) {
    public SiteRouting {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * A site nobody has set up routing for yet: day/evening/night shifts, nobody on the roster,
     * the default escalation chains. Every alarm is then flagged as unreachable, which is what the
     * board must show until someone fills in the roster.
     */
    public static SiteRouting unconfigured(ZoneId zone) {
        return new SiteRouting(
                new Roster(ShiftPlan.dayEveningNight(zone), List.of(), Map.of(), Set.of(), null),
                EscalationPolicy.defaults());
    }

    public ZoneId zone() {
        return roster.plan().zone();
    }

    public SiteRouting withRoster(Roster newRoster) {
        return new SiteRouting(newRoster, policy);
    }

    public SiteRouting withPolicy(EscalationPolicy newPolicy) {
        return new SiteRouting(roster, newPolicy);
    }
}
