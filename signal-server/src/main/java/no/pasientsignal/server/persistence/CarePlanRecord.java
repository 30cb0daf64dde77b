package no.pasientsignal.server.persistence;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.alarm.CarePlan;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;

/**
 * A resident's stored care plan with where they live now. The plan itself does not name a room:
 * its rules watch the sensors of whatever room the resident lives in, so a move takes them along.
 *
 * @param roomId the resident's room, null when they have none
 */
public record CarePlanRecord(
        String residentId, @Nullable String roomId, boolean movedOut, List<PassiveRule> rules, List<LegalBasis> bases) {

    public CarePlanRecord {
        Objects.requireNonNull(residentId, "residentId");
        rules = List.copyOf(rules);
        bases = List.copyOf(bases);
    }

    /** The plan the alarm engine evaluates, if the resident lives in a room (not moved out). */
    public Optional<CarePlan> inForce() {
        return roomId == null || movedOut
                ? Optional.empty()
                : Optional.of(new CarePlan(residentId, roomId, rules, bases));
    }
}
