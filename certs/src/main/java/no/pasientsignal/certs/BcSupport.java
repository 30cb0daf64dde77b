package no.pasientsignal.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The one place that touches the Bouncy Castle provider: a private instance handed explicitly to
 * builders, never registered with {@link java.security.Security}, so the JDK's default (TLS)
 * providers are unchanged. Results are converted back to plain JDK objects.
 */
final class BcSupport {

    static final Provider PROVIDER = new BouncyCastleProvider();
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BcSupport() {}

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setProvider(PROVIDER)
                    .setSecureRandom(RANDOM)
                    .build(key);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot sign " + SIGNATURE_ALGORITHM + " with this key: " + e, e);
        }
    }

    /** Re-parses with the JDK's own CertificateFactory, so callers only ever see JDK certificates. */
    static X509Certificate toJdk(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new IllegalStateException("the JDK refused a certificate we just built", e);
        }
    }

    static PublicKey toJdk(SubjectPublicKeyInfo info) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode public key", e);
        }
    }

    static X500Name x500(X500Principal principal) {
        return X500Name.getInstance(principal.getEncoded());
    }

    static X500Principal principal(X500Name name) {
        try {
            return new X500Principal(name.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode name " + name, e);
        }
    }

    /** Positive, non-zero, at most 20 octets (RFC 5280 4.1.2.2), 159 bits of randomness. */
    static BigInteger newSerial() {
        return new BigInteger(159, RANDOM).add(BigInteger.ONE);
    }
}
