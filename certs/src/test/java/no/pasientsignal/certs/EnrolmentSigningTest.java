package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** What enrolment needs from the PKI: signing for a known device id, and PKCS#7 certs-only. */
class EnrolmentSigningTest {

    private static final SiteCa CA = SiteCa.create("Solbakken", Duration.ofDays(3650));

    @Test
    void csr_signed_for_a_device_gets_that_device_id_whatever_its_subject_says() throws Exception {
        var keys = Keys.generateEc();
        byte[] csr = Csr.create(keys, "call-999");

        var certificate = CA.signDeviceCsrFor("call-201", csr, Duration.ofDays(30));

        assertThat(DeviceIdentity.deviceId(certificate)).contains("call-201");
        assertThat(Keys.matches(keys.getPrivate(), certificate.getPublicKey())).isTrue();
        certificate.verify(CA.certificate().getPublicKey());
    }

    @Test
    void csr_without_a_device_cn_is_still_signed_for_the_known_device() throws Exception {
        var keys = Keys.generateEc();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("O=Anything"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                .getEncoded();

        assertThat(DeviceIdentity.deviceId(CA.signDeviceCsrFor("door-3", csr, Duration.ofDays(1))))
                .contains("door-3");
    }

    @Test
    void csr_for_a_known_device_with_a_bad_signature_or_a_non_p256_key_is_refused() throws Exception {
        byte[] tampered = Csr.create(Keys.generateEc(), "call-1");
        tampered[tampered.length - 5] ^= 0x01;
        assertThatThrownBy(() -> CA.signDeviceCsrFor("call-1", tampered, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("signature");

        var rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        var rsa = rsaGenerator.generateKeyPair();
        byte[] rsaCsr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=call-1"), rsa.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.getPrivate()))
                .getEncoded();
        assertThatThrownBy(() -> CA.signDeviceCsrFor("call-1", rsaCsr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("EC P-256, got RSA");

        var p384Generator = KeyPairGenerator.getInstance("EC");
        p384Generator.initialize(new ECGenParameterSpec("secp384r1"));
        var p384 = p384Generator.generateKeyPair();
        byte[] p384Csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=call-1"), p384.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(p384.getPrivate()))
                .getEncoded();
        assertThatThrownBy(() -> CA.signDeviceCsrFor("call-1", p384Csr, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("P-256");

        assertThatThrownBy(() -> CA.signDeviceCsrFor("call-1", new byte[] {1, 2, 3}, Duration.ofDays(1)))
                .isInstanceOf(CertificateIssueException.class)
                .hasMessageContaining("PKCS#10");
    }

    @Test
    void certs_only_round_trips_one_or_more_certificates() throws Exception {
        var device = DeviceCredentials.issueLocally(CA, "call-5", Duration.ofDays(1));

        assertThat(CertsOnly.decode(CertsOnly.encode(List.of(CA.certificate()))))
                .containsExactly(CA.certificate());
        assertThat(CertsOnly.decode(CertsOnly.encode(List.of(device.certificate(), CA.certificate()))))
                .containsExactlyInAnyOrder(device.certificate(), CA.certificate());
    }

    @Test
    void certs_only_refuses_garbage_and_nothing() {
        assertThatThrownBy(() -> CertsOnly.decode(new byte[] {0x30, 0x03, 1, 2, 3}))
                .hasMessageContaining("PKCS#7");
        assertThatThrownBy(() -> CertsOnly.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> CertsOnly.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
