package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo residents and the location kinds the call path's directory carries, on a real database. */
class DemoResidentsIT {

    @TempDir
    Path dataDir;

    private Database database;
    private JdbcFacilityStore facility;
    private JdbcResidentStore residents;
    private JdbcStaffStore staff;

    @BeforeEach
    void start() {
        database = Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 2);
        facility = new JdbcFacilityStore(database.jdbc());
        residents = new JdbcResidentStore(database.jdbc());
        staff = new JdbcStaffStore(database.jdbc());
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void each_demo_room_gets_one_resident_once_with_the_demo_nurse_and_room_205_also_needs_a_bed_sensor() {
        FacilityLoader.seedDemoWardIfEmpty(facility, "Demo sykehjem");
        new StaffDirectory(new PasswordHasher(1024, 1, 1), staff).seedDemoStaffIfEmpty();

        FacilityLoader.seedDemoResidentsIfNone(residents, facility, staff);
        FacilityLoader.seedDemoResidentsIfNone(residents, facility, staff);

        var all = FacilityLoader.loadResidents(residents).all();
        assertThat(all).hasSize(8).allSatisfy(r -> {
            assertThat(r.responsibleNurse()).isEqualTo("sykepleier");
            assertThat(r.needs())
                    .contains(new CareNeed(DeviceType.CALL_BUTTON, no.pasientsignal.server.facility.LocationKind.BED));
        });
        String room205 = facility.rooms().stream()
                .filter(r -> r.number().equals("205"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(all)
                .filteredOn(r -> room205.equals(r.roomId()))
                .singleElement()
                .satisfies(r -> assertThat(r.needs()).hasSize(2));
        assertThat(all).extracting(Resident::displayName).contains("Astrid Hansen", "Arne Bakken");
    }

    @Test
    void without_the_demo_nurse_residents_have_none_and_without_demo_rooms_none_are_seeded() {
        var directory = new StaffDirectory(new PasswordHasher(1024, 1, 1), staff);
        directory.add("kari", "Kari", Set.of(Role.NURSE), "kari-secret-12".toCharArray());
        FacilityLoader.seedDemoResidentsIfNone(residents, facility, staff);
        assertThat(residents.isEmpty()).isTrue();

        FacilityLoader.seedDemoWardIfEmpty(facility, "Demo sykehjem");
        FacilityLoader.seedDemoResidentsIfNone(residents, facility, staff);
        assertThat(residents.all())
                .hasSize(8)
                .allSatisfy(r -> assertThat(r.responsibleNurse()).isNull());
    }

    @Test
    void loaded_devices_know_the_kind_of_location_they_are_mounted_at() {
        FacilityLoader.seedDemoWardIfEmpty(facility, "Demo sykehjem");

        assertThat(FacilityLoader.load(facility).device("call-201"))
                .hasValueSatisfying(
                        d -> assertThat(d.locationKind()).isEqualTo(no.pasientsignal.server.facility.LocationKind.BED));
    }
}
