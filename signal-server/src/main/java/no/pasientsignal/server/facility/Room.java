package no.pasientsignal.server.facility;

import java.util.Objects;

/**
 * A room staff can be sent to, with the zone, ward and site it belongs to, so a call from it can
 * be routed without another lookup. No resident data here: rooms are what calls and logs name.
 */
public record Room(String roomId, String name, String wardName, String zoneId, String wardId, String siteId) {
    public Room {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wardName, "wardName");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(siteId, "siteId");
    }
}
