package no.pasientsignal.server.facility;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices in service at this site, in memory for the call path (loaded from the database at
 * startup). A device with a valid certificate but no entry here is refused.
 *
 * <p>{@link #device} is one lock-free map lookup. Writes (rare: a technician registers or removes a
 * device) also keep an index by room for the protection view, under a lock the call path never
 * takes.
 */
public final class FacilityDirectory {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByRoom = new ConcurrentHashMap<>();

    public Optional<Device> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public void register(Device device) {
        Objects.requireNonNull(device, "device");
        synchronized (idsByRoom) {
            Device previous = devices.put(device.deviceId(), device);
            if (previous != null) {
                unindex(previous);
            }
            idsByRoom
                    .computeIfAbsent(device.room().roomId(), room -> ConcurrentHashMap.newKeySet())
                    .add(device.deviceId());
        }
    }

    /** Takes a device out of service at once: its next request is refused as unknown. */
    public Optional<Device> remove(String deviceId) {
        synchronized (idsByRoom) {
            Device removed = devices.remove(deviceId);
            if (removed != null) {
                unindex(removed);
            }
            return Optional.ofNullable(removed);
        }
    }

    public Collection<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The devices in service in a room, ordered by id. */
    public List<Device> devicesInRoom(String roomId) {
        Set<String> ids = idsByRoom.get(roomId);
        if (ids == null) {
            return List.of();
        }
        return ids.stream()
                .map(devices::get)
                .filter(Objects::nonNull)
                .filter(d -> d.room().roomId().equals(roomId))
                .sorted(Comparator.comparing(Device::deviceId))
                .toList();
    }

    private void unindex(Device device) {
        Set<String> ids = idsByRoom.get(device.room().roomId());
        if (ids != null) {
            ids.remove(device.deviceId());
            if (ids.isEmpty()) {
                idsByRoom.remove(device.room().roomId());
            }
        }
    }
}
