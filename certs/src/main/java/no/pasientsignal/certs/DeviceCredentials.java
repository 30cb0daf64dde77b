package no.pasientsignal.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device holds to talk to the server: its id, its client certificate and private key, and
 * the site CA certificate it trusts the server by.
 *
 * <p>Files in a directory: {@code <deviceId>.pem} (certificate chain: device, then CA) and {@code
 * <deviceId>-key.pem} (PKCS#8, mode 600).
 *
 * @param deviceId the device id, also the certificate's CN
 * @param certificate the device's client certificate
 * @param privateKey the device's private key
 * @param caCertificate the site CA certificate
 */
public record DeviceCredentials(
        String deviceId, X509Certificate certificate, PrivateKey privateKey, X509Certificate caCertificate) {

    public DeviceCredentials {
        DeviceIdentity.requireValidDeviceId(deviceId);
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }

    /**
     * Issues credentials without a device in the loop: generates a key, builds a CSR and signs it
     * with {@link SiteCa#signDeviceCsr}, the same path network enrolment uses.
     *
     * @throws IllegalArgumentException for an invalid device id
     */
    public static DeviceCredentials issueLocally(SiteCa ca, String deviceId, Duration validity) {
        Objects.requireNonNull(ca, "ca");
        DeviceIdentity.requireValidDeviceId(deviceId);
        KeyPair keys = Keys.generateEc();
        byte[] csr = Csr.create(keys, deviceId);
        try {
            X509Certificate certificate = ca.signDeviceCsr(csr, validity);
            return new DeviceCredentials(deviceId, certificate, keys.getPrivate(), ca.certificate());
        } catch (CertificateIssueException e) {
            throw new IllegalStateException("the site CA refused a CSR built here: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code <deviceId>-key.pem}, then {@code <deviceId>.pem}, into {@code dir} (created if
     * missing), replacing existing files atomically.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Pem.writePrivateKey(keyFile(dir, deviceId), privateKey);
        Pem.writeCertificates(certificateFile(dir, deviceId), certificate, caCertificate);
    }

    /**
     * Loads credentials saved by {@link #save}. The chain file must hold the device certificate
     * first and the CA certificate last; the certificate's subject must name {@code deviceId} and
     * the key must belong to it.
     */
    public static DeviceCredentials load(Path dir, String deviceId) throws IOException {
        DeviceIdentity.requireValidDeviceId(deviceId);
        Path certFile = certificateFile(dir, deviceId);
        List<X509Certificate> chain = Pem.readCertificates(certFile);
        if (chain.size() < 2) {
            throw new IOException(certFile + ": expected the device certificate followed by the CA certificate");
        }
        X509Certificate certificate = chain.getFirst();
        Optional<String> named = DeviceIdentity.deviceId(certificate);
        if (!named.equals(Optional.of(deviceId))) {
            throw new IOException(certFile + ": certificate subject "
                    + certificate.getSubjectX500Principal().getName() + " is not device " + deviceId);
        }
        PrivateKey key = Pem.readPrivateKey(keyFile(dir, deviceId));
        if (!Keys.matches(key, certificate.getPublicKey())) {
            throw new IOException(keyFile(dir, deviceId) + " does not belong to " + certFile);
        }
        return new DeviceCredentials(deviceId, certificate, key, chain.getLast());
    }

    public static Path certificateFile(Path dir, String deviceId) {
        return dir.resolve(DeviceIdentity.requireValidDeviceId(deviceId) + ".pem");
    }

    public static Path keyFile(Path dir, String deviceId) {
        return dir.resolve(DeviceIdentity.requireValidDeviceId(deviceId) + "-key.pem");
    }

    /** The chain the device presents: its certificate, then the CA. */
    public List<X509Certificate> certificateChain() {
        return List.of(certificate, caCertificate);
    }

    @Override
    public String toString() {
        return "DeviceCredentials[" + deviceId + ", "
                + certificate.getSubjectX500Principal().getName()
                + ", serial " + certificate.getSerialNumber().toString(16) + ", until "
                + certificate.getNotAfter().toInstant() + "]";
    }
}
