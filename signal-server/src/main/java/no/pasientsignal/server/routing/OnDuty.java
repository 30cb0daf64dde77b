package no.pasientsignal.server.routing;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.pasientsignal.server.alarm.Placement;

/**
 * Who is on duty for a room right now: everyone the roster of the shift in force puts on the
 * room's zone (zones merged for the shift count as one). Used to address what is not an alarm but
 * still needs the carers at hand, such as a resident whose protection broke.
 */
public final class OnDuty {

    /** Where a room is, as routing needs it. */
    public record RoomPlace(String siteId, Placement place) {
        public RoomPlace {
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(place, "place");
        }
    }

    private final RoutingTables routing;
    private final Function<String, Optional<RoomPlace>> rooms;
    private final Clock clock;

    /** @param rooms finds a room's site, zone and ward by room id */
    public OnDuty(RoutingTables routing, Function<String, Optional<RoomPlace>> rooms, Clock clock) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The staff covering the room's zone now; empty for an unknown room or an empty roster. */
    public Set<String> carersFor(String roomId) {
        return rooms.apply(roomId)
                .map(room -> routing.forSite(room.siteId())
                        .roster()
                        .recipients(room.place(), Tier.ZONE_TEAM, clock.instant()))
                .map(Set::copyOf)
                .orElse(Set.of());
    }
}
