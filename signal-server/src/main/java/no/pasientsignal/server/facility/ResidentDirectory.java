package no.pasientsignal.server.facility;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The residents, in memory (loaded from the database at startup and kept current by the API
 * after each committed write), so protection is evaluated without a query when a device drops.
 */
public final class ResidentDirectory {

    private final ConcurrentHashMap<String, Resident> residents = new ConcurrentHashMap<>();
    /** Resident ids by room: every device event asks who lives in its room, so no scan of all. */
    private final ConcurrentHashMap<String, Set<String>> idsByRoom = new ConcurrentHashMap<>();

    public Optional<Resident> resident(String id) {
        return Optional.ofNullable(residents.get(id));
    }

    /** Adds or replaces a resident (after the database has the same). */
    public synchronized void put(Resident resident) {
        Objects.requireNonNull(resident, "resident");
        Resident before = residents.put(resident.id(), resident);
        if (before != null && before.roomId() != null) {
            idsByRoom.computeIfPresent(before.roomId(), (room, ids) -> {
                ids.remove(before.id());
                return ids.isEmpty() ? null : ids;
            });
        }
        if (resident.roomId() != null) {
            idsByRoom
                    .computeIfAbsent(resident.roomId(), room -> ConcurrentHashMap.newKeySet())
                    .add(resident.id());
        }
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
        return idsByRoom.getOrDefault(roomId, Set.of()).stream()
                .map(residents::get)
                .filter(r -> r != null && r.isPlaced() && r.roomId().equals(roomId))
                .sorted(Comparator.comparing(Resident::id))
                .toList();
    }
}
