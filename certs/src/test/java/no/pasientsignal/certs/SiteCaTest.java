package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteCaTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private static final SiteCa CA = SiteCa.create("Solbakken", Duration.ofDays(3650));

    @Test
    void site_ca_is_self_signed_with_ca_true_path_length_zero_and_cert_sign_usage() throws Exception {
        var ca = CA.certificate();

        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Solbakken Site CA,O=Pasientsignal");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usages(ca.getKeyUsage())).containsExactly(KEY_CERT_SIGN, CRL_SIGN);
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Keys.isP256(ca.getPublicKey())).isTrue();
        assertThat(Keys.matches(CA.privateKey(), ca.getPublicKey())).isTrue();
        assertThat(ca.getNotAfter().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(3650)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void server_certificate_has_server_auth_digital_signature_and_dns_and_ip_sans() throws Exception {
        var key = Keys.generateEc();

        var server = CA.issueServer(
                key.getPublic(),
                "signal.local",
                List.of("localhost", "signal.local"),
                List.of("127.0.0.1", "::1"),
                Duration.ofDays(90));

        server.verify(CA.certificate().getPublicKey());
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=signal.local,O=Pasientsignal");
        assertThat(server.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(usages(server.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(2, "localhost"),
                        List.of(2, "signal.local"),
                        List.of(7, "127.0.0.1"),
                        List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(server.getPublicKey()).isEqualTo(key.getPublic());
        Pkix.validate(server, CA.certificate());
    }

    @Test
    void server_certificate_needs_valid_names() {
        var key = Keys.generateEc().getPublic();
        assertThatThrownBy(() -> CA.issueServer(key, "s", List.of(), List.of(), Duration.ofDays(1)))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> CA.issueServer(key, "s", List.of("bad name"), List.of(), Duration.ofDays(1)))
                .hasMessageContaining("DNS name");
        assertThatThrownBy(() -> CA.issueServer(key, "s", List.of(), List.of("localhost"), Duration.ofDays(1)))
                .hasMessageContaining("IPv4 or IPv6");
        assertThatThrownBy(() -> CA.issueServer(key, "s", List.of(), List.of("300.1.1.1"), Duration.ofDays(1)))
                .hasMessageContaining("IPv4 or IPv6");
    }

    @Test
    void device_csr_is_issued_with_client_auth_and_device_subject() throws Exception {
        var keys = Keys.generateEc();

        var device = CA.signDeviceCsr(Csr.create(keys, "call-201"), Duration.ofDays(365));

        device.verify(CA.certificate().getPublicKey());
        assertThat(device.getSubjectX500Principal().getName()).isEqualTo("CN=call-201,OU=device,O=Pasientsignal");
        assertThat(device.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(usages(device.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
        assertThat(device.getBasicConstraints()).isEqualTo(-1);
        assertThat(device.getSubjectAlternativeNames()).isNull();
        assertThat(device.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(device.getNotBefore().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(4)));
        assertThat(DeviceIdentity.deviceId(device)).contains("call-201");
        Pkix.validate(device, CA.certificate());
    }

    @Test
    void device_csr_subject_extras_are_dropped_and_replaced_by_the_device_subject() throws Exception {
        var keys = Keys.generateEc();
        var csr = csr(keys, new X500Name("CN=call-9, O=Evil Corp, OU=admin"), "SHA256withECDSA");

        var device = CA.signDeviceCsr(csr, Duration.ofDays(1));

        assertThat(device.getSubjectX500Principal().getName()).isEqualTo("CN=call-9,OU=device,O=Pasientsignal");
    }

    @Test
    void device_certificate_never_outlives_the_site_ca() throws Exception {
        var shortCa = SiteCa.create("Short", Duration.ofDays(10));

        var device = shortCa.signDeviceCsr(Csr.create(Keys.generateEc(), "call-1"), Duration.ofDays(365));

        assertThat(device.getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN=call 201", "CN=call/201", "CN=rom-ø", "O=Pasientsignal", "CN=a+CN=b", "CN=a, CN=b"})
    void device_csr_with_invalid_cn_is_refused(String subject) {
        var csr = csr(Keys.generateEc(), new X500Name(subject), "SHA256withECDSA");

        assertThatThrownBy(() -> CA.signDeviceCsr(csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("subject must be CN=<device id>");
    }

    @Test
    void device_csr_with_too_long_cn_is_refused() {
        var csr = csr(Keys.generateEc(), new X500Name("CN=" + "x".repeat(65)), "SHA256withECDSA");

        assertThatThrownBy(() -> CA.signDeviceCsr(csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void device_csr_with_bad_signature_is_refused() {
        byte[] csr = Csr.create(Keys.generateEc(), "call-201");
        csr[csr.length - 1] ^= 0x01; // last byte of the ECDSA signature value

        assertThatThrownBy(() -> CA.signDeviceCsr(csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void device_csr_whose_device_id_was_changed_after_signing_is_refused() throws Exception {
        byte[] csr = Csr.create(Keys.generateEc(), "call-201");
        byte[] tampered = replace(csr, "call-201", "call-666");
        assertThat(tampered).isNotEqualTo(csr);

        assertThatThrownBy(() -> CA.signDeviceCsr(tampered, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void device_csr_signed_by_another_key_is_refused() throws Exception {
        var claimed = Keys.generateEc();
        var signer = Keys.generateEc();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=call-201"), claimed.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()))
                .getEncoded();

        assertThatThrownBy(() -> CA.signDeviceCsr(csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void garbage_empty_and_oversized_csrs_are_refused() {
        assertThatThrownBy(() -> CA.signDeviceCsr(new byte[] {0x30, 0x03, 0x02, 0x01}, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("not a DER PKCS#10");
        assertThatThrownBy(() -> CA.signDeviceCsr("hello".getBytes(StandardCharsets.US_ASCII), Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("not a DER PKCS#10");
        assertThatThrownBy(() -> CA.signDeviceCsr(new byte[0], Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CA.signDeviceCsr(new byte[SiteCa.MAX_CSR_BYTES + 1], Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("exceeds");
        byte[] withTrailingData = Arrays.copyOf(Csr.create(Keys.generateEc(), "call-1"), 400);
        assertThatThrownBy(() -> CA.signDeviceCsr(withTrailingData, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class);
    }

    @Test
    void device_csr_with_rsa_or_p384_key_is_refused() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] rsaCsr = csr(rsa.generateKeyPair(), new X500Name("CN=call-1"), "SHA256withRSA");
        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        byte[] p384Csr = csr(p384.generateKeyPair(), new X500Name("CN=call-1"), "SHA384withECDSA");

        assertThatThrownBy(() -> CA.signDeviceCsr(rsaCsr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("EC P-256, got RSA");
        assertThatThrownBy(() -> CA.signDeviceCsr(p384Csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("curve P-256");
    }

    @Test
    void low_level_issue_makes_exactly_the_requested_certificate_even_an_expired_one() {
        Instant from = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Instant until = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        var profile = new CertProfile(
                Set.of(CertProfile.Purpose.SERVER_AUTH, CertProfile.Purpose.CLIENT_AUTH), List.of(), List.of());

        var cert = CA.issue(
                profile, "CN=x, OU=device, O=Pasientsignal", Keys.generateEc().getPublic(), from, until);

        assertThat(cert.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(until);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=x,OU=device,O=Pasientsignal");
        assertThatThrownBy(cert::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> Pkix.validate(cert, CA.certificate()))
                .isInstanceOfSatisfying(
                        CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
        assertThatThrownBy(() -> CA.issue(profile, "CN=x", Keys.generateEc().getPublic(), until, from))
                .hasMessageContaining("must be after");
    }

    @Test
    void site_ca_save_and_load_round_trip_and_save_refuses_to_overwrite(@TempDir Path dir) throws Exception {
        CA.save(dir);

        var loaded = SiteCa.load(dir);

        assertThat(loaded.certificate()).isEqualTo(CA.certificate());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(CA.privateKey().getEncoded());
        String before = Files.readString(dir.resolve(SiteCa.CA_KEY_FILE));
        var other = SiteCa.create("Other", Duration.ofDays(1));
        assertThatThrownBy(() -> other.save(dir)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve(SiteCa.CA_KEY_FILE))).isEqualTo(before);
    }

    @Test
    void site_ca_with_a_key_of_another_ca_is_refused(@TempDir Path dir) throws Exception {
        var other = SiteCa.create("Other", Duration.ofDays(1));
        Pem.writeCertificates(dir.resolve(SiteCa.CA_CERT_FILE), CA.certificate());
        Pem.writePrivateKey(dir.resolve(SiteCa.CA_KEY_FILE), other.privateKey());

        assertThatThrownBy(() -> SiteCa.load(dir)).hasMessageContaining("does not belong");
        var leaf =
                CA.issueServer(Keys.generateEc().getPublic(), "s", List.of("localhost"), List.of(), Duration.ofDays(1));
        assertThatThrownBy(() -> SiteCa.of(leaf, CA.privateKey())).hasMessageContaining("not a CA");
    }

    @Test
    void site_name_is_checked() {
        assertThatThrownBy(() -> SiteCa.create(" ", Duration.ofDays(1))).hasMessageContaining("site name");
        assertThatThrownBy(() -> SiteCa.create("x".repeat(57), Duration.ofDays(1)))
                .hasMessageContaining("site name");
        assertThatThrownBy(() -> SiteCa.create("ok", Duration.ZERO)).hasMessageContaining("positive");
        assertThat(SiteCa.create("Solbakken, avd. 2", Duration.ofDays(1))
                        .certificate()
                        .getSubjectX500Principal()
                        .getName())
                .isEqualTo("CN=Solbakken\\, avd. 2 Site CA,O=Pasientsignal");
    }

    @Test
    void bouncy_castle_stays_private_and_results_are_plain_jdk_objects() {
        var device = DeviceCredentials.issueLocally(CA, "call-1", Duration.ofDays(1));

        assertThat(java.security.Security.getProviders())
                .noneMatch(provider -> provider.getName().equals("BC"));
        assertThat(device.certificate().getClass().getName()).startsWith("sun.security.");
        assertThat(device.certificate().getPublicKey().getClass().getName()).startsWith("sun.security.");
        assertThat(device.privateKey().getClass().getName()).startsWith("sun.security.");
        assertThat(CA.certificate().getClass().getName()).startsWith("sun.security.");
    }

    static byte[] csr(KeyPair keys, X500Name subject, String signatureAlgorithm) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] replace(byte[] data, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        byte[] result = data.clone();
        for (int i = 0; i <= result.length - needle.length; i++) {
            if (Arrays.equals(result, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, result, i, replacement.length);
                return result;
            }
        }
        throw new AssertionError(from + " not found");
    }

    private static List<Integer> usages(boolean[] bits) {
        return java.util.stream.IntStream.range(0, bits.length)
                .filter(i -> bits[i])
                .boxed()
                .toList();
    }
}
