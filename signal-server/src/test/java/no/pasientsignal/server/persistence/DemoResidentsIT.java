package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo residents, roster and care plan, and the location kinds the call path's directory
 * carries, on a real database.
 */
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

    @Test
    void the_demo_roster_has_the_nurse_primary_by_day_and_evening_and_night_staff_alone_at_night_once() {
        FacilityLoader.seedDemoWardIfEmpty(facility, "Demo sykehjem");
        new StaffDirectory(new PasswordHasher(1024, 1, 1), staff).seedDemoStaffIfEmpty();
        var routing = new JdbcRoutingStore(database.jdbc());

        FacilityLoader.seedDemoRoutingIfNone(routing, facility, staff, "Demo sykehjem");
        FacilityLoader.seedDemoRoutingIfNone(routing, facility, staff, "Demo sykehjem");

        var all = routing.all();
        assertThat(all).hasSize(1);
        var saved = all.values().iterator().next();
        assertThat(saved.policy()).isEqualTo(EscalationPolicy.defaults());
        assertThat(saved.zone().getId()).isEqualTo("Europe/Oslo");
        var roster = saved.roster();
        assertThat(roster.assignments())
                .extracting(
                        a -> a.shift() + " " + a.staff() + (a.primary() ? " primary" : "") + (a.lead() ? " lead" : ""))
                .containsExactly(
                        "day sykepleier primary lead",
                        "day helsefag",
                        "evening sykepleier primary lead",
                        "evening helsefag",
                        "night natt primary lead");
        assertThat(roster.assignments()).allSatisfy(a -> assertThat(a.zoneIds()).hasSize(1));
        // One zone in the demo ward: nothing to merge at night.
        assertThat(roster.merges()).isEmpty();
        assertThat(roster.responseCentre()).isNull();
    }

    @Test
    void without_the_demo_ward_no_roster_is_seeded() {
        facility.createSite("Demo sykehjem");
        var routing = new JdbcRoutingStore(database.jdbc());

        FacilityLoader.seedDemoRoutingIfNone(routing, facility, staff, "Demo sykehjem");

        assertThat(routing.isEmpty()).isTrue();
    }

    @Test
    void the_resident_of_room_203_gets_the_demo_care_plan_with_consent_once() {
        FacilityLoader.seedDemoWardIfEmpty(facility, "Demo sykehjem");
        new StaffDirectory(new PasswordHasher(1024, 1, 1), staff).seedDemoStaffIfEmpty();
        FacilityLoader.seedDemoResidentsIfNone(residents, facility, staff);
        var carePlans = new JdbcCarePlanStore(database.jdbc());
        Instant now = Instant.parse("2026-11-23T12:00:00.123Z");

        FacilityLoader.seedDemoCarePlanIfNone(carePlans, residents, facility, staff, now);
        FacilityLoader.seedDemoCarePlanIfNone(carePlans, residents, facility, staff, now.plusSeconds(60));

        var night = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(carePlans.all()).singleElement().satisfies(plan -> {
            assertThat(facility.findRoom(plan.roomId()).orElseThrow().number()).isEqualTo("203");
            assertThat(plan.rules())
                    .containsExactly(
                            new PassiveRule(PassiveRule.Kind.BED_EXIT, night, null),
                            new PassiveRule(PassiveRule.Kind.OUT_OF_BED_TOO_LONG, night, Duration.ofMinutes(30)));
            assertThat(plan.bases()).singleElement().satisfies(basis -> {
                assertThat(basis.kind()).isEqualTo(LegalBasis.Kind.CONSENT);
                assertThat(basis.recordedBy()).isEqualTo("sykepleier");
                assertThat(basis.validFrom()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
                assertThat(basis.validUntil()).isNull();
            });
            assertThat(plan.inForce())
                    .hasValueSatisfying(p -> assertThat(p.allowedAt(now)).isTrue());
        });
    }
}
