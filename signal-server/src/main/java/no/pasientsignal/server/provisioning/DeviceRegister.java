package no.pasientsignal.server.provisioning;

import java.util.List;
import java.util.Optional;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;

/**
 * What the protection view needs to know about devices beyond those in service in memory: the
 * database implements it. Never called on a device's request path.
 */
public interface DeviceRegister {

    /** A device recorded at a location, whatever its state. */
    record MountedDevice(String deviceId, DeviceType type, LocationKind locationKind, boolean inService) {}

    /** The kind of location a device is mounted at (for devices registered without saying). */
    Optional<LocationKind> locationKind(String deviceId);

    /** Devices recorded at locations of the room but out of service (decommissioned, replaced). */
    List<MountedDevice> outOfServiceIn(String roomId);

    /** The room's name ("Rom 201"), if the room exists. */
    Optional<String> roomName(String roomId);
}
