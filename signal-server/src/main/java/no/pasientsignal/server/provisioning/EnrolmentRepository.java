package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.server.facility.Device;

/**
 * Where enrolment credentials, issued certificates and the devices' life cycle are stored. Every
 * method that writes is one transaction: it writes everything or nothing. Methods that change a
 * device check its state in the same transaction, so two concurrent requests cannot both win.
 */
public interface EnrolmentRepository {

    /** A device and its life-cycle state ({@code REGISTERED}, {@code ACTIVE}, {@code REPLACED}, ...). */
    record DeviceStanding(String deviceId, String type, String state) {
        /** Registered or active: it may enrol, be replaced or be decommissioned. */
        public boolean inService() {
            return "REGISTERED".equals(state) || "ACTIVE".equals(state);
        }
    }

    /** A device to register; {@code locationId} may be null (in stock). */
    record NewDevice(String deviceId, String type, String serial, String locationId) {}

    /** A certificate issued to a device; {@code serial} in lower-case hex. */
    record IssuedCertificate(String serial, String deviceId, Instant issuedAt, Instant notAfter) {}

    /** How {@link #completeEnrolment} ended. */
    sealed interface Completion {
        /** Spent, certificate recorded, device active; the device's earlier certificates revoked. */
        record Enrolled(List<String> supersededSerials) implements Completion {}

        /** The credential was spent, voided or expired by the time it was to be spent. */
        record CredentialUnusable() implements Completion {}

        /** The device left service (replaced, decommissioned) since the credential was issued. */
        record DeviceOutOfService() implements Completion {}
    }

    Optional<DeviceStanding> standing(String deviceId);

    /** The device where it is mounted, if it is in service and mounted. */
    Optional<Device> placedDevice(String deviceId);

    /** Registers a device (state REGISTERED) with its first credential. */
    void registerDevice(NewDevice device, EnrolmentCredential credential);

    /**
     * Stores a credential and voids the device's earlier unspent ones. False, storing nothing,
     * when the device is not in service.
     */
    boolean issueCredential(EnrolmentCredential credential, Instant now);

    /** The credential with this identity if it is neither spent, voided nor expired at {@code now}. */
    Optional<EnrolmentCredential> usableCredential(String identity, Instant now);

    /**
     * Spends the credential (only if unspent, not voided and unexpired at {@code now}: of two
     * concurrent calls exactly one succeeds), records the certificate, makes the device ACTIVE
     * and revokes its earlier certificates (reason SUPERSEDED).
     */
    Completion completeEnrolment(String identity, IssuedCertificate certificate, Instant now);

    /**
     * Decommissions a device in service: state DECOMMISSIONED, unmounted, its certificates
     * revoked and unspent credentials voided. The revoked serials; empty when the device is
     * unknown or not in service (nothing written).
     */
    Optional<List<String>> decommission(String deviceId, Instant now);

    /**
     * Replaces a device in service by a new one of the same type at the same location: the old one
     * REPLACED, unmounted, certificates revoked, credentials voided; the new one REGISTERED there
     * with {@code credential}. The old device's revoked serials; empty when the old device is
     * unknown or not in service (nothing written).
     */
    Optional<List<String>> replace(
            String oldDeviceId, String newDeviceId, String newSerial, EnrolmentCredential credential, Instant now);

    /** Serials of revoked certificates that have not expired yet at {@code now}. */
    Set<String> revokedSerials(Instant now);

    /** Devices taken out of service for good (REPLACED, DECOMMISSIONED). */
    Set<String> retiredDevices();
}
