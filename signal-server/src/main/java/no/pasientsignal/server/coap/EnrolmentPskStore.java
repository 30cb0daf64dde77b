package no.pasientsignal.server.coap;

import java.net.InetSocketAddress;
import java.util.Optional;
import javax.crypto.SecretKey;
import no.pasientsignal.server.provisioning.EnrolmentService;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-shared keys of DTLS-PSK handshakes: one-time enrolment credentials, looked up in the
 * enrolment service. An unknown, spent, voided or expired identity gets no key, so its handshake
 * fails. Answers synchronously (a short indexed query; enrolments are rare).
 */
final class EnrolmentPskStore implements AdvancedPskStore {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentPskStore.class);

    private final EnrolmentService enrolment;

    EnrolmentPskStore(EnrolmentService enrolment) {
        this.enrolment = enrolment;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return true;
    }

    @Override
    public PskSecretResult requestPskSecretResult(
            ConnectionId cid,
            ServerNames serverName,
            PskPublicInformation identity,
            String hmacAlgorithm,
            SecretKey otherSecret,
            byte[] seed,
            boolean useExtendedMasterSecret) {
        Optional<byte[]> key = enrolment.preSharedKey(identity.getPublicInfoAsString());
        if (key.isEmpty()) {
            LOG.warn("DTLS-PSK handshake with unknown, spent or expired identity {} refused", identity);
        }
        // A null secret fails the handshake with an alert; the handshaker mixes in otherSecret
        // (ECDHE) itself for a plain "PSK" key.
        SecretKey secret = key.map(bytes -> SecretUtil.create(bytes, PskSecretResult.ALGORITHM_PSK))
                .orElse(null);
        return new PskSecretResult(cid, identity, secret);
    }

    /** Server role only: the server never opens a PSK session itself. */
    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null;
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // results are returned synchronously
    }
}
