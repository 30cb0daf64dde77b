package no.pasientsignal.server.routing;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Who is on duty for a room right now: everyone the roster of the shift in force puts on the
 * room's zone (zones merged for the shift count as one). Used to address what is not an alarm but
 * still needs the carers at hand, such as a resident whose protection broke.
 */
public final class OnDuty {

    private final RoutingTables routing;
    private final RoomPlaces rooms;
    private final Clock clock;

    public OnDuty(RoutingTables routing, RoomPlaces rooms, Clock clock) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The staff covering the room's zone now; empty for an unknown room or an empty roster. */
    public Set<String> carersFor(String roomId) {
        return rooms.find(roomId)
                .map(room -> routing.forSite(room.siteId())
                        .roster()
                        .recipients(room.place(), Tier.ZONE_TEAM, clock.instant()))
                .map(Set::copyOf)
                .orElse(Set.of());
    }
}
