package no.pasientsignal.certs;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/**
 * PKCS#7 "certs-only" messages ({@code application/pkcs7-mime; smime-type=certs-only}, RFC 5751
 * and RFC 7030 4.1.3): a CMS SignedData with no content and no signers that only carries
 * certificates. EST returns CA certificates and enrolled certificates this way.
 */
public final class CertsOnly {

    /** Upper bound for a message this code reads; a CA chain of a few certificates is a few KB. */
    public static final int MAX_BYTES = 16 * 1024;

    private CertsOnly() {}

    /**
     * DER encoding of a certs-only message carrying {@code certificates}. CMS keeps certificates in
     * a SET, so a reader must not rely on their order.
     */
    public static byte[] encode(List<X509Certificate> certificates) {
        Objects.requireNonNull(certificates, "certificates");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a certs-only message needs at least one certificate");
        }
        try {
            var generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSAbsentContent()).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot encode a certs-only message", e);
        }
    }

    /**
     * The certificates of a certs-only message.
     *
     * @throws IOException when the bytes are not a CMS SignedData or carry no certificate
     */
    public static List<X509Certificate> decode(byte[] der) throws IOException {
        if (der == null || der.length == 0) {
            throw new IOException("empty certs-only message");
        }
        if (der.length > MAX_BYTES) {
            throw new IOException("certs-only message of " + der.length + " bytes exceeds " + MAX_BYTES);
        }
        try {
            var certificates = new ArrayList<X509Certificate>();
            for (X509CertificateHolder holder :
                    new CMSSignedData(der).getCertificates().getMatches(null)) {
                certificates.add(BcSupport.toJdk(holder));
            }
            if (certificates.isEmpty()) {
                throw new IOException("certs-only message carries no certificate");
            }
            return List.copyOf(certificates);
        } catch (CMSException | RuntimeException e) {
            throw new IOException("not a PKCS#7 certs-only message: " + e.getMessage(), e);
        }
    }
}
