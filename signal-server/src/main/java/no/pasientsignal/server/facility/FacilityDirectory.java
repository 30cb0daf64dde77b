package no.pasientsignal.server.facility;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices in service at this site, in memory for the call path (loaded from the database at
 * startup). A device with a valid certificate but no entry here is refused.
 */
public final class FacilityDirectory {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();

    public Optional<Device> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public void register(Device device) {
        Objects.requireNonNull(device, "device");
        devices.put(device.deviceId(), device);
    }

    /** Takes a device out of service at once: its next request is refused as unknown. */
    public Optional<Device> remove(String deviceId) {
        return Optional.ofNullable(devices.remove(deviceId));
    }

    public Collection<Device> devices() {
        return List.copyOf(devices.values());
    }
}
