package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A resident's passive rules and the legal bases that allow them. */
public record CarePlan(String residentId, String roomId, List<PassiveRule> rules, List<LegalBasis> bases) {
    public CarePlan {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(roomId, "roomId");
        rules = List.copyOf(rules);
        bases = List.copyOf(bases);
    }

    /** Whether the rules may run now: only with a recorded, currently valid consent or decision. */
    public boolean allowedAt(Instant instant) {
        return bases.stream().anyMatch(b -> b.validAt(instant));
    }
}
