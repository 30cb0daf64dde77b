package no.pasientsignal.server.coap;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertLevel;
import org.eclipse.californium.scandium.dtls.CertificateMessage;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.CertificateVerificationResult;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.x509.CertificateConfigurationHelper;
import org.eclipse.californium.scandium.dtls.x509.ConfigurationHelperSetup;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-certificate check of the DTLS handshake: first the site's revocations (a revoked
 * serial, or any certificate of a retired device, fails with a {@code certificate_revoked}
 * alert), then the usual chain validation against the site CA by the wrapped verifier.
 *
 * <p>Only full handshakes come here; the endpoint issues no session ids, so a revoked device cannot
 * skip this by resuming an earlier session.
 */
final class RevocationCheckingVerifier implements NewAdvancedCertificateVerifier, ConfigurationHelperSetup {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationCheckingVerifier.class);

    private final NewAdvancedCertificateVerifier delegate;
    private final Revocations revocations;

    RevocationCheckingVerifier(NewAdvancedCertificateVerifier delegate, Revocations revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
    }

    @Override
    public CertificateVerificationResult verifyCertificate(
            ConnectionId cid,
            ServerNames serverName,
            InetSocketAddress remotePeer,
            boolean clientUsage,
            boolean verifySubject,
            boolean truncateCertificatePath,
            CertificateMessage message) {
        Optional<String> refusal = leaf(message).flatMap(revocations::refusal);
        if (refusal.isPresent()) {
            LOG.warn("Handshake from {} refused: {}", remotePeer, refusal.get());
            var alert = new AlertMessage(AlertLevel.FATAL, AlertDescription.CERTIFICATE_REVOKED);
            return new CertificateVerificationResult(cid, new HandshakeException(refusal.get(), alert), null);
        }
        return delegate.verifyCertificate(
                cid, serverName, remotePeer, clientUsage, verifySubject, truncateCertificatePath, message);
    }

    private static Optional<X509Certificate> leaf(CertificateMessage message) {
        if (message == null || message.isEmpty() || message.getCertificateChain() == null) {
            return Optional.empty();
        }
        List<? extends Certificate> chain = message.getCertificateChain().getCertificates();
        return !chain.isEmpty() && chain.getFirst() instanceof X509Certificate leaf
                ? Optional.of(leaf)
                : Optional.empty();
    }

    @Override
    public List<CertificateType> getSupportedCertificateTypes() {
        return delegate.getSupportedCertificateTypes();
    }

    @Override
    public List<X500Principal> getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        delegate.setResultHandler(resultHandler);
    }

    @Override
    public void setupConfigurationHelper(CertificateConfigurationHelper helper) {
        if (delegate instanceof ConfigurationHelperSetup setup) {
            setup.setupConfigurationHelper(helper);
        }
    }
}
