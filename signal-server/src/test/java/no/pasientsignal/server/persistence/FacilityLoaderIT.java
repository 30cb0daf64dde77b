package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.pasientsignal.server.facility.DeviceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call path's device directory, built from a real (H2 file) database. */
class FacilityLoaderIT {

    @TempDir
    Path dataDir;

    private Database database;
    private JdbcFacilityStore store;

    @BeforeEach
    void start() {
        database = Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 2);
        store = new JdbcFacilityStore(database.jdbc());
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void demo_ward_is_seeded_once_into_an_empty_database() {
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");

        var directory = FacilityLoader.load(store);
        assertThat(directory.devices()).hasSize(8);
        assertThat(directory.device("call-203")).hasValueSatisfying(device -> {
            assertThat(device.type()).isEqualTo(DeviceType.CALL_BUTTON);
            assertThat(device.room().name()).isEqualTo("Rom 203");
            assertThat(device.room().wardName()).isEqualTo("Avdeling 2 Øst");
        });
    }

    @Test
    void demo_ward_is_not_seeded_where_a_site_exists() {
        store.createSite("Solsiden sykehjem");
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        assertThat(FacilityLoader.load(store).devices()).isEmpty();
    }

    @Test
    void decommissioned_replaced_and_unmounted_devices_are_not_in_service() {
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        store.updateDeviceState("call-201", DeviceState.DECOMMISSIONED);
        store.replaceDevice("call-202", "call-202b", "SER-202B", null);
        store.registerDevice("spare-1", DeviceType.CALL_BUTTON.name(), "SER-SPARE", null, null);

        var directory = FacilityLoader.load(store);

        assertThat(directory.device("call-201")).isEmpty();
        assertThat(directory.device("call-202")).isEmpty();
        assertThat(directory.device("call-202b"))
                .hasValueSatisfying(d -> assertThat(d.room().name()).isEqualTo("Rom 202"));
        assertThat(directory.device("spare-1")).isEmpty();
    }

    @Test
    void a_single_device_is_placed_only_while_mounted_and_in_service() {
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        store.registerDevice("spare-2", DeviceType.CALL_BUTTON.name(), "SER-SPARE-2", null, null);
        store.updateDeviceState("call-204", DeviceState.DECOMMISSIONED);

        assertThat(store.placedDevice("call-203"))
                .hasValueSatisfying(d -> assertThat(d.roomName()).isEqualTo("Rom 203"));
        assertThat(store.placedDevice("call-204")).isEmpty();
        assertThat(store.placedDevice("spare-2")).isEmpty();
        assertThat(store.placedDevice("no-such-device")).isEmpty();
    }

    @Test
    void devices_survive_a_restart() {
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        database.close();
        database = Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 2);
        store = new JdbcFacilityStore(database.jdbc());

        assertThat(FacilityLoader.load(store).devices()).hasSize(8);
    }

    @Test
    void a_device_of_a_type_this_server_does_not_know_stays_refused() {
        FacilityLoader.seedDemoWardIfEmpty(store, "Demo sykehjem");
        var bed = store.locationsInRoom(locationRoom("call-203")).getFirst();
        store.registerDevice("future-1", "HOLOGRAM_PROJECTOR", "SER-F1", bed.id(), null);
        assertThat(FacilityLoader.load(store).device("future-1")).isEmpty();
    }

    private String locationRoom(String deviceId) {
        String locationId = store.findDevice(deviceId).orElseThrow().locationId();
        return store.findLocation(locationId).orElseThrow().roomId();
    }
}
