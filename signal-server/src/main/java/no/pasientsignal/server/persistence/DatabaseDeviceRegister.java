package no.pasientsignal.server.persistence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.provisioning.DeviceRegister;

/** The protection view's questions about devices, answered from the facility tables. */
final class DatabaseDeviceRegister implements DeviceRegister {

    private final JdbcFacilityStore store;

    DatabaseDeviceRegister(JdbcFacilityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<LocationKind> locationKind(String deviceId) {
        return store.mountedDevice(deviceId).map(JdbcFacilityStore.MountedDevice::locationKind);
    }

    @Override
    public List<MountedDevice> outOfServiceIn(String roomId) {
        return store.mountedDevicesIn(roomId).stream()
                .filter(d -> !d.inService())
                .flatMap(d -> FacilityLoader.deviceType(d.deviceId(), d.type()).stream()
                        .map(type -> new MountedDevice(d.deviceId(), type, d.locationKind(), false)))
                .toList();
    }

    @Override
    public Optional<String> roomName(String roomId) {
        return store.findRoom(roomId).map(RoomRecord::name);
    }
}
