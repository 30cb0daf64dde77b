package no.pasientsignal.server.facility;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The residents, in memory (loaded from the database at startup and kept current by the API
 * after each committed write), so protection is evaluated without a query when a device drops.
 */
public final class ResidentDirectory {

    private final ConcurrentHashMap<String, Resident> residents = new ConcurrentHashMap<>();

    public Optional<Resident> resident(String id) {
        return Optional.ofNullable(residents.get(id));
    }

    /** Adds or replaces a resident (after the database has the same). */
    public void put(Resident resident) {
        Objects.requireNonNull(resident, "resident");
        residents.put(resident.id(), resident);
    }

    /** Every resident, moved-out ones included, ordered by room then id. */
    public List<Resident> all() {
        return residents.values().stream()
                .sorted(Comparator.comparing(Resident::roomId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Resident::id))
                .toList();
    }

    /** Residents who live in the room now (not moved out). */
    public List<Resident> livingIn(String roomId) {
        return residents.values().stream()
                .filter(r -> r.isPlaced() && r.roomId().equals(roomId))
                .sorted(Comparator.comparing(Resident::id))
                .toList();
    }
}
