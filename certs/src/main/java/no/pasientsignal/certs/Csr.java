package no.pasientsignal.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certificate signing requests, as a device (or device-sim) makes them to enrol. The site
 * CA checks them in {@link SiteCa#signDeviceCsr}.
 */
public final class Csr {

    private Csr() {}

    /**
     * A DER PKCS#10 request with subject {@code CN=<deviceId>} for {@code keyPair}'s public key,
     * self-signed SHA256withECDSA.
     *
     * @throws IllegalArgumentException for an invalid device id or a key that is not EC
     */
    public static byte[] create(KeyPair keyPair, String deviceId) {
        Objects.requireNonNull(keyPair, "keyPair");
        DeviceIdentity.requireValidDeviceId(deviceId);
        if (!Keys.isP256(keyPair.getPublic())) {
            throw new IllegalArgumentException(
                    "device keys must be EC P-256, got " + keyPair.getPublic().getAlgorithm());
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, deviceId)
                .build();
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .build(BcSupport.signer(keyPair.getPrivate()))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode certificate request", e);
        }
    }
}
