package no.pasientsignal.server.facility;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The devices this site knows. A device with a valid certificate but no entry here is refused. */
public final class FacilityDirectory {

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();

    public Optional<Device> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public void register(Device device) {
        Objects.requireNonNull(device, "device");
        devices.put(device.deviceId(), device);
    }

    public Collection<Device> devices() {
        return List.copyOf(devices.values());
    }

    /**
     * The demo ward README's run command plays: eight rooms, one call button each, with ids
     * {@code call-201} to {@code call-208} (device-sim's demo uses the same ids).
     */
    public static FacilityDirectory demoWard() {
        var directory = new FacilityDirectory();
        for (int number = 201; number <= 208; number++) {
            var room = new Room(Integer.toString(number), "Rom " + number, "Avdeling 2 Øst");
            directory.register(new Device("call-" + number, DeviceType.CALL_BUTTON, room));
        }
        return directory;
    }
}
