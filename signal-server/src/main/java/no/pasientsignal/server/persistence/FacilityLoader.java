package no.pasientsignal.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.facility.Room;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the in-memory {@link FacilityDirectory} the call path reads from the database, so a
 * button press never waits for a query, and the {@link ResidentDirectory} the protection view
 * reads. In demo mode an empty database first gets the demo ward and its residents.
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
            device(placed).ifPresent(directory::register);
        }
        LOG.info("Loaded {} device(s) in service", directory.devices().size());
        return directory;
    }

    /** A placed device as the call path knows it; empty for a type this server version does not handle. */
    static Optional<Device> device(JdbcFacilityStore.PlacedDevice placed) {
        return deviceType(placed.deviceId(), placed.type())
                .map(type -> new Device(
                        placed.deviceId(),
                        type,
                        new Room(
                                placed.roomId(),
                                placed.roomName(),
                                placed.wardName(),
                                placed.zoneId(),
                                placed.wardId(),
                                placed.siteId()),
                        LocationKind.valueOf(placed.locationKind())));
    }

    /** The stored type, if this server version knows it. */
    static Optional<DeviceType> deviceType(String deviceId, String type) {
        try {
            return Optional.of(DeviceType.valueOf(type));
        } catch (IllegalArgumentException e) {
            // A type this server version does not handle yet: the device stays refused.
            LOG.warn("Device {} has unknown type {}; not loaded", deviceId, type);
            return Optional.empty();
        }
    }

    /** The residents, read once into memory for the protection view. */
    public static ResidentDirectory loadResidents(JdbcResidentStore store) {
        var directory = new ResidentDirectory();
        store.all().forEach(directory::put);
        LOG.info("Loaded {} resident(s)", directory.all().size());
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

    /** Made-up residents of the demo rooms, in room order. */
    static final List<String> DEMO_RESIDENTS = List.of(
            "Astrid Hansen",
            "Bjørn Olsen",
            "Kari Johansen",
            "Ola Larsen",
            "Ingrid Berg",
            "Per Nilsen",
            "Solveig Haugen",
            "Arne Bakken");

    /** The demo room whose resident also needs a bed sensor the demo has not installed. */
    static final String DEMO_ROOM_AWAITING_BED_SENSOR = "205";

    /**
     * A resident in each demo room (201-208) who needs the call button at the bed, with the demo
     * nurse {@code sykepleier} responsible when that login exists. The resident of room 205 also
     * needs a bed sensor that is not installed yet, to show an incomplete protection view. Only
     * into a database that never had residents, and only rooms the demo ward seeded.
     */
    public static void seedDemoResidentsIfNone(
            JdbcResidentStore residents, JdbcFacilityStore facility, JdbcStaffStore staff) {
        if (!residents.isEmpty()) {
            return;
        }
        String nurse = staff.find(DEMO_NURSE)
                .filter(m -> m.active() && m.hasAnyRole(Role.NURSE, Role.NIGHT_STAFF))
                .map(StaffMember::username)
                .orElse(null);
        var callButtonAtBed = new CareNeed(DeviceType.CALL_BUTTON, no.pasientsignal.server.facility.LocationKind.BED);
        int seeded = 0;
        for (RoomRecord room : facility.rooms()) {
            int number;
            try {
                number = Integer.parseInt(room.number());
            } catch (NumberFormatException e) {
                continue;
            }
            if (number < FIRST_DEMO_ROOM || number > LAST_DEMO_ROOM) {
                continue;
            }
            var needs = new ArrayList<CareNeed>(List.of(callButtonAtBed));
            if (room.number().equals(DEMO_ROOM_AWAITING_BED_SENSOR)) {
                needs.add(new CareNeed(DeviceType.BED_SENSOR, no.pasientsignal.server.facility.LocationKind.BED));
            }
            residents.create(DEMO_RESIDENTS.get(number - FIRST_DEMO_ROOM), room.id(), nurse, needs);
            seeded++;
        }
        if (seeded > 0) {
            LOG.info("Seeded {} demo resident(s), responsible nurse {}", seeded, nurse);
        }
    }

    /** The demo nurse login StaffDirectory seeds. */
    static final String DEMO_NURSE = "sykepleier";
}
