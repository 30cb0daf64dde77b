package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A one-time enrolment credential: a DTLS-PSK identity and secret a device uses once to obtain its
 * certificate over EST-coaps. The technician gets it when registering (or re-enrolling) the device
 * and puts it on the device.
 *
 * @param identity the PSK identity, random, sent in clear in the DTLS handshake
 * @param deviceId the device it enrols (the certificate's CN, whatever the CSR asks for)
 * @param secretHex the 256-bit pre-shared key as 64 lower-case hex digits
 * @param issuedAt when it was issued
 * @param expiresAt after this instant it no longer opens a DTLS session
 * @param issuedBy the staff member who asked for it, or {@code null} when issued by the system
 */
public record EnrolmentCredential(
        String identity, String deviceId, String secretHex, Instant issuedAt, Instant expiresAt, String issuedBy) {

    /** Bytes of the pre-shared key. */
    public static final int SECRET_BYTES = 32;

    public EnrolmentCredential {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(secretHex, "secretHex");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (secretHex.length() != SECRET_BYTES * 2 || !secretHex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("secret must be " + SECRET_BYTES * 2 + " lower-case hex digits");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a credential must expire after it is issued");
        }
    }

    /** The pre-shared key (a fresh copy). */
    public byte[] secret() {
        return HexFormat.of().parseHex(secretHex);
    }

    /** Whether it can still open a session at {@code now} (spent and voided are not known here). */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never prints the secret: credentials end up in logs through exceptions and debug output. */
    @Override
    public String toString() {
        return "EnrolmentCredential[" + identity + " for " + deviceId + ", expires " + expiresAt + "]";
    }
}
