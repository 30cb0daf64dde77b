package no.pasientsignal.server.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.facility.Room;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the in-memory {@link FacilityDirectory} the call path reads from the database, so a
 * button press never waits for a query, and the {@link ResidentDirectory} the protection view
 * reads. In demo mode an empty database first gets the demo ward and its residents, and then the
 * demo roster and one demo care plan.
 */
public final class FacilityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FacilityLoader.class);

    /** Rooms of the demo ward; device-sim's demo plays call buttons {@code call-201} to {@code call-208}. */
    static final int FIRST_DEMO_ROOM = 201;

    static final int LAST_DEMO_ROOM = 208;

    /** The demo site's one ward. */
    static final String DEMO_WARD = "Avdeling 2 Øst";

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
        var ward = store.createWard(site.id(), DEMO_WARD);
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

    /** The demo carer who works day and evening beside the demo nurse (StaffDirectory seeds both). */
    static final String DEMO_CARER = "helsefag";

    /** The demo night staff login, primary carer and shift lead at night. */
    static final String DEMO_NIGHT = "natt";

    /**
     * The demo ward's roster, only into an installation where no site has routing yet, and only
     * when the demo site and ward exist: day and evening the demo nurse is primary carer and shift
     * lead with the demo carer in the zone team; at night the night staff member covers the whole
     * ward alone, as primary and lead, with the ward's zones merged when it has more than one.
     * Default escalation chains; no response centre. Staff the installation lacks (or who are
     * inactive) are left out.
     */
    public static void seedDemoRoutingIfNone(
            JdbcRoutingStore routing, JdbcFacilityStore facility, JdbcStaffStore staff, String siteName) {
        if (!routing.isEmpty()) {
            return;
        }
        Optional<SiteRecord> site =
                facility.sites().stream().filter(s -> s.name().equals(siteName)).findFirst();
        Optional<WardRecord> ward = site.flatMap(s -> facility.wardsOf(s.id()).stream()
                .filter(w -> w.name().equals(DEMO_WARD))
                .findFirst());
        if (ward.isEmpty()) {
            return;
        }
        String wardId = ward.get().id();
        Set<String> zones =
                facility.zonesOf(wardId).stream().map(ZoneRecord::id).collect(Collectors.toSet());
        if (zones.isEmpty()) {
            return;
        }
        var assignments = new ArrayList<Assignment>();
        for (String shift : List.of("day", "evening")) {
            if (activeCarer(staff, DEMO_NURSE)) {
                assignments.add(new Assignment(shift, DEMO_NURSE, wardId, zones, true, true));
            }
            if (activeCarer(staff, DEMO_CARER)) {
                assignments.add(new Assignment(shift, DEMO_CARER, wardId, zones, false, false));
            }
        }
        if (activeCarer(staff, DEMO_NIGHT)) {
            assignments.add(new Assignment("night", DEMO_NIGHT, wardId, zones, true, true));
        }
        Map<String, List<Set<String>>> merges = zones.size() > 1 ? Map.of("night", List.of(zones)) : Map.of();
        var roster =
                new Roster(ShiftPlan.dayEveningNight(RoutingBeans.DEFAULT_ZONE), assignments, merges, Set.of(), null);
        routing.save(site.get().id(), new SiteRouting(roster, EscalationPolicy.defaults()));
        LOG.info("Seeded the demo roster ({} assignment(s), {} zone(s))", assignments.size(), zones.size());
    }

    /** The demo room whose resident has a care plan (bed exit at night). */
    static final String DEMO_CARE_PLAN_ROOM = "203";

    /**
     * One demo care plan, only into an installation that never had one: the resident of room 203
     * is watched for leaving bed between 22:00 and 07:00 and for not being back within 30 minutes
     * (the bed-sensor use the municipal plans describe), with consent recorded by the demo nurse at {@code now}. Nothing
     * when that resident or the demo nurse is missing.
     */
    public static void seedDemoCarePlanIfNone(
            JdbcCarePlanStore carePlans,
            JdbcResidentStore residents,
            JdbcFacilityStore facility,
            JdbcStaffStore staff,
            Instant now) {
        if (!carePlans.isEmpty() || !activeCarer(staff, DEMO_NURSE)) {
            return;
        }
        Set<String> rooms = facility.rooms().stream()
                .filter(r -> r.number().equals(DEMO_CARE_PLAN_ROOM))
                .map(RoomRecord::id)
                .collect(Collectors.toSet());
        var resident = residents.all().stream()
                .filter(r -> !r.movedOut() && rooms.contains(r.roomId()))
                .findFirst();
        if (resident.isEmpty()) {
            return;
        }
        var night = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
        carePlans.save(
                resident.get().id(),
                List.of(
                        new PassiveRule(PassiveRule.Kind.BED_EXIT, night, null),
                        new PassiveRule(PassiveRule.Kind.OUT_OF_BED_TOO_LONG, night, Duration.ofMinutes(30))),
                List.of(new LegalBasis(
                        LegalBasis.Kind.CONSENT,
                        DEMO_NURSE,
                        now.truncatedTo(ChronoUnit.SECONDS),
                        null,
                        "Samtykke fra beboer, dokumentert i journal")));
        LOG.info(
                "Seeded the demo care plan of resident {} (room {})",
                resident.get().id(),
                DEMO_CARE_PLAN_ROOM);
    }

    private static boolean activeCarer(JdbcStaffStore staff, String username) {
        return staff.find(username)
                .filter(m -> m.active() && m.hasAnyRole(Role.NURSE, Role.NIGHT_STAFF))
                .isPresent();
    }
}
