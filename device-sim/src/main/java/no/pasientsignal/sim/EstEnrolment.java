package no.pasientsignal.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.certs.CertsOnly;
import no.pasientsignal.certs.Csr;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.protocol.DeviceProtocol;

/**
 * A device enrolling the way real firmware would, over EST-coaps (RFC 9148): it opens a DTLS-PSK
 * session with its one-time enrolment credential, fetches the site CA ({@code crts}), makes a fresh
 * EC P-256 key that never leaves the device, sends a PKCS#10 request for it ({@code sen}) and gets
 * its certificate back. The site CA is trusted because it came over the session the credential
 * authenticated (the server proved it knows the same secret).
 */
public final class EstEnrolment {

    /** A one-time enrolment credential as the technician hands it over. */
    public record Credential(String identity, String secretHex) {
        public Credential {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(secretHex, "secretHex");
            if (identity.isBlank()) {
                throw new IllegalArgumentException("the enrolment identity is empty");
            }
            if (!secretHex.matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the enrolment secret must be 64 hex digits (256 bits)");
            }
        }

        byte[] secret() {
            return HexFormat.of().parseHex(secretHex.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Enrolment did not give the device a certificate; the message says why. */
    public static final class EnrolmentFailedException extends Exception {
        public EnrolmentFailedException(String message) {
            super(message);
        }

        public EnrolmentFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private EstEnrolment() {}

    /**
     * Enrols {@code deviceId} with {@code credential} and returns its new credentials (key,
     * certificate, site CA), checked: the certificate is for this key and device and was issued by
     * the CA the server sent.
     */
    public static DeviceCredentials enrol(
            String deviceId, Credential credential, InetSocketAddress server, ClientTiming timing)
            throws EnrolmentFailedException {
        DeviceIdentity.requireValidDeviceId(deviceId);
        KeyPair keys = Keys.generateEc();
        byte[] csr = Csr.create(keys, deviceId);
        try (var session = DeviceClient.connectWithCredential(
                deviceId, credential.identity(), credential.secret(), server, timing)) {
            X509Certificate ca = siteCa(session);
            X509Certificate certificate = simpleEnrol(session, csr);
            check(deviceId, keys, certificate, ca);
            return new DeviceCredentials(deviceId, certificate, keys.getPrivate(), ca);
        } catch (DeviceClient.SendFailedException e) {
            throw new EnrolmentFailedException(
                    "no answer from " + server + " over DTLS-PSK: the enrolment credential is unknown, spent or"
                            + " expired, or the server is unreachable (" + e.getMessage() + ")",
                    e);
        }
    }

    /** The site CA from {@code crts} (certs-only), the one self-signed CA certificate in it. */
    static X509Certificate siteCa(DeviceClient session)
            throws DeviceClient.SendFailedException, EnrolmentFailedException {
        Reply reply = session.get(
                estPath(DeviceProtocol.EST_CA_CERTIFICATES), DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY);
        if (!reply.code().equals("2.05")) {
            throw new EnrolmentFailedException("crts refused: " + reply.code() + " " + reply.diagnostic());
        }
        List<X509Certificate> certificates;
        try {
            certificates = CertsOnly.decode(reply.payload());
        } catch (IOException e) {
            throw new EnrolmentFailedException("crts answer unreadable: " + e.getMessage(), e);
        }
        Optional<X509Certificate> ca = certificates.stream()
                .filter(c -> c.getBasicConstraints() >= 0
                        && c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .findFirst();
        return ca.orElseThrow(() -> new EnrolmentFailedException("crts answer holds no self-signed CA certificate"));
    }

    /** {@code sen}: the request in, the certificate (pkix-cert) out. */
    static X509Certificate simpleEnrol(DeviceClient session, byte[] csr)
            throws DeviceClient.SendFailedException, EnrolmentFailedException {
        Reply reply = session.post(
                estPath(DeviceProtocol.EST_SIMPLE_ENROL),
                csr,
                DeviceProtocol.CONTENT_FORMAT_PKCS10,
                DeviceProtocol.CONTENT_FORMAT_PKIX_CERT);
        if (!reply.code().equals("2.04")) {
            throw new EnrolmentFailedException("enrolment refused: " + reply.code() + " " + reply.diagnostic());
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(reply.payload()));
        } catch (GeneralSecurityException e) {
            throw new EnrolmentFailedException("sen answer is not a certificate: " + e.getMessage(), e);
        }
    }

    /** The path of an EST resource, e.g. {@code .well-known/est/sen}. */
    public static String estPath(String resource) {
        return DeviceProtocol.EST_PATH + "/" + resource;
    }

    private static void check(String deviceId, KeyPair keys, X509Certificate certificate, X509Certificate ca)
            throws EnrolmentFailedException {
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new EnrolmentFailedException("the certificate was not issued by the site CA from crts", e);
        }
        if (!Keys.matches(keys.getPrivate(), certificate.getPublicKey())) {
            throw new EnrolmentFailedException("the certificate is not for this device's key");
        }
        if (!DeviceIdentity.deviceId(certificate).equals(Optional.of(deviceId))) {
            throw new EnrolmentFailedException("the certificate names "
                    + certificate.getSubjectX500Principal().getName() + ", not device " + deviceId);
        }
    }
}
