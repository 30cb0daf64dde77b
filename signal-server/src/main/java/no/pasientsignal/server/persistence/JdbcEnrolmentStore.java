package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.provisioning.EnrolmentCredential;
import no.pasientsignal.server.provisioning.EnrolmentRepository;

/**
 * Enrolment credentials ({@code enrolment_credential}), issued device certificates ({@code
 * device_certificate}) and the device life-cycle changes that go with them, in plain SQL. Every
 * write is one transaction; a change to a device first takes the device row's lock with a
 * conditional no-op update ({@code SET state = state WHERE ... in service}), which works the same
 * on H2 and PostgreSQL and makes concurrent changes to one device run one after the other.
 */
public final class JdbcEnrolmentStore implements EnrolmentRepository {

    private static final String IN_SERVICE = "state IN ('REGISTERED', 'ACTIVE')";
    private static final String USABLE = "spent_at IS NULL AND voided_at IS NULL AND expires_at > ?";
    private static final String CREDENTIAL_COLUMNS = "identity, device_id, secret, issued_at, expires_at, issued_by";

    /** Why a certificate was revoked. Stored by name; the schema checks the same list. */
    public enum RevocationReason {
        DECOMMISSIONED,
        REPLACED,
        SUPERSEDED
    }

    /** A certificate as stored; {@code revokedAt} and {@code reason} are null while it is valid. */
    public record StoredCertificate(
            String serial,
            String deviceId,
            Instant issuedAt,
            Instant notAfter,
            @Nullable Instant revokedAt,
            @Nullable RevocationReason reason) {}

    private final Jdbc jdbc;
    private final JdbcFacilityStore facility;

    public JdbcEnrolmentStore(Jdbc jdbc, JdbcFacilityStore facility) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.facility = Objects.requireNonNull(facility, "facility");
    }

    @Override
    public Optional<DeviceStanding> standing(String deviceId) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT device_id, type, state FROM device WHERE device_id = ?",
                rs -> new DeviceStanding(rs.getString(1), rs.getString(2), rs.getString(3)),
                deviceId));
    }

    @Override
    public Optional<Device> placedDevice(String deviceId) {
        return facility.placedDevice(deviceId).flatMap(FacilityLoader::device);
    }

    @Override
    public void registerDevice(NewDevice device, EnrolmentCredential credential) {
        jdbc.inTransaction(c -> {
            update(
                    c,
                    "INSERT INTO device (device_id, type, serial, location_id, state) VALUES (?, ?, ?, ?, 'REGISTERED')",
                    device.deviceId(),
                    device.type(),
                    device.serial(),
                    device.locationId());
            insertCredential(c, credential);
            return null;
        });
    }

    @Override
    public boolean issueCredential(EnrolmentCredential credential, Instant now) {
        return jdbc.inTransaction(c -> {
            if (!lockInService(c, credential.deviceId())) {
                return false;
            }
            voidCredentials(c, credential.deviceId(), now);
            insertCredential(c, credential);
            return true;
        });
    }

    @Override
    public Optional<EnrolmentCredential> usableCredential(String identity, Instant now) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT " + CREDENTIAL_COLUMNS + " FROM enrolment_credential WHERE identity = ? AND " + USABLE,
                JdbcEnrolmentStore::credential,
                identity,
                time(now)));
    }

    @Override
    public Completion completeEnrolment(String identity, IssuedCertificate certificate, Instant now) {
        return jdbc.inTransaction(c -> {
            if (!lockInService(c, certificate.deviceId())) {
                return new Completion.DeviceOutOfService();
            }
            // The single-use guarantee: of two enrolments racing with one credential, the second
            // waits for the first's row lock, then finds spent_at set and changes nothing.
            int spent = update(
                    c,
                    "UPDATE enrolment_credential SET spent_at = ? WHERE identity = ? AND device_id = ? AND " + USABLE,
                    time(now),
                    identity,
                    certificate.deviceId(),
                    time(now));
            if (spent != 1) {
                return new Completion.CredentialUnusable();
            }
            List<String> superseded = revokeAll(c, certificate.deviceId(), now, RevocationReason.SUPERSEDED);
            update(
                    c,
                    "INSERT INTO device_certificate (serial, device_id, issued_at, not_after) VALUES (?, ?, ?, ?)",
                    certificate.serial(),
                    certificate.deviceId(),
                    time(certificate.issuedAt()),
                    time(certificate.notAfter()));
            update(c, "UPDATE device SET state = 'ACTIVE' WHERE device_id = ?", certificate.deviceId());
            return new Completion.Enrolled(superseded);
        });
    }

    @Override
    public Optional<List<String>> decommission(String deviceId, Instant now) {
        return jdbc.inTransaction(c -> {
            int changed = update(
                    c,
                    "UPDATE device SET state = 'DECOMMISSIONED', location_id = NULL WHERE device_id = ? AND "
                            + IN_SERVICE,
                    deviceId);
            if (changed != 1) {
                return Optional.<List<String>>empty();
            }
            voidCredentials(c, deviceId, now);
            return Optional.of(revokeAll(c, deviceId, now, RevocationReason.DECOMMISSIONED));
        });
    }

    @Override
    public Optional<List<String>> replace(
            String oldDeviceId, String newDeviceId, String newSerial, EnrolmentCredential credential, Instant now) {
        if (!credential.deviceId().equals(newDeviceId)) {
            throw new IllegalArgumentException("the credential must be for the new device " + newDeviceId);
        }
        return jdbc.inTransaction(c -> {
            if (!lockInService(c, oldDeviceId)) {
                return Optional.<List<String>>empty();
            }
            String[] old = queryOne(
                            c,
                            "SELECT type, location_id FROM device WHERE device_id = ?",
                            rs -> new String[] {rs.getString(1), rs.getString(2)},
                            oldDeviceId)
                    .orElseThrow();
            update(c, "UPDATE device SET state = 'REPLACED', location_id = NULL WHERE device_id = ?", oldDeviceId);
            update(
                    c,
                    "INSERT INTO device (device_id, type, serial, location_id, state) VALUES (?, ?, ?, ?, 'REGISTERED')",
                    newDeviceId,
                    old[0],
                    newSerial,
                    old[1]);
            voidCredentials(c, oldDeviceId, now);
            insertCredential(c, credential);
            return Optional.of(revokeAll(c, oldDeviceId, now, RevocationReason.REPLACED));
        });
    }

    @Override
    public Set<String> revokedSerials(Instant now) {
        return jdbc.withConnection(c -> new HashSet<>(queryList(
                c,
                "SELECT serial FROM device_certificate WHERE revoked_at IS NOT NULL AND not_after > ?",
                rs -> rs.getString(1),
                time(now))));
    }

    @Override
    public Set<String> retiredDevices() {
        return jdbc.withConnection(c -> new HashSet<>(queryList(
                c,
                "SELECT device_id FROM device WHERE state IN ('REPLACED', 'DECOMMISSIONED')",
                rs -> rs.getString(1))));
    }

    /** The device's certificates, oldest first. */
    public List<StoredCertificate> certificates(String deviceId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT serial, device_id, issued_at, not_after, revoked_at, reason FROM device_certificate"
                        + " WHERE device_id = ? ORDER BY issued_at, serial",
                rs -> new StoredCertificate(
                        rs.getString(1),
                        rs.getString(2),
                        instant(rs, 3),
                        instant(rs, 4),
                        instant(rs, 5),
                        rs.getString(6) == null ? null : RevocationReason.valueOf(rs.getString(6))),
                deviceId));
    }

    // --- SQL -----------------------------------------------------------------------------------

    /** Locks the device's row if it is in service; false (nothing locked) otherwise. */
    private static boolean lockInService(Connection c, String deviceId) throws SQLException {
        return update(c, "UPDATE device SET state = state WHERE device_id = ? AND " + IN_SERVICE, deviceId) == 1;
    }

    private static void insertCredential(Connection c, EnrolmentCredential credential) throws SQLException {
        update(
                c,
                "INSERT INTO enrolment_credential (" + CREDENTIAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                credential.identity(),
                credential.deviceId(),
                credential.secretHex(),
                time(credential.issuedAt()),
                time(credential.expiresAt()),
                credential.issuedBy());
    }

    private static void voidCredentials(Connection c, String deviceId, Instant now) throws SQLException {
        update(
                c,
                "UPDATE enrolment_credential SET voided_at = ? WHERE device_id = ? AND spent_at IS NULL"
                        + " AND voided_at IS NULL",
                time(now),
                deviceId);
    }

    /** Revokes the device's valid certificates; returns their serials. */
    private static List<String> revokeAll(Connection c, String deviceId, Instant now, RevocationReason reason)
            throws SQLException {
        List<String> serials = queryList(
                c,
                "SELECT serial FROM device_certificate WHERE device_id = ? AND revoked_at IS NULL",
                rs -> rs.getString(1),
                deviceId);
        update(
                c,
                "UPDATE device_certificate SET revoked_at = ?, reason = ? WHERE device_id = ? AND revoked_at IS NULL",
                time(now),
                reason.name(),
                deviceId);
        return serials;
    }

    private static EnrolmentCredential credential(ResultSet rs) throws SQLException {
        return new EnrolmentCredential(
                rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5), rs.getString(6));
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
