package no.pasientsignal.server.routing;

import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.alarm.Placement;

/** Finds where a room is (site, ward, zone), for what is routed to a room rather than from a device. */
@FunctionalInterface
public interface RoomPlaces {

    /** Where a room is, as routing needs it. */
    record RoomPlace(String siteId, Placement place) {
        public RoomPlace {
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(place, "place");
        }
    }

    Optional<RoomPlace> find(String roomId);
}
