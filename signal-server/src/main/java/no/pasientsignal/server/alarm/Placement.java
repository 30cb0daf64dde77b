package no.pasientsignal.server.alarm;

import java.util.Objects;

/**
 * Where an alarm comes from, resolved from the device's location when the event arrives: enough
 * to route it (zone, ward) and to apply location rules (a bathroom call cancels only in the
 * bathroom) without another lookup.
 *
 * @param locationKind BED, BATHROOM, DOOR or CORRIDOR
 */
public record Placement(String roomId, String roomName, String zoneId, String wardId, String locationKind) {
    public Placement {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(roomName, "roomName");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(locationKind, "locationKind");
    }

    public boolean inBathroom() {
        return "BATHROOM".equals(locationKind);
    }
}
