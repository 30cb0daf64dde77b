package no.pasientsignal.certs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.IPAddress;

/**
 * The certificate authority of one site (institution): a self-signed EC P-256 CA, {@code
 * CN=<siteName> Site CA, O=Pasientsignal}, {@code basicConstraints CA:true, pathLen 0}, {@code
 * keyUsage keyCertSign, cRLSign}. It signs the server certificate and device certificates directly
 * (no intermediates). Thread-safe.
 *
 * <p>Issued certificates start 5 minutes in the past (tolerating device clock skew), and the
 * convenience methods ({@link #issueServer}, {@link #signDeviceCsr}) never issue beyond the CA's
 * own expiry. {@link #issue} is the low-level method that does exactly what it is told, for tests
 * and fixtures (e.g. expired certificates).
 */
public final class SiteCa {

    /** CA certificate file in a site directory. */
    public static final String CA_CERT_FILE = "ca.pem";

    /** CA private key file in a site directory (mode 600). */
    public static final String CA_KEY_FILE = "ca-key.pem";

    /** Upper bound for a CSR; real ones are about 250 bytes. */
    public static final int MAX_CSR_BYTES = 8 * 1024;

    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final int MAX_SITE_NAME_LENGTH = 56; // "<name> Site CA" within the CN limit of 64
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SiteCa(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * A new site CA with a fresh key, valid from now (5 minutes back-dated) for {@code validity}.
     *
     * @param siteName the institution or site, e.g. {@code "Solbakken sykehjem"}; 1 to 56
     *     printable characters
     */
    public static SiteCa create(String siteName, Duration validity) {
        requireSiteName(siteName);
        requirePositive(validity);
        KeyPair keys = Keys.generateEc();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, DeviceIdentity.ORGANISATION)
                .addRDN(BCStyle.CN, siteName + " Site CA")
                .build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509ExtensionUtils extensions = extensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            BcSupport.newSerial(),
                            Date.from(now.minus(BACKDATE)),
                            Date.from(now.plus(validity)),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = BcSupport.toJdk(builder.build(BcSupport.signer(keys.getPrivate())));
            return new SiteCa(certificate, keys.getPrivate());
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build CA certificate", e);
        }
    }

    /**
     * An existing CA from its certificate and key.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate or the key does
     *     not belong to it
     */
    public static SiteCa of(X509Certificate certificate, PrivateKey privateKey) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("not a CA certificate (basicConstraints CA:false): "
                    + certificate.getSubjectX500Principal().getName());
        }
        if (!Keys.matches(privateKey, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to the CA certificate "
                    + certificate.getSubjectX500Principal().getName());
        }
        return new SiteCa(certificate, privateKey);
    }

    /**
     * Loads {@code ca.pem} and {@code ca-key.pem} from {@code dir}.
     *
     * @throws IOException if either is missing or unreadable, or they do not form a CA
     */
    public static SiteCa load(Path dir) throws IOException {
        Path certFile = dir.resolve(CA_CERT_FILE);
        Path keyFile = dir.resolve(CA_KEY_FILE);
        X509Certificate certificate = Pem.readCertificate(certFile);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        try {
            return of(certificate, key);
        } catch (IllegalArgumentException e) {
            throw new IOException(certFile + " and " + keyFile + " do not form a site CA: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code ca-key.pem} (mode 600), then {@code ca.pem}, to {@code dir}, creating it if
     * needed. Refuses to overwrite: replacing a site CA invalidates every device certificate.
     *
     * @throws FileAlreadyExistsException if either file already exists
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of(CA_CERT_FILE, CA_KEY_FILE)) {
            if (Files.exists(dir.resolve(name))) {
                throw new FileAlreadyExistsException(
                        dir.resolve(name).toString(), null, "refusing to overwrite an existing site CA file");
            }
        }
        Pem.writePrivateKey(dir.resolve(CA_KEY_FILE), privateKey);
        Pem.writeCertificates(dir.resolve(CA_CERT_FILE), certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * A server certificate: {@code CN=<commonName>, O=Pasientsignal}, EKU serverAuth, keyUsage
     * digitalSignature, with DNS and IP subject alternative names (clients match the host they
     * connected to against these, e.g. {@code 127.0.0.1} or {@code localhost}).
     *
     * @param ipAddresses IPv4 or IPv6 literals
     * @throws IllegalArgumentException for a bad name or address, or no SAN at all
     */
    public X509Certificate issueServer(
            PublicKey key, String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
        if (commonName == null || commonName.isBlank() || commonName.length() > 64) {
            throw new IllegalArgumentException("server common name must be 1 to 64 characters");
        }
        checkServerNames(dnsNames, ipAddresses);
        requirePositive(validity);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, DeviceIdentity.ORGANISATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
        Instant now = Instant.now();
        return issue(
                CertProfile.server(dnsNames, ipAddresses),
                BcSupport.principal(subject),
                key,
                now.minus(BACKDATE),
                clampToCa(now.plus(validity)));
    }

    /**
     * Signs a device's PKCS#10 request: checks that it parses, carries an EC P-256 key, is signed
     * by that key (proof of possession) and has a subject of exactly one {@code CN} that is a valid
     * device id (see {@link DeviceIdentity}). The certificate is {@code CN=<deviceId>, OU=device,
     * O=Pasientsignal}, EKU clientAuth, keyUsage digitalSignature; anything else in the request
     * (other subject attributes, requested extensions) is ignored.
     *
     * @throws CertificateIssueException naming what is wrong with the request, or when the CA has
     *     expired
     */
    public X509Certificate signDeviceCsr(byte[] pkcs10Der, Duration validity) throws CertificateIssueException {
        requirePositive(validity);
        PKCS10CertificationRequest request = parseDeviceCsr(pkcs10Der);
        String deviceId = DeviceIdentity.single(request.getSubject(), BCStyle.CN)
                .filter(DeviceIdentity::isValidDeviceId)
                .orElseThrow(() -> new CertificateIssueException("certificate request subject must be CN=<device id>"
                        + " with 1 to 64 characters from A-Z a-z 0-9 . _ -, got '" + request.getSubject() + "'"));
        return issueDevice(request, deviceId, validity);
    }

    /**
     * Signs a device's PKCS#10 request for a device id the caller has already established (in
     * enrolment: the device the one-time credential was issued for). The request must parse, carry
     * an EC P-256 key and be signed by that key (proof of possession); its subject is ignored, so
     * a device cannot obtain a certificate for another device id by asking for one. The
     * certificate is {@code CN=<deviceId>, OU=device, O=Pasientsignal}, EKU clientAuth.
     *
     * @throws CertificateIssueException naming what is wrong with the request, or when the CA has
     *     expired
     * @throws IllegalArgumentException for an invalid device id
     */
    public X509Certificate signDeviceCsrFor(String deviceId, byte[] pkcs10Der, Duration validity)
            throws CertificateIssueException {
        DeviceIdentity.requireValidDeviceId(deviceId);
        requirePositive(validity);
        return issueDevice(parseDeviceCsr(pkcs10Der), deviceId, validity);
    }

    /** A parsed request with an EC P-256 key and a valid self-signature. */
    private static PKCS10CertificationRequest parseDeviceCsr(byte[] pkcs10Der) throws CertificateIssueException {
        if (pkcs10Der == null || pkcs10Der.length == 0) {
            throw new CertificateIssueException("empty certificate request");
        }
        if (pkcs10Der.length > MAX_CSR_BYTES) {
            throw new CertificateIssueException(
                    "certificate request of " + pkcs10Der.length + " bytes exceeds " + MAX_CSR_BYTES);
        }
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(pkcs10Der);
        } catch (IOException | RuntimeException e) {
            throw new CertificateIssueException("not a DER PKCS#10 certificate request", e);
        }
        requireP256(request.getSubjectPublicKeyInfo());
        if (!isSelfSignatureValid(request)) {
            throw new CertificateIssueException(
                    "certificate request signature does not verify with its public key (tampered or corrupt)");
        }
        return request;
    }

    private X509Certificate issueDevice(PKCS10CertificationRequest request, String deviceId, Duration validity)
            throws CertificateIssueException {
        PublicKey publicKey;
        try {
            publicKey = BcSupport.toJdk(request.getSubjectPublicKeyInfo());
        } catch (GeneralSecurityException e) {
            throw new CertificateIssueException("certificate request public key is not a valid EC key", e);
        }
        Instant now = Instant.now();
        if (!now.isBefore(certificate.getNotAfter().toInstant())) {
            throw new CertificateIssueException(
                    "the site CA expired at " + certificate.getNotAfter().toInstant());
        }
        return issue(
                CertProfile.device(),
                DeviceIdentity.subject(deviceId),
                publicKey,
                now.minus(BACKDATE),
                clampToCa(now.plus(validity)));
    }

    /** {@link #issue(CertProfile, X500Principal, PublicKey, Instant, Instant)} with an RFC 2253 subject. */
    public X509Certificate issue(
            CertProfile profile, String subject, PublicKey key, Instant notBefore, Instant notAfter) {
        return issue(profile, new X500Principal(subject), key, notBefore, notAfter);
    }

    /**
     * The low-level issuing method: an end-entity certificate for {@code key} with exactly this
     * subject, profile and validity (truncated to seconds), signed by this CA. No clamping, no
     * subject checks, so it can also make the odd certificates tests need (expired, wrong EKU).
     */
    public X509Certificate issue(
            CertProfile profile, X500Principal subject, PublicKey key, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant until = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("notAfter " + until + " must be after notBefore " + from);
        }
        try {
            JcaX509ExtensionUtils extensions = extensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            certificate, BcSupport.newSerial(), Date.from(from), Date.from(until), subject, key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(profile))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            Optional<GeneralNames> sans = subjectAltNames(profile);
            if (sans.isPresent()) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans.get());
            }
            return BcSupport.toJdk(builder.build(BcSupport.signer(privateKey)));
        } catch (CertIOException | CertificateException e) {
            throw new IllegalStateException("cannot build certificate for " + subject.getName(), e);
        }
    }

    @Override
    public String toString() {
        return "SiteCa[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]";
    }

    // ---------------------------------------------------------------- helpers

    private Instant clampToCa(Instant notAfter) {
        Instant caNotAfter = certificate.getNotAfter().toInstant();
        return notAfter.isAfter(caNotAfter) ? caNotAfter : notAfter;
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertProfile profile) {
        List<KeyPurposeId> purposes = new ArrayList<>();
        for (CertProfile.Purpose purpose : CertProfile.Purpose.values()) {
            if (profile.extendedKeyUsages().contains(purpose)) {
                purposes.add(
                        switch (purpose) {
                            case SERVER_AUTH -> KeyPurposeId.id_kp_serverAuth;
                            case CLIENT_AUTH -> KeyPurposeId.id_kp_clientAuth;
                        });
            }
        }
        return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
    }

    /** Throws IllegalArgumentException unless there is at least one SAN and all are well-formed. */
    static void checkServerNames(List<String> dnsNames, List<String> ipAddresses) {
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one DNS name or IP address");
        }
        subjectAltNames(CertProfile.server(dnsNames, ipAddresses));
    }

    private static Optional<GeneralNames> subjectAltNames(CertProfile profile) {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : profile.dnsNames()) {
            if (dns == null || dns.length() > 253 || !DNS_NAME.matcher(dns).matches()) {
                throw new IllegalArgumentException("not a valid DNS name: " + DeviceIdentity.quote(dns));
            }
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String ip : profile.ipAddresses()) {
            if (ip == null || !(IPAddress.isValidIPv4(ip) || IPAddress.isValidIPv6(ip))) {
                throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + DeviceIdentity.quote(ip));
            }
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    private static void requireP256(SubjectPublicKeyInfo keyInfo) throws CertificateIssueException {
        AlgorithmIdentifier algorithm = keyInfo.getAlgorithm();
        ASN1ObjectIdentifier keyType = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(keyType)) {
            String name = PKCSObjectIdentifiers.rsaEncryption.equals(keyType) ? "RSA" : keyType.getId();
            throw new CertificateIssueException("certificate request key must be EC P-256, got " + name);
        }
        if (!SECObjectIdentifiers.secp256r1.equals(parameters)) {
            String curve = parameters instanceof ASN1ObjectIdentifier oid
                    ? oid.getId()
                    : parameters instanceof DERSequence ? "explicit parameters" : String.valueOf(parameters);
            throw new CertificateIssueException("certificate request key must be on curve P-256, got " + curve);
        }
    }

    private static boolean isSelfSignatureValid(PKCS10CertificationRequest request) {
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(BcSupport.PROVIDER)
                    .build(request.getSubjectPublicKeyInfo());
            return request.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is unavailable", e);
        }
    }

    private static void requireSiteName(String siteName) {
        if (siteName == null
                || siteName.isBlank()
                || siteName.length() > MAX_SITE_NAME_LENGTH
                || !siteName.equals(siteName.strip())
                || siteName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("site name must be 1 to " + MAX_SITE_NAME_LENGTH
                    + " printable characters without leading or trailing spaces, got "
                    + DeviceIdentity.quote(siteName));
        }
    }

    static void requirePositive(Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, got " + validity);
        }
    }
}
