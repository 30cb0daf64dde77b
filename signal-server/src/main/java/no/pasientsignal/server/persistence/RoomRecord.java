package no.pasientsignal.server.persistence;

import java.util.Objects;

/** A room in a zone; {@code number} is what is on the door (unique within the zone). */
public record RoomRecord(String id, String zoneId, String number, String name) {
    public RoomRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
    }
}
