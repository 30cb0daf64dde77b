package no.pasientsignal.server.alarm;

import java.util.Objects;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Room;

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

    /** Where a device is: its room, and its location kind in the room (UNKNOWN if not recorded). */
    public static Placement of(Device device) {
        Room room = device.room();
        return new Placement(
                room.roomId(),
                room.name(),
                room.zoneId(),
                room.wardId(),
                device.location().map(LocationKind::name).orElse("UNKNOWN"));
    }

    public boolean inBathroom() {
        return "BATHROOM".equals(locationKind);
    }
}
