package no.pasientsignal.server.provisioning;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.certs.CertificateIssueException;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.EnrolmentRepository.Completion;
import no.pasientsignal.server.provisioning.EnrolmentRepository.DeviceStanding;
import no.pasientsignal.server.provisioning.EnrolmentRepository.IssuedCertificate;
import no.pasientsignal.server.provisioning.EnrolmentRepository.NewDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bringing devices into service and taking them out: one-time enrolment credentials, signing a
 * device's CSR with the site CA (EST simple enrolment), replacing and decommissioning with their
 * certificates revoked. Transport-free: the CoAP and HTTP layers translate to and from it.
 *
 * <p>A credential is a random PSK identity and a 256-bit secret, valid for {@link
 * EnrolmentSettings#credentialLifetime()} and spent by the first successful enrolment; issuing a
 * new one voids the device's earlier unspent ones. The certificate always names the device the
 * credential was issued for, whatever the CSR asks for. Revocations are in force for new
 * handshakes as soon as the method that made them returns, and listeners of {@link Revocations}
 * are told so that existing sessions can be dropped.
 *
 * <p>Enrolments over EST (by the device itself, with its credential) are written to the audit
 * journal here; changes made by people over the API are journaled by the API, which waits for the
 * entry. The enrolment does not wait: the certificate is issued and stored by then, and refusing
 * the device would not undo it; the journal keeps an entry it cannot write yet and writes it later.
 */
public final class EnrolmentService {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentService.class);
    private static final int IDENTITY_BYTES = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final EnrolmentSettings settings;
    private final EnrolmentRepository repository;
    private final SiteCa ca;
    private final FacilityDirectory facility;
    private final Revocations revocations;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public EnrolmentService(
            Clock clock,
            EnrolmentSettings settings,
            EnrolmentRepository repository,
            SiteCa ca,
            FacilityDirectory facility,
            Revocations revocations,
            AuditLog audit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.facility = Objects.requireNonNull(facility, "facility");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The site CA certificate devices trust the server by (EST {@code crts}). */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    // --- technicians ----------------------------------------------------------------------------

    /**
     * Registers a device with its first enrolment credential, in one transaction. Mounted at a
     * location, it is known to the call path at once.
     *
     * @throws RuntimeException from the repository when the id or serial is taken (nothing written)
     */
    public EnrolmentCredential registerDevice(
            String deviceId, DeviceType type, String serial, String locationId, String issuedBy) {
        EnrolmentCredential credential = newCredential(deviceId, issuedBy);
        repository.registerDevice(new NewDevice(deviceId, type.name(), serial, locationId), credential);
        LOG.info(
                "Device {} ({}) registered by {}; enrolment credential {} issued",
                deviceId,
                type,
                issuedBy,
                credential.identity());
        makeKnown(deviceId);
        return credential;
    }

    /** A fresh credential for a device in service; its earlier unspent credentials stop working. */
    public DeviceChange issueCredential(String deviceId, String issuedBy) {
        Optional<DeviceChange> refused = refusal(deviceId);
        if (refused.isPresent()) {
            return refused.get();
        }
        EnrolmentCredential credential = newCredential(deviceId, issuedBy);
        if (!repository.issueCredential(credential, clock.instant())) {
            return refusal(deviceId).orElseThrow();
        }
        LOG.info("Enrolment credential {} issued for {} by {}", credential.identity(), deviceId, issuedBy);
        return new DeviceChange.Done(deviceId, Optional.of(credential));
    }

    /**
     * Takes a device out of service for good: DECOMMISSIONED, certificates revoked (its handshakes
     * fail from now on), gone from the call path, its sessions dropped.
     */
    public DeviceChange decommission(String deviceId, String by) {
        Optional<DeviceChange> refused = refusal(deviceId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<List<String>> revoked = repository.decommission(deviceId, clock.instant());
        if (revoked.isEmpty()) {
            return refusal(deviceId).orElseThrow();
        }
        facility.remove(deviceId);
        revocations.revoke(deviceId, revoked.get(), true);
        LOG.info(
                "Device {} decommissioned by {}; {} certificate(s) revoked",
                deviceId,
                by,
                revoked.get().size());
        return new DeviceChange.Done(deviceId, Optional.empty());
    }

    /**
     * A new device takes over a broken one's location (same type), in one transaction: the old one
     * REPLACED with its certificates revoked, the new one REGISTERED there with a fresh credential.
     */
    public DeviceChange replace(String oldDeviceId, String newDeviceId, String newSerial, String by) {
        Optional<DeviceChange> refused = refusal(oldDeviceId);
        if (refused.isPresent()) {
            return refused.get();
        }
        EnrolmentCredential credential = newCredential(newDeviceId, by);
        Optional<List<String>> revoked =
                repository.replace(oldDeviceId, newDeviceId, newSerial, credential, clock.instant());
        if (revoked.isEmpty()) {
            return refusal(oldDeviceId).orElseThrow();
        }
        facility.remove(oldDeviceId);
        revocations.revoke(oldDeviceId, revoked.get(), true);
        makeKnown(newDeviceId);
        LOG.info(
                "Device {} replaced by {} (by {}); {} certificate(s) revoked, credential {} issued",
                oldDeviceId,
                newDeviceId,
                by,
                revoked.get().size(),
                credential.identity());
        return new DeviceChange.Done(newDeviceId, Optional.of(credential));
    }

    // --- devices --------------------------------------------------------------------------------

    /**
     * The pre-shared key for a DTLS handshake with this identity; empty (the handshake fails) when
     * the identity is unknown, spent, voided or expired.
     */
    public Optional<byte[]> preSharedKey(String identity) {
        return repository.usableCredential(identity, clock.instant()).map(EnrolmentCredential::secret);
    }

    /**
     * EST simple enrolment: signs {@code pkcs10} for the device the credential was issued for,
     * spends the credential, records the certificate and makes the device active. A bad request
     * leaves the credential unspent so the device can try again.
     */
    public EnrolmentResult enrol(String identity, byte[] pkcs10) {
        Instant now = clock.instant();
        Optional<EnrolmentCredential> credential = repository.usableCredential(identity, now);
        if (credential.isEmpty()) {
            LOG.warn("Enrolment with unusable credential {} refused", identity);
            return new EnrolmentResult.CredentialRefused("enrolment credential is spent, voided or expired");
        }
        String deviceId = credential.get().deviceId();
        X509Certificate certificate;
        try {
            certificate = ca.signDeviceCsrFor(deviceId, pkcs10, settings.certificateValidity());
        } catch (CertificateIssueException e) {
            LOG.warn("Enrolment of {} refused: {}", deviceId, e.getMessage());
            return new EnrolmentResult.BadRequest(e.getMessage());
        }
        String serial = Revocations.serial(certificate.getSerialNumber());
        Completion completion = repository.completeEnrolment(
                identity,
                new IssuedCertificate(
                        serial, deviceId, now, certificate.getNotAfter().toInstant()),
                now);
        return switch (completion) {
            case Completion.CredentialUnusable _ -> {
                LOG.warn("Enrolment of {} refused: credential {} was spent meanwhile", deviceId, identity);
                yield new EnrolmentResult.CredentialRefused("enrolment credential is spent, voided or expired");
            }
            case Completion.DeviceOutOfService _ -> {
                LOG.warn("Enrolment of {} refused: the device is out of service", deviceId);
                yield new EnrolmentResult.DeviceRefused("device " + deviceId + " is out of service");
            }
            case Completion.Enrolled enrolled -> {
                if (!enrolled.supersededSerials().isEmpty()) {
                    revocations.revoke(deviceId, enrolled.supersededSerials(), false);
                }
                makeKnown(deviceId);
                LOG.info(
                        "Device {} enrolled: certificate {} until {}",
                        deviceId,
                        serial,
                        certificate.getNotAfter().toInstant());
                journal(
                        deviceId,
                        "device.enrol",
                        deviceId,
                        Map.of(
                                "credential", identity,
                                "certificate", serial,
                                "validUntil",
                                        certificate.getNotAfter().toInstant().toString()));
                yield new EnrolmentResult.Enrolled(deviceId, certificate);
            }
        };
    }

    // --- helpers --------------------------------------------------------------------------------

    /** An enrolment event into the audit journal, by the device (or credential) that asked. */
    private void journal(String actor, String action, String deviceId, Map<String, String> details) {
        audit.record(AuditLog.CONFIG_CHANGE, new AuditLog.Entry(actor, action, null, deviceId, details))
                .whenComplete((sequence, failure) -> {
                    if (failure != null) {
                        LOG.warn("{} of {} not yet in the audit journal: {}", action, actor, failure.getMessage());
                    }
                });
    }

    private EnrolmentCredential newCredential(String deviceId, String issuedBy) {
        byte[] identity = new byte[IDENTITY_BYTES];
        byte[] secret = new byte[EnrolmentCredential.SECRET_BYTES];
        random.nextBytes(identity);
        random.nextBytes(secret);
        // Millisecond precision: what both databases store, so a stored credential reads back equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new EnrolmentCredential(
                "enrol-" + HEX.formatHex(identity),
                deviceId,
                HEX.formatHex(secret),
                now,
                now.plus(settings.credentialLifetime()),
                issuedBy);
    }

    /** Why a change to this device is refused; empty when it is in service. */
    private Optional<DeviceChange> refusal(String deviceId) {
        Optional<DeviceStanding> standing = repository.standing(deviceId);
        if (standing.isEmpty()) {
            return Optional.of(new DeviceChange.NoSuchDevice(deviceId));
        }
        if (!standing.get().inService()) {
            return Optional.of(
                    new DeviceChange.NotInService(deviceId, standing.get().state()));
        }
        return Optional.empty();
    }

    /** Puts a mounted device in service on the call path (a device in stock stays unknown there). */
    private void makeKnown(String deviceId) {
        repository.placedDevice(deviceId).ifPresent(facility::register);
    }
}
