package no.pasientsignal.server.facility;

import java.util.Objects;
import java.util.Optional;

/**
 * A room device known to the site, identified by the CN of its client certificate.
 *
 * @param locationKind the kind of place in the room it is mounted at (bed, bathroom...), which
 *     the protection view matches care needs against; null when whoever registered it did not say
 *     (the protection view then looks it up)
 */
public record Device(String deviceId, DeviceType type, Room room, LocationKind locationKind) {
    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(room, "room");
    }

    /** A device whose location kind is not known here. */
    public Device(String deviceId, DeviceType type, Room room) {
        this(deviceId, type, room, null);
    }

    public Optional<LocationKind> location() {
        return Optional.ofNullable(locationKind);
    }
}
