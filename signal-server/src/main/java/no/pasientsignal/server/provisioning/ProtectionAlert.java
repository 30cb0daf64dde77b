package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A resident whose protection stopped working: care needs that were covered until a device went
 * silent or was tampered with. Addressed to the resident's responsible nurse; it clears when every
 * one of those needs is covered again. Carries the display name for staff with access; {@link
 * #toString()} carries only the pseudonym.
 *
 * @param residentId the resident's pseudonym
 * @param displayName the resident's name, for authorised viewers only
 * @param roomId the resident's room
 * @param roomName the room's name ("Rom 201"); null if not known
 * @param responsibleNurse username of the nurse to tell; null if the resident has none
 * @param uncovered the needs no longer covered and why, in the resident's order
 * @param state what this change is
 * @param raisedAt when it was raised
 * @param changedAt when this change happened (raised, updated or cleared)
 */
public record ProtectionAlert(
        String residentId,
        String displayName,
        String roomId,
        String roomName,
        String responsibleNurse,
        List<NeedCoverage> uncovered,
        State state,
        Instant raisedAt,
        Instant changedAt) {

    /** Raised, changed (another need dropped, or one came back while others did not), cleared. */
    public enum State {
        RAISED,
        UPDATED,
        CLEARED
    }

    public ProtectionAlert {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(roomId, "roomId");
        uncovered = List.copyOf(uncovered);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public boolean isActive() {
        return state != State.CLEARED;
    }

    /** "call button at bed: device silent; door sensor at door: device tampered with". */
    public String whatIsUncovered() {
        return uncovered.stream().map(NeedCoverage::describe).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        // Pseudonymous: never the display name.
        return "ProtectionAlert[" + state + " resident " + residentId + " room " + roomId + ": " + whatIsUncovered()
                + "]";
    }
}
