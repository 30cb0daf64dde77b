package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.JdbcEnrolmentStore.RevocationReason;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.provisioning.EnrolmentCredential;
import no.pasientsignal.server.provisioning.EnrolmentRepository.Completion;
import no.pasientsignal.server.provisioning.EnrolmentRepository.IssuedCertificate;
import no.pasientsignal.server.provisioning.EnrolmentRepository.NewDevice;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every supported database must do with enrolment credentials, issued certificates and the
 * device life cycle. Each subclass runs it against a real database; each test gets a new, empty one.
 */
abstract class EnrolmentStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    protected abstract Database startEmptyDatabase() throws Exception;

    private Database database;
    private JdbcFacilityStore facility;
    private JdbcEnrolmentStore store;
    private String bed;
    private int serials;

    @BeforeEach
    void startDatabase() throws Exception {
        database = startEmptyDatabase();
        facility = new JdbcFacilityStore(database.jdbc());
        store = new JdbcEnrolmentStore(database.jdbc(), facility);
        new JdbcStaffStore(database.jdbc())
                .add(new StaffAccount("tekniker", "Tekniker", EnumSet.of(Role.TECHNICIAN), "hash"));
        var site = facility.createSite("Solsiden");
        var ward = facility.createWard(site.id(), "Avdeling 2 Øst");
        var zone = facility.createZone(ward.id(), "Sone 1");
        var room = facility.createRoomWithLocations(
                zone.id(), "201", "Rom 201", List.of(new NewLocation(LocationKind.BED, "Seng")));
        bed = facility.locationsInRoom(room.id()).getFirst().id();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void registered_device_has_its_credential_usable_until_it_expires() {
        var credential = credential("call-1", T0);
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential);

        assertThat(store.standing("call-1")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo("REGISTERED");
            assertThat(s.inService()).isTrue();
        });
        assertThat(store.placedDevice("call-1")).hasValueSatisfying(d -> {
            assertThat(d.room().name()).isEqualTo("Rom 201");
            assertThat(d.location()).contains(LocationKind.BED);
        });
        assertThat(store.usableCredential(credential.identity(), T0)).contains(credential);
        assertThat(store.usableCredential(credential.identity(), T0.plus(DAY).minusMillis(1)))
                .isPresent();
        assertThat(store.usableCredential(credential.identity(), T0.plus(DAY))).isEmpty();
        assertThat(store.usableCredential("enrol-unknown", T0)).isEmpty();
    }

    @Test
    void a_new_credential_voids_the_earlier_unspent_one() {
        var first = credential("call-1", T0);
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), first);
        var second = credential("call-1", T0.plusSeconds(60));

        assertThat(store.issueCredential(second, T0.plusSeconds(60))).isTrue();

        assertThat(store.usableCredential(first.identity(), T0.plusSeconds(61))).isEmpty();
        assertThat(store.usableCredential(second.identity(), T0.plusSeconds(61)))
                .contains(second);
    }

    @Test
    void enrolment_spends_the_credential_once_records_the_certificate_and_activates_the_device() {
        var credential = credential("call-1", T0);
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential);
        var certificate = certificate("call-1", T0);

        assertThat(store.completeEnrolment(credential.identity(), certificate, T0.plusSeconds(5)))
                .isEqualTo(new Completion.Enrolled(List.of()));
        assertThat(store.completeEnrolment(credential.identity(), certificate("call-1", T0), T0.plusSeconds(6)))
                .isInstanceOf(Completion.CredentialUnusable.class);

        assertThat(store.standing("call-1").orElseThrow().state()).isEqualTo("ACTIVE");
        assertThat(store.usableCredential(credential.identity(), T0.plusSeconds(7)))
                .isEmpty();
        assertThat(store.certificates("call-1")).singleElement().satisfies(c -> {
            assertThat(c.serial()).isEqualTo(certificate.serial());
            assertThat(c.revokedAt()).isNull();
        });
    }

    @Test
    void concurrent_enrolments_with_one_credential_let_exactly_one_win() throws Exception {
        var credential = credential("call-1", T0);
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential);
        int racers = 4;
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Completion>>();
        try (var pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                var certificate = certificate("call-1", T0);
                Callable<Completion> race = () -> {
                    start.await();
                    return store.completeEnrolment(credential.identity(), certificate, T0.plusSeconds(1));
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            var outcomes = new ArrayList<Completion>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes)
                    .filteredOn(Completion.Enrolled.class::isInstance)
                    .hasSize(1);
            assertThat(outcomes)
                    .filteredOn(Completion.CredentialUnusable.class::isInstance)
                    .hasSize(racers - 1);
        }
        assertThat(store.certificates("call-1")).hasSize(1);
    }

    @Test
    void expired_or_foreign_credential_cannot_be_spent() {
        var credential = credential("call-1", T0);
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential);
        store.registerDevice(new NewDevice("call-2", "CALL_BUTTON", "SN-2", bed), credential("call-2", T0));

        assertThat(store.completeEnrolment(credential.identity(), certificate("call-1", T0), T0.plus(DAY)))
                .isInstanceOf(Completion.CredentialUnusable.class);
        // A credential only ever enrols the device it was issued for.
        assertThat(store.completeEnrolment(credential.identity(), certificate("call-2", T0), T0))
                .isInstanceOf(Completion.CredentialUnusable.class);
        assertThat(store.certificates("call-1")).isEmpty();
        assertThat(store.certificates("call-2")).isEmpty();
    }

    @Test
    void re_enrolment_supersedes_the_earlier_certificate() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        var first = enrol("call-1", credentialOf("call-1"), T0);
        var again = credential("call-1", T0.plusSeconds(10));
        store.issueCredential(again, T0.plusSeconds(10));

        assertThat(store.completeEnrolment(again.identity(), certificate("call-1", T0), T0.plusSeconds(20)))
                .isEqualTo(new Completion.Enrolled(List.of(first)));

        assertThat(store.certificates("call-1"))
                .filteredOn(c -> c.serial().equals(first))
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(RevocationReason.SUPERSEDED));
        assertThat(store.revokedSerials(T0.plusSeconds(30))).containsExactly(first);
    }

    @Test
    void decommissioning_revokes_certificates_voids_credentials_and_unmounts() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        String serial = enrol("call-1", credentialOf("call-1"), T0);
        var unspent = credential("call-1", T0.plusSeconds(1));
        store.issueCredential(unspent, T0.plusSeconds(1));

        assertThat(store.decommission("call-1", T0.plusSeconds(2))).contains(List.of(serial));

        assertThat(store.standing("call-1").orElseThrow().state()).isEqualTo("DECOMMISSIONED");
        assertThat(facility.findDevice("call-1").orElseThrow().locationId()).isNull();
        assertThat(store.placedDevice("call-1")).isEmpty();
        assertThat(store.usableCredential(unspent.identity(), T0.plusSeconds(3)))
                .isEmpty();
        assertThat(store.revokedSerials(T0.plusSeconds(3))).containsExactly(serial);
        assertThat(store.retiredDevices()).containsExactly("call-1");
        assertThat(store.issueCredential(credential("call-1", T0.plusSeconds(4)), T0.plusSeconds(4)))
                .isFalse();
        assertThat(store.decommission("call-1", T0.plusSeconds(5))).isEmpty();
        assertThat(store.decommission("no-such-device", T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void replacement_takes_over_the_location_and_revokes_the_old_device() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        String serial = enrol("call-1", credentialOf("call-1"), T0);
        var forNew = credential("call-1b", T0.plusSeconds(1));

        assertThat(store.replace("call-1", "call-1b", "SN-1B", forNew, T0.plusSeconds(1)))
                .contains(List.of(serial));

        var old = facility.findDevice("call-1").orElseThrow();
        var replacement = facility.findDevice("call-1b").orElseThrow();
        assertThat(old.state()).isEqualTo(DeviceState.REPLACED);
        assertThat(old.locationId()).isNull();
        assertThat(replacement.state()).isEqualTo(DeviceState.REGISTERED);
        assertThat(replacement.locationId()).isEqualTo(bed);
        assertThat(replacement.type()).isEqualTo("CALL_BUTTON");
        assertThat(store.usableCredential(forNew.identity(), T0.plusSeconds(2))).contains(forNew);
        assertThat(store.retiredDevices()).containsExactly("call-1");
        assertThat(store.revokedSerials(T0.plusSeconds(2))).containsExactly(serial);
    }

    @Test
    void refused_replacement_writes_nothing() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        store.registerDevice(new NewDevice("call-2", "CALL_BUTTON", "SN-2", bed), credential("call-2", T0));
        String serial = enrol("call-1", credentialOf("call-1"), T0);

        // The new device's serial is taken: the whole replacement is rolled back.
        assertThatThrownBy(
                        () -> store.replace("call-1", "call-1b", "SN-2", credential("call-1b", T0), T0.plusSeconds(1)))
                .isInstanceOf(ConstraintViolationException.class);

        assertThat(store.standing("call-1").orElseThrow().state()).isEqualTo("ACTIVE");
        assertThat(facility.findDevice("call-1").orElseThrow().locationId()).isEqualTo(bed);
        assertThat(store.standing("call-1b")).isEmpty();
        assertThat(store.certificates("call-1"))
                .singleElement()
                .satisfies(c -> assertThat(c.serial()).isEqualTo(serial));
        assertThat(store.revokedSerials(T0.plusSeconds(2))).isEmpty();
        assertThat(store.retiredDevices()).isEmpty();
        assertThat(store.replace("no-such", "call-9", "SN-9", credential("call-9", T0), T0))
                .isEmpty();
    }

    @Test
    void registering_a_taken_device_id_writes_no_credential() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        var duplicate = credential("call-1", T0);

        assertThatThrownBy(() -> store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-X", bed), duplicate))
                .isInstanceOf(ConstraintViolationException.class);

        assertThat(store.usableCredential(duplicate.identity(), T0)).isEmpty();
    }

    @Test
    void expired_revoked_certificates_are_not_loaded_any_more() {
        store.registerDevice(new NewDevice("call-1", "CALL_BUTTON", "SN-1", bed), credential("call-1", T0));
        String serial = enrol("call-1", credentialOf("call-1"), T0);
        store.decommission("call-1", T0.plusSeconds(1));

        // certificate(...) makes certificates valid for 30 days
        assertThat(store.revokedSerials(T0.plus(Duration.ofDays(29)))).containsExactly(serial);
        assertThat(store.revokedSerials(T0.plus(Duration.ofDays(31)))).isEmpty();
        assertThat(store.retiredDevices()).containsExactly("call-1");
    }

    // --- helpers -------------------------------------------------------------------------------

    private final java.util.Map<String, EnrolmentCredential> latest = new java.util.HashMap<>();

    private EnrolmentCredential credential(String deviceId, Instant issuedAt) {
        var credential = new EnrolmentCredential(
                "enrol-" + UUID.randomUUID(),
                deviceId,
                HexFormat.of().formatHex(randomSecret()),
                issuedAt,
                issuedAt.plus(DAY),
                "tekniker");
        latest.put(deviceId, credential);
        return credential;
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[EnrolmentCredential.SECRET_BYTES];
        new java.security.SecureRandom().nextBytes(secret);
        return secret;
    }

    private EnrolmentCredential credentialOf(String deviceId) {
        return latest.get(deviceId);
    }

    private IssuedCertificate certificate(String deviceId, Instant issuedAt) {
        return new IssuedCertificate(
                Integer.toHexString(++serials) + "abc", deviceId, issuedAt, issuedAt.plus(Duration.ofDays(30)));
    }

    /** Enrols with the credential and returns the certificate's serial. */
    private String enrol(String deviceId, EnrolmentCredential credential, Instant at) {
        var certificate = certificate(deviceId, at);
        assertThat(store.completeEnrolment(credential.identity(), certificate, at))
                .isInstanceOf(Completion.Enrolled.class);
        return certificate.serial();
    }
}
