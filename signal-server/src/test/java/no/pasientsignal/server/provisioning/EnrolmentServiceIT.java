package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.pasientsignal.certs.Csr;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.Database;
import no.pasientsignal.server.persistence.JdbcEnrolmentStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.persistence.JdbcStaffStore;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrolment service's rules, on a real (in-memory H2) database and a clock moved by hand. */
class EnrolmentServiceIT {

    private static final SiteCa CA = SiteCa.create("Solsiden", Duration.ofDays(3650));
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @TempDir
    Path journalDir;

    private final FacilityDirectory directory = new FacilityDirectory();
    private final Revocations revocations = new Revocations();
    private final List<Revocation> heard = new ArrayList<>();
    private Database database;
    private Journal journal;
    private EnrolmentService service;
    private String bed;
    private String roomId;

    @BeforeEach
    void start() {
        journal = Journal.open(journalDir, clock, 1 << 20, 1000);
        database = Database.start("jdbc:h2:mem:enrolment-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 4);
        var facility = new JdbcFacilityStore(database.jdbc());
        new JdbcStaffStore(database.jdbc())
                .add(new StaffAccount("tekniker", "Tekniker", EnumSet.of(Role.TECHNICIAN), "hash"));
        var site = facility.createSite("Solsiden");
        var ward = facility.createWard(site.id(), "Avdeling 2 Øst");
        var zone = facility.createZone(ward.id(), "Sone 1");
        var room = facility.createRoomWithLocations(
                zone.id(), "201", "Rom 201", List.of(new NewLocation(LocationKind.BED, "Seng")));
        roomId = room.id();
        bed = facility.locationsInRoom(room.id()).getFirst().id();
        service = new EnrolmentService(
                clock,
                new EnrolmentSettings(Duration.ofHours(2), Duration.ofDays(30)),
                new JdbcEnrolmentStore(database.jdbc(), facility),
                CA,
                directory,
                revocations,
                new AuditLog(journal));
        revocations.subscribe(heard::add);
    }

    @AfterEach
    void stop() {
        database.close();
        journal.close();
    }

    @Test
    void credential_lasts_the_configured_lifetime_on_the_servers_clock() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);

        assertThat(credential.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(credential.identity()).startsWith("enrol-");
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(service.preSharedKey(credential.identity()))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(credential.secret()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.preSharedKey(credential.identity())).isEmpty();
        assertThat(enrol(credential)).isInstanceOf(EnrolmentResult.CredentialRefused.class);
    }

    @Test
    void enrolment_names_the_registered_device_whatever_the_csr_asks_and_makes_it_active() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        assertThat(directory.device("call-1")).isPresent();

        var result = service.enrol(credential.identity(), Csr.create(Keys.generateEc(), "someone-else"));

        assertThat(result).isInstanceOfSatisfying(EnrolmentResult.Enrolled.class, enrolled -> {
            assertThat(DeviceIdentity.deviceId(enrolled.certificate())).contains("call-1");
            assertThat(enrolled.certificate().getNotAfter().toInstant())
                    .isBefore(Instant.now().plus(Duration.ofDays(31)));
        });
        assertThat(directory.device("call-1"))
                .hasValueSatisfying(d -> assertThat(d.room().roomId()).isEqualTo(roomId));
        assertThat(enrol(credential)).isInstanceOf(EnrolmentResult.CredentialRefused.class);
    }

    @Test
    void an_enrolment_goes_into_the_audit_journal_by_the_device_with_its_certificate_never_the_secret() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        var enrolled = (EnrolmentResult.Enrolled) enrol(credential);

        var entries = new ArrayList<AuditLog.Entry>();
        await().until(() -> {
            entries.clear();
            Journal.readDirectory(journalDir, 1, r -> entries.add(AuditLog.decode(r.payload())));
            return !entries.isEmpty();
        });
        var entry = entries.getFirst();
        assertThat(entry.action()).isEqualTo("device.enrol");
        assertThat(entry.actor()).isEqualTo("call-1");
        assertThat(entry.subject()).isEqualTo("call-1");
        assertThat(entry.details())
                .containsEntry("credential", credential.identity())
                .containsEntry(
                        "certificate", Revocations.serial(enrolled.certificate().getSerialNumber()));
        assertThat(entry.toString()).doesNotContain(credential.secretHex());
    }

    @Test
    void a_device_in_stock_enrols_but_stays_off_the_call_path() {
        var credential = service.registerDevice("spare-1", DeviceType.CALL_BUTTON, "SN-S1", null, null);

        assertThat(enrol(credential)).isInstanceOf(EnrolmentResult.Enrolled.class);
        assertThat(directory.device("spare-1")).isEmpty();
    }

    @Test
    void a_bad_request_leaves_the_credential_usable() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        byte[] tampered = Csr.create(Keys.generateEc(), "call-1");
        tampered[tampered.length - 3] ^= 0x10;

        assertThat(service.enrol(credential.identity(), tampered))
                .isInstanceOfSatisfying(
                        EnrolmentResult.BadRequest.class,
                        bad -> assertThat(bad.reason()).contains("signature"));
        assertThat(service.enrol(credential.identity(), "not a CSR".getBytes()))
                .isInstanceOf(EnrolmentResult.BadRequest.class);
        assertThat(enrol(credential)).isInstanceOf(EnrolmentResult.Enrolled.class);
    }

    @Test
    void a_fresh_credential_voids_the_earlier_one_and_re_enrolment_revokes_the_old_certificate() {
        var first = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        X509Certificate old = certificateOf(enrol(first));
        var unused = ((DeviceChange.Done) service.issueCredential("call-1", "tekniker"))
                .credential()
                .orElseThrow();
        var fresh = ((DeviceChange.Done) service.issueCredential("call-1", "tekniker"))
                .credential()
                .orElseThrow();

        assertThat(service.preSharedKey(unused.identity())).isEmpty();
        X509Certificate current = certificateOf(enrol(fresh));

        assertThat(revocations.refusal(old)).isPresent();
        assertThat(revocations.refusal(current)).isEmpty();
        assertThat(heard)
                .singleElement()
                .satisfies(r -> assertThat(r.deviceRetired()).isFalse());
    }

    @Test
    void decommissioning_revokes_removes_from_the_call_path_and_tells_the_listeners() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        X509Certificate certificate = certificateOf(enrol(credential));

        assertThat(service.decommission("call-1", "tekniker"))
                .isEqualTo(new DeviceChange.Done("call-1", Optional.empty()));

        assertThat(revocations.refusal(certificate)).isPresent();
        assertThat(directory.device("call-1")).isEmpty();
        assertThat(heard).singleElement().satisfies(r -> {
            assertThat(r.deviceId()).isEqualTo("call-1");
            assertThat(r.deviceRetired()).isTrue();
            assertThat(r.serials()).containsExactly(Revocations.serial(certificate.getSerialNumber()));
        });
        assertThat(service.decommission("call-1", "tekniker"))
                .isEqualTo(new DeviceChange.NotInService("call-1", "DECOMMISSIONED"));
        assertThat(service.issueCredential("call-1", "tekniker"))
                .isEqualTo(new DeviceChange.NotInService("call-1", "DECOMMISSIONED"));
        assertThat(service.decommission("call-404", "tekniker")).isEqualTo(new DeviceChange.NoSuchDevice("call-404"));
    }

    @Test
    void replacement_puts_the_new_device_at_the_old_ones_place() {
        var credential = service.registerDevice("call-1", DeviceType.CALL_BUTTON, "SN-1", bed, null);
        X509Certificate old = certificateOf(enrol(credential));

        var change = service.replace("call-1", "call-1b", "SN-1B", "tekniker");

        assertThat(change).isInstanceOfSatisfying(DeviceChange.Done.class, done -> {
            assertThat(done.deviceId()).isEqualTo("call-1b");
            assertThat(enrol(done.credential().orElseThrow())).isInstanceOf(EnrolmentResult.Enrolled.class);
        });
        assertThat(directory.device("call-1")).isEmpty();
        assertThat(directory.device("call-1b"))
                .hasValueSatisfying(d -> assertThat(d.room().roomId()).isEqualTo(roomId));
        assertThat(revocations.refusal(old)).isPresent();
        assertThat(revocations.isRetired("call-1")).isTrue();
        assertThat(service.replace("call-1", "call-1c", "SN-1C", "tekniker"))
                .isEqualTo(new DeviceChange.NotInService("call-1", "REPLACED"));
    }

    private EnrolmentResult enrol(EnrolmentCredential credential) {
        return service.enrol(credential.identity(), Csr.create(Keys.generateEc(), credential.deviceId()));
    }

    private static X509Certificate certificateOf(EnrolmentResult result) {
        assertThat(result).isInstanceOf(EnrolmentResult.Enrolled.class);
        return ((EnrolmentResult.Enrolled) result).certificate();
    }
}
