package no.pasientsignal.certs;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** JDK-only PKIX validation, as a TLS stack does it (revocation off: the site has no CRL). */
final class Pkix {

    private Pkix() {}

    static void validate(X509Certificate leaf, X509Certificate trustAnchor) throws GeneralSecurityException {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(trustAnchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
