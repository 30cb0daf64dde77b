package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CsrTest {

    @Test
    void csr_is_der_pkcs10_with_the_device_id_as_cn_self_signed_sha256_with_ecdsa() throws Exception {
        var keys = Keys.generateEc();

        var request = new PKCS10CertificationRequest(Csr.create(keys, "call-201"));

        assertThat(request.getSubject().getRDNs()).hasSize(1);
        assertThat(request.getSubject()
                        .getRDNs(BCStyle.CN)[0]
                        .getFirst()
                        .getValue()
                        .toString())
                .isEqualTo("call-201");
        assertThat(request.getSignatureAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256);
        assertThat(request.getSubjectPublicKeyInfo().getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.getPublic())))
                .isTrue();
    }

    @Test
    void invalid_device_id_is_refused_before_signing() {
        var keys = Keys.generateEc();
        assertThatThrownBy(() -> Csr.create(keys, "call 201"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid device id");
        assertThatThrownBy(() -> Csr.create(keys, "x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Csr.create(keys, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
