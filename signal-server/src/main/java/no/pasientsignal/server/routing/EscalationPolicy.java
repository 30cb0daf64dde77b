package no.pasientsignal.server.routing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.server.alarm.Priority;

/**
 * For each priority, the chain of escalation steps: which tiers each step adds and how long after
 * the alarm went out it is due if nobody has accepted. Checked when built: every priority has a
 * chain, each starts at once, and each step comes later than the one before.
 */
public record EscalationPolicy(Map<Priority, List<Step>> chains) {

    /** @param after offset from when the alarm first went out */
    public record Step(Set<Tier> tiers, Duration after) {
        public Step {
            tiers = Set.copyOf(tiers);
            Objects.requireNonNull(after, "after");
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException("an escalation step needs at least one tier");
            }
        }
    }

    public EscalationPolicy {
        var copy = new EnumMap<Priority, List<Step>>(Priority.class);
        for (Priority priority : Priority.values()) {
            List<Step> chain = chains.get(priority);
            if (chain == null || chain.isEmpty()) {
                throw new IllegalArgumentException("no escalation chain for priority " + priority);
            }
            if (!chain.getFirst().after().isZero()) {
                throw new IllegalArgumentException("the first step for " + priority + " must go out at once");
            }
            for (int i = 1; i < chain.size(); i++) {
                if (chain.get(i).after().compareTo(chain.get(i - 1).after()) <= 0) {
                    throw new IllegalArgumentException("escalation steps for " + priority + " must be in time order");
                }
            }
            copy.put(priority, List.copyOf(chain));
        }
        chains = Map.copyOf(copy);
    }

    /**
     * Emergencies reach the whole ward and the shift lead at once, then the response centre; the
     * rest widen from the zone's primary carers outwards.
     */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(Map.of(
                Priority.EMERGENCY,
                List.of(
                        new Step(Set.of(Tier.WARD, Tier.SHIFT_LEAD), Duration.ZERO),
                        new Step(Set.of(Tier.RESPONSE_CENTRE), Duration.ofSeconds(60))),
                Priority.HIGH,
                List.of(
                        new Step(Set.of(Tier.PRIMARY), Duration.ZERO),
                        new Step(Set.of(Tier.ZONE_TEAM), Duration.ofSeconds(30)),
                        new Step(Set.of(Tier.WARD), Duration.ofSeconds(60)),
                        new Step(Set.of(Tier.SHIFT_LEAD, Tier.RESPONSE_CENTRE), Duration.ofSeconds(120))),
                Priority.NORMAL,
                List.of(
                        new Step(Set.of(Tier.PRIMARY), Duration.ZERO),
                        new Step(Set.of(Tier.ZONE_TEAM), Duration.ofSeconds(60)),
                        new Step(Set.of(Tier.WARD), Duration.ofSeconds(120)),
                        new Step(Set.of(Tier.SHIFT_LEAD), Duration.ofSeconds(240))),
                Priority.LOW,
                List.of(
                        new Step(Set.of(Tier.ZONE_TEAM), Duration.ZERO),
                        new Step(Set.of(Tier.WARD), Duration.ofMinutes(5)))));
    }

    public List<Step> chain(Priority priority) {
        return chains.get(priority);
    }
}
