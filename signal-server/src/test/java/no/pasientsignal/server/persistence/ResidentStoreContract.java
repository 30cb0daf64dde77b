package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.provisioning.DeviceStatus;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every supported database must do with residents, staff administration and stored device
 * status. Each subclass runs it against a real database; each test gets a new, empty one.
 */
abstract class ResidentStoreContract {

    private static final CareNeed CALL_AT_BED =
            new CareNeed(DeviceType.CALL_BUTTON, no.pasientsignal.server.facility.LocationKind.BED);
    private static final CareNeed BED_SENSOR_AT_BED =
            new CareNeed(DeviceType.BED_SENSOR, no.pasientsignal.server.facility.LocationKind.BED);
    private static final CareNeed DOOR_SENSOR_AT_DOOR =
            new CareNeed(DeviceType.DOOR_SENSOR, no.pasientsignal.server.facility.LocationKind.DOOR);

    /** A database that has never been migrated, started (and so migrated) by this call. */
    protected abstract Database startEmptyDatabase() throws Exception;

    private Database database;
    private JdbcFacilityStore facility;
    private JdbcResidentStore residents;
    private JdbcStaffStore staff;
    private String room201;
    private String room202;

    @BeforeEach
    void startDatabase() throws Exception {
        database = startEmptyDatabase();
        facility = new JdbcFacilityStore(database.jdbc());
        residents = new JdbcResidentStore(database.jdbc());
        staff = new JdbcStaffStore(database.jdbc());
        var zone = facility.createZone(
                facility.createWard(facility.createSite("Solsiden").id(), "Avdeling 2")
                        .id(),
                "Sone 1");
        room201 = room(zone.id(), "201");
        room202 = room(zone.id(), "202");
        var directory = new StaffDirectory(new PasswordHasher(1024, 1, 1), staff);
        directory.add("kari", "Kari Nordmann", Set.of(Role.NURSE), "kari-secret-1".toCharArray());
        directory.add("ola", "Ola Tekniker", Set.of(Role.TECHNICIAN), "ola-secret-12".toCharArray());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migration_adds_care_needs_and_the_responsible_nurse() throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> residentColumns = new ArrayList<>();
        try (var connection = database.dataSource().getConnection()) {
            var meta = connection.getMetaData();
            try (var rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (String name : List.of("resident", "RESIDENT")) {
                try (var rs = meta.getColumns(null, null, name, "%")) {
                    while (rs.next()) {
                        residentColumns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(tables).contains("resident_need");
        assertThat(residentColumns).contains("responsible_nurse", "moved_out");
    }

    @Test
    void a_resident_gets_a_generated_pseudonym_and_is_found_with_needs_nurse_and_room() {
        Resident created = residents.create("Astrid Hansen", room201, "kari", List.of(CALL_AT_BED, BED_SENSOR_AT_BED));

        assertThat(created.id()).matches("[0-9a-f-]{36}").doesNotContainIgnoringCase("astrid");
        assertThat(residents.find(created.id())).hasValueSatisfying(found -> {
            assertThat(found.displayName()).isEqualTo("Astrid Hansen");
            assertThat(found.roomId()).isEqualTo(room201);
            assertThat(found.responsibleNurse()).isEqualTo("kari");
            assertThat(found.movedOut()).isFalse();
            assertThat(found.needs()).containsExactlyInAnyOrder(CALL_AT_BED, BED_SENSOR_AT_BED);
        });
        assertThat(residents.find("no-such-resident")).isEmpty();
        assertThat(residents.isEmpty()).isFalse();
    }

    @Test
    void all_lists_every_resident_with_their_own_needs() {
        var a = residents.create("A", room201, null, List.of(CALL_AT_BED));
        var b = residents.create("B", null, null, List.of());
        var c = residents.create("C", room202, "kari", List.of(DOOR_SENSOR_AT_DOOR, CALL_AT_BED));

        assertThat(residents.all())
                .hasSize(3)
                .satisfiesExactlyInAnyOrder(
                        r -> assertThat(r).isEqualTo(a), r -> assertThat(r).isEqualTo(b), r -> {
                            assertThat(r.id()).isEqualTo(c.id());
                            assertThat(r.needs()).containsExactlyInAnyOrder(DOOR_SENSOR_AT_DOOR, CALL_AT_BED);
                        });
    }

    @Test
    void replace_moves_the_resident_and_replaces_needs_nurse_and_moved_out() {
        var created = residents.create("Astrid Hansen", room201, "kari", List.of(CALL_AT_BED, BED_SENSOR_AT_BED));

        var moved = new Resident(created.id(), "Astrid H.", room202, null, true, List.of(DOOR_SENSOR_AT_DOOR));
        assertThat(residents.replace(moved)).isTrue();

        assertThat(residents.find(created.id())).contains(moved);
        assertThat(residents.replace(new Resident("no-such", "X", null, null, false, List.of())))
                .isFalse();
    }

    @Test
    void an_unknown_room_or_nurse_is_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> residents.create("X", "no-such-room", null, List.of(CALL_AT_BED)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> residents.create("X", room201, "nobody", List.of(CALL_AT_BED)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(residents.isEmpty()).isTrue();
        assertThat(count("resident_need")).isZero();

        var created = residents.create("Astrid Hansen", room201, "kari", List.of(CALL_AT_BED));
        assertThatThrownBy(() -> residents.replace(
                        new Resident(created.id(), "Y", "no-such-room", null, false, List.of(DOOR_SENSOR_AT_DOOR))))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(residents.find(created.id())).contains(created);
    }

    @Test
    void staff_are_listed_and_found_without_their_hash_and_roles_are_replaced_as_a_whole() {
        assertThat(staff.list()).extracting(m -> m.username()).containsExactly("kari", "ola");
        assertThat(staff.find("kari")).hasValueSatisfying(m -> {
            assertThat(m.displayName()).isEqualTo("Kari Nordmann");
            assertThat(m.roles()).containsExactly(Role.NURSE);
            assertThat(m.active()).isTrue();
            assertThat(m.toString()).doesNotContain("argon2");
        });

        assertThat(staff.updateNameAndRoles("kari", "Kari N.", Set.of(Role.NIGHT_STAFF, Role.QUALITY_LEAD)))
                .isTrue();
        assertThat(staff.find("kari")).hasValueSatisfying(m -> {
            assertThat(m.displayName()).isEqualTo("Kari N.");
            assertThat(m.roles()).containsExactlyInAnyOrder(Role.NIGHT_STAFF, Role.QUALITY_LEAD);
        });
        assertThat(staff.updateNameAndRoles("nobody", "X", Set.of(Role.NURSE))).isFalse();
        assertThat(staff.find("nobody")).isEmpty();
    }

    @Test
    void a_deactivated_account_is_found_but_not_active_and_a_new_hash_replaces_the_old() {
        assertThat(staff.setActive("ola", false)).isTrue();
        assertThat(staff.findActive("ola")).isEmpty();
        assertThat(staff.find("ola"))
                .hasValueSatisfying(m -> assertThat(m.active()).isFalse());
        assertThat(staff.setActive("nobody", false)).isFalse();

        var hasher = new PasswordHasher(1024, 1, 1);
        assertThat(staff.updatePasswordHash("kari", hasher.hash("new-secret-123".toCharArray())))
                .isTrue();
        var directory = new StaffDirectory(hasher, staff);
        assertThat(directory.authenticate("kari", "new-secret-123".toCharArray()))
                .isPresent();
        assertThat(directory.authenticate("kari", "kari-secret-1".toCharArray()))
                .isEmpty();
        assertThat(staff.updatePasswordHash("nobody", "x")).isFalse();
    }

    @Test
    void a_role_list_that_breaks_a_constraint_leaves_name_and_roles_unchanged() {
        // The same username twice in staff_role is impossible through the enum set; a display
        // name the schema refuses is not, and must roll back the role change with it.
        assertThatThrownBy(() -> staff.updateNameAndRoles("kari", "   ", Set.of(Role.ADMINISTRATOR)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(staff.find("kari")).hasValueSatisfying(m -> {
            assertThat(m.displayName()).isEqualTo("Kari Nordmann");
            assertThat(m.roles()).containsExactly(Role.NURSE);
        });
    }

    @Test
    void device_status_is_written_in_a_batch_and_read_back_keeping_what_a_report_lacked() {
        String bed = facility.locationsInRoom(room201).getFirst().id();
        facility.registerDevice("call-201", DeviceType.CALL_BUTTON.name(), "SN-201", bed, null);
        facility.registerDevice("call-202", DeviceType.CALL_BUTTON.name(), "SN-202", bed, "0.9");
        var statusStore = new JdbcDeviceStatusStore(database.jdbc());
        Instant first = Instant.parse("2026-11-23T21:00:00Z");
        Instant later = Instant.parse("2026-11-23T21:00:20Z");

        int written = statusStore.record(List.of(
                new DeviceStatus("call-201", first, 88, -67, "1.4.2", false),
                new DeviceStatus("gone", first, 50, null, null, false)));
        assertThat(written).isEqualTo(1);
        // An event (no battery, signal or firmware) only moves last seen.
        statusStore.record(List.of(new DeviceStatus("call-201", later, null, null, null, false)));

        assertThat(statusStore.stored()).containsExactly(new DeviceStatus("call-201", later, 88, -67, "1.4.2", false));
        assertThat(facility.findDevice("call-201")).hasValueSatisfying(d -> {
            assertThat(d.lastSeen()).isEqualTo(later);
            assertThat(d.batteryPercent()).isEqualTo(88);
            assertThat(d.firmware()).isEqualTo("1.4.2");
        });
    }

    @Test
    void mounted_devices_name_their_room_and_kind_of_location_whatever_their_state() {
        var locations = facility.locationsInRoom(room201);
        String bath = locations.stream()
                .filter(l -> l.kind() == LocationKind.BATHROOM)
                .findFirst()
                .orElseThrow()
                .id();
        facility.registerDevice("bath-201", DeviceType.PULL_CORD.name(), "SN-B", bath, null);
        facility.updateDeviceState("bath-201", DeviceState.DECOMMISSIONED);

        assertThat(facility.mountedDevicesIn(room201)).singleElement().satisfies(d -> {
            assertThat(d.locationKind()).isEqualTo(LocationKind.BATHROOM);
            assertThat(d.inService()).isFalse();
        });
        assertThat(facility.mountedDevice("bath-201")).isPresent();
        assertThat(facility.mountedDevicesIn(room202)).isEmpty();
        assertThat(facility.rooms()).extracting(RoomRecord::number).containsExactly("201", "202");
    }

    private String room(String zoneId, String number) {
        return facility.createRoomWithLocations(
                        zoneId,
                        number,
                        "Rom " + number,
                        List.of(
                                new NewLocation(LocationKind.BED, "Seng"),
                                new NewLocation(LocationKind.BATHROOM, "Bad")))
                .id();
    }

    private long count(String table) {
        return database.jdbc()
                .withConnection(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)))
                .orElseThrow();
    }
}
