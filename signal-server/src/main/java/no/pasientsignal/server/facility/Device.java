package no.pasientsignal.server.facility;

import java.util.Objects;

/** A room device known to the site, identified by the CN of its client certificate. */
public record Device(String deviceId, DeviceType type, Room room) {
    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(room, "room");
    }
}
