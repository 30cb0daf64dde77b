package no.pasientsignal.server.provisioning;

import java.security.cert.X509Certificate;

/** How a device's simple enrolment (a CSR sent with a one-time credential) ended. */
public sealed interface EnrolmentResult {

    /** The certificate was issued and recorded; the device is active. */
    record Enrolled(String deviceId, X509Certificate certificate) implements EnrolmentResult {}

    /** The request itself is wrong (not a PKCS#10 request, bad signature, not an EC P-256 key). */
    record BadRequest(String reason) implements EnrolmentResult {}

    /** The credential is spent, voided or expired: it cannot enrol anything any more. */
    record CredentialRefused(String reason) implements EnrolmentResult {}

    /** The device left service since the credential was issued. */
    record DeviceRefused(String reason) implements EnrolmentResult {}
}
