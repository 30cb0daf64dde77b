package no.pasientsignal.server.persistence;

import java.util.List;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.Room;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the in-memory {@link FacilityDirectory} the call path reads from the database, so a
 * button press never waits for a query. In demo mode an empty database first gets the demo ward.
 */
public final class FacilityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FacilityLoader.class);

    /** Rooms of the demo ward; device-sim's demo plays call buttons {@code call-201} to {@code call-208}. */
    static final int FIRST_DEMO_ROOM = 201;

    static final int LAST_DEMO_ROOM = 208;

    private FacilityLoader() {}

    public static FacilityDirectory load(JdbcFacilityStore store) {
        var directory = new FacilityDirectory();
        for (var placed : store.placedDevices()) {
            DeviceType type;
            try {
                type = DeviceType.valueOf(placed.type());
            } catch (IllegalArgumentException e) {
                // A type this server version does not handle yet: the device stays refused.
                LOG.warn("Device {} has unknown type {}; not loaded", placed.deviceId(), placed.type());
                continue;
            }
            directory.register(new Device(
                    placed.deviceId(), type, new Room(placed.roomId(), placed.roomName(), placed.wardName())));
        }
        LOG.info("Loaded {} device(s) in service", directory.devices().size());
        return directory;
    }

    /**
     * The demo ward README's run command plays: one ward, one zone, rooms 201-208, each with a bed
     * and a bathroom and an active call button at the bed. Only into a database without sites.
     */
    public static void seedDemoWardIfEmpty(JdbcFacilityStore store, String siteName) {
        if (store.hasSites()) {
            return;
        }
        var site = store.createSite(siteName);
        var ward = store.createWard(site.id(), "Avdeling 2 Øst");
        var zone = store.createZone(ward.id(), "Sone 1");
        for (int number = FIRST_DEMO_ROOM; number <= LAST_DEMO_ROOM; number++) {
            var room = store.createRoomWithLocations(
                    zone.id(),
                    Integer.toString(number),
                    "Rom " + number,
                    List.of(new NewLocation(LocationKind.BED, "Seng"), new NewLocation(LocationKind.BATHROOM, "Bad")));
            var bed = store.locationsInRoom(room.id()).stream()
                    .filter(l -> l.kind() == LocationKind.BED)
                    .findFirst()
                    .orElseThrow();
            String deviceId = "call-" + number;
            store.registerDevice(deviceId, DeviceType.CALL_BUTTON.name(), "DEMO-" + deviceId, bed.id(), null);
            store.updateDeviceState(deviceId, DeviceState.ACTIVE);
        }
        LOG.info("Seeded the demo ward (rooms {}-{})", FIRST_DEMO_ROOM, LAST_DEMO_ROOM);
    }
}
