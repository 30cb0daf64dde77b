package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database the server supports must do with the facility schema and store. Each
 * subclass runs it against a real database; each test gets a new, empty database.
 */
abstract class FacilityStoreContract {

    /** A database that has never been migrated, started (and so migrated) by this call. */
    protected abstract Database startEmptyDatabase() throws Exception;

    protected Database database;
    protected JdbcFacilityStore store;

    @BeforeEach
    void startDatabase() throws Exception {
        database = startEmptyDatabase();
        store = new JdbcFacilityStore(database.jdbc());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migration_from_empty_database_creates_the_schema() throws SQLException {
        assertThat(database.migrationsApplied()).isEqualTo(Migrations.count(database.dataSource()));
        List<String> tables = new ArrayList<>();
        try (var connection = database.dataSource().getConnection();
                var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables)
                .contains(
                        "site",
                        "ward",
                        "zone",
                        "room",
                        "location",
                        "resident",
                        "staff",
                        "staff_role",
                        "device",
                        "flyway_schema_history");
    }

    @Test
    void created_facility_rows_can_be_found_again() {
        var site = store.createSite("Solsiden sykehjem");
        var ward = store.createWard(site.id(), "Avdeling 2 Øst");
        var zone = store.createZone(ward.id(), "Korridor A");
        var room = store.createRoom(zone.id(), "201", "Rom 201");
        var bed = store.createLocation(room.id(), LocationKind.BED, "Seng 1");

        assertThat(store.findSite(site.id())).contains(site);
        assertThat(store.findWard(ward.id())).contains(ward);
        assertThat(store.findZone(zone.id())).contains(zone);
        assertThat(store.findRoom(room.id())).contains(room);
        assertThat(store.findLocation(bed.id())).contains(bed);
        assertThat(store.findSite("no-such-site")).isEmpty();
    }

    @Test
    void registered_device_is_found_with_its_state() {
        var bed = bedIn(room("201"));
        var device = store.registerDevice("call-201", "CALL_BUTTON", "SN-0001", bed.id(), "1.2.0");

        assertThat(device.state()).isEqualTo(DeviceState.REGISTERED);
        assertThat(store.findDevice("call-201")).contains(device);
        assertThat(store.findDevice("call-999")).isEmpty();
    }

    @Test
    void device_state_and_last_report_can_be_updated() {
        store.registerDevice(
                "call-201", "CALL_BUTTON", "SN-0001", bedIn(room("201")).id(), null);
        Instant seen = Instant.parse("2026-11-23T08:15:30.123456Z");

        assertThat(store.updateDeviceState("call-201", DeviceState.ACTIVE)).isTrue();
        assertThat(store.recordDeviceSeen("call-201", seen, "1.3.0", 87)).isTrue();
        assertThat(store.updateDeviceState("call-999", DeviceState.ACTIVE)).isFalse();

        var device = store.findDevice("call-201").orElseThrow();
        assertThat(device.state()).isEqualTo(DeviceState.ACTIVE);
        assertThat(device.firmware()).isEqualTo("1.3.0");
        assertThat(device.batteryPercent()).isEqualTo(87);
        assertThat(device.lastSeen()).isEqualTo(seen);
    }

    @Test
    void device_serial_is_unique() {
        store.registerDevice("call-201", "CALL_BUTTON", "SN-0001", null, null);

        assertThatThrownBy(() -> store.registerDevice("call-202", "CALL_BUTTON", "SN-0001", null, null))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(store.findDevice("call-202")).isEmpty();
    }

    @Test
    void room_lists_its_devices() {
        var room201 = room("201");
        var room202 =
                store.createRoom(store.findRoom(room201.id()).orElseThrow().zoneId(), "202", "Rom 202");
        var bed = bedIn(room201);
        var bathroom = store.createLocation(room201.id(), LocationKind.BATHROOM, "Bad");
        store.registerDevice("call-201-bed", "CALL_BUTTON", "SN-1", bed.id(), null);
        store.registerDevice("call-201-bath", "CALL_BUTTON", "SN-2", bathroom.id(), null);
        store.registerDevice("call-202", "CALL_BUTTON", "SN-3", bedIn(room202).id(), null);
        store.registerDevice("in-stock", "CALL_BUTTON", "SN-4", null, null);

        assertThat(store.devicesInRoom(room201.id()))
                .extracting(DeviceRecord::deviceId)
                .containsExactly("call-201-bath", "call-201-bed");
        assertThat(store.locationsInRoom(room201.id()))
                .extracting(LocationRecord::label)
                .containsExactly("Bad", "Seng 1");
    }

    @Test
    void unknown_foreign_key_is_refused() {
        assertThatThrownBy(() -> store.createWard("no-such-site", "Avdeling 1"))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> store.registerDevice("call-201", "CALL_BUTTON", "SN-1", "no-such-location", null))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(store.findDevice("call-201")).isEmpty();
    }

    @Test
    void values_outside_the_schema_checks_are_refused() {
        var bed = bedIn(room("201"));
        assertThatThrownBy(() -> store.createSite(" ")).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> database.jdbc().inTransaction(c -> {
                    try (var statement =
                            c.prepareStatement("INSERT INTO device (device_id, type, serial, location_id, state)"
                                    + " VALUES ('x', 'CALL_BUTTON', 'SN-X', ?, 'BROKEN')")) {
                        statement.setString(1, bed.id());
                        return statement.executeUpdate();
                    }
                }))
                .isInstanceOf(ConstraintViolationException.class);
        store.registerDevice("call-201", "CALL_BUTTON", "SN-1", bed.id(), null);
        assertThatThrownBy(() -> store.recordDeviceSeen("call-201", Instant.now(), null, 101))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void failed_multi_step_write_leaves_nothing() {
        var bed = bedIn(room("201"));
        store.registerDevice("call-201", "CALL_BUTTON", "SN-1", bed.id(), null);
        store.updateDeviceState("call-201", DeviceState.ACTIVE);
        store.registerDevice("spare", "CALL_BUTTON", "SN-2", null, null);

        // The old device is marked REPLACED first; the new one then collides with the spare's serial.
        assertThatThrownBy(() -> store.replaceDevice("call-201", "call-201b", "SN-2", null))
                .isInstanceOf(ConstraintViolationException.class);

        var old = store.findDevice("call-201").orElseThrow();
        assertThat(old.state()).isEqualTo(DeviceState.ACTIVE);
        assertThat(old.locationId()).isEqualTo(bed.id());
        assertThat(store.findDevice("call-201b")).isEmpty();
    }

    @Test
    void failed_room_creation_stores_neither_room_nor_locations() {
        var zoneId = room("201").zoneId();
        List<NewLocation> locations =
                List.of(new NewLocation(LocationKind.BED, "Seng 1"), new NewLocation(LocationKind.BED, "Seng 1"));

        assertThatThrownBy(() -> store.createRoomWithLocations(zoneId, "202", "Rom 202", locations))
                .isInstanceOf(ConstraintViolationException.class);

        var room = store.createRoomWithLocations(
                zoneId, "202", "Rom 202", List.of(new NewLocation(LocationKind.BED, "Seng 1")));
        assertThat(store.locationsInRoom(room.id())).hasSize(1);
    }

    @Test
    void successful_replacement_moves_the_location_to_the_new_device() {
        var bed = bedIn(room("201"));
        store.registerDevice("call-201", "CALL_BUTTON", "SN-1", bed.id(), null);

        var replacement = store.replaceDevice("call-201", "call-201b", "SN-9", "2.0.0");

        assertThat(replacement.state()).isEqualTo(DeviceState.ACTIVE);
        assertThat(store.findDevice("call-201b")).contains(replacement);
        assertThat(store.findDevice("call-201")).map(DeviceRecord::state).isEqualTo(Optional.of(DeviceState.REPLACED));
        assertThat(store.devicesInRoom(bed.roomId()))
                .extracting(DeviceRecord::deviceId)
                .containsExactly("call-201b");
    }

    private RoomRecord room(String number) {
        var site = store.createSite("Solsiden sykehjem");
        var ward = store.createWard(site.id(), "Avdeling 2 Øst");
        var zone = store.createZone(ward.id(), "Korridor A");
        return store.createRoom(zone.id(), number, "Rom " + number);
    }

    private LocationRecord bedIn(RoomRecord room) {
        return store.createLocation(room.id(), LocationKind.BED, "Seng 1");
    }
}
