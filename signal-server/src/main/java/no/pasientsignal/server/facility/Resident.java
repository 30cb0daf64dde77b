package no.pasientsignal.server.facility;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resident as the protection view sees them. {@code id} is the pseudonym (a UUID the server
 * made): logs, alerts to technicians and exports carry only that. {@code displayName} is for staff
 * with access; {@link #toString()} leaves it out so it cannot slip into a log line.
 *
 * @param id pseudonym, never a name
 * @param displayName the name care staff know the resident by
 * @param roomId the room the resident lives in; null while not placed
 * @param responsibleNurse username of the staff member told when protection drops; null if none
 * @param movedOut a resident who moved out is kept for history but no longer protected
 * @param needs what the resident's safety relies on, without duplicates
 */
public record Resident(
        String id, String displayName, String roomId, String responsibleNurse, boolean movedOut, List<CareNeed> needs) {

    public Resident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        needs = List.copyOf(needs);
        if (needs.stream().distinct().count() != needs.size()) {
            throw new IllegalArgumentException("needs must not repeat");
        }
    }

    public Optional<String> room() {
        return Optional.ofNullable(roomId);
    }

    public Optional<String> nurse() {
        return Optional.ofNullable(responsibleNurse);
    }

    /** Living in a room and not moved out: the protection view and alerts cover them. */
    public boolean isPlaced() {
        return !movedOut && roomId != null;
    }

    @Override
    public String toString() {
        // Pseudonymous: never the display name.
        return "Resident[" + id + ", room " + roomId + "]";
    }
}
