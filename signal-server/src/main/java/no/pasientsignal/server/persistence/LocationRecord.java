package no.pasientsignal.server.persistence;

import java.util.Objects;
import no.pasientsignal.server.facility.LocationKind;

/** A place in a room a device can be mounted at (a bed, the bathroom, the door). */
public record LocationRecord(String id, String roomId, LocationKind kind, String label) {
    public LocationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
