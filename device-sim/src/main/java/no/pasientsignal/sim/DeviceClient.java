package no.pasientsignal.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.protocol.HeartbeatCodec;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.elements.util.Bytes;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.CertificateConfigurationHelper;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * One device's connection to the signal-server: its own DTLS session, authenticated with the
 * device's certificate, verifying the server against the site CA; or, for enrolment, with a
 * one-time enrolment credential (DTLS-PSK, see {@link EstEnrolment}). Requests are confirmable and
 * retransmitted per {@link ClientTiming}.
 */
public final class DeviceClient implements AutoCloseable {

    private final String deviceId;
    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final String baseUri;
    private final InetSocketAddress server;
    private final EventCodec codec = new EventCodec();
    private final HeartbeatCodec heartbeatCodec = new HeartbeatCodec();

    private DeviceClient(
            String deviceId, CoapEndpoint endpoint, CoapClient client, String baseUri, InetSocketAddress server) {
        this.deviceId = deviceId;
        this.endpoint = endpoint;
        this.client = client;
        this.baseUri = baseUri;
        this.server = server;
    }

    public static DeviceClient connect(DeviceCredentials credentials, InetSocketAddress server, ClientTiming timing) {
        return connect(credentials, server, timing, false);
    }

    /**
     * Like {@link #connect}, but simulates a faulty device: it presents its certificate even when
     * the certificate is not fit for client authentication (Californium would refuse to use it).
     * For testing that the server refuses such devices at the handshake.
     */
    public static DeviceClient connectFaulty(
            DeviceCredentials credentials, InetSocketAddress server, ClientTiming timing) {
        return connect(credentials, server, timing, true);
    }

    private static DeviceClient connect(
            DeviceCredentials credentials, InetSocketAddress server, ClientTiming timing, boolean faulty) {
        Configuration config = configuration(timing);
        // Only the device's own certificate: the server has the site CA, and a shorter
        // handshake flight is less likely to be fragmented on a weak radio link.
        var chain = new X509Certificate[] {credentials.certificate()};
        var identity = faulty
                ? new SingleCertificateProvider(credentials.privateKey(), chain, CertificateType.X_509) {
                    @Override
                    public void setupConfigurationHelper(CertificateConfigurationHelper helper) {
                        // skip the local key-usage check
                    }
                }
                : new SingleCertificateProvider(credentials.privateKey(), chain, CertificateType.X_509);
        var dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setCertificateIdentityProvider(identity)
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedCertificates(credentials.caCertificate())
                        .build())
                .build();
        return start(credentials.deviceId(), config, dtls, server, timing);
    }

    /**
     * A session authenticated with a one-time enrolment credential (DTLS-PSK, ECDHE for forward
     * secrecy) instead of a certificate: what a device has before it is enrolled. The server only
     * lets such a session use EST ({@code /.well-known/est}).
     *
     * @param label names the session in error messages (the device id being enrolled)
     */
    public static DeviceClient connectWithCredential(
            String label, String identity, byte[] secret, InetSocketAddress server, ClientTiming timing) {
        Configuration config = configuration(timing);
        config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256));
        var dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret))
                .build();
        return start(label, config, dtls, server, timing);
    }

    private static DeviceClient start(
            String label,
            Configuration config,
            DtlsConnectorConfig dtls,
            InetSocketAddress server,
            ClientTiming timing) {
        var endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open UDP socket for device " + label, e);
        }
        String baseUri = "coaps://" + hostLiteral(server) + ":" + server.getPort() + "/";
        var client = new CoapClient(baseUri + DeviceProtocol.EVENTS_PATH)
                .setEndpoint(endpoint)
                .setTimeout(timing.totalTimeoutMillis());
        return new DeviceClient(label, endpoint, client, baseUri, server);
    }

    /** The local UDP address this device sends from. */
    public InetSocketAddress localAddress() {
        return endpoint.getAddress();
    }

    /**
     * The DTLS session id the server gave this device's current session (hex), empty when it gave
     * none (then the session cannot be resumed) or there is no session yet.
     */
    public String sessionId() {
        var session = ((DTLSConnector) endpoint.getConnector()).getSessionByAddress(server);
        return session == null || session.getSessionIdentifier() == null
                ? ""
                : session.getSessionIdentifier().getAsString();
    }

    /**
     * Makes the next request try to resume the DTLS session (an abbreviated handshake without
     * certificates) instead of using the current one: for tests that a server cannot be tricked
     * by resumption.
     */
    public void forceResumption() {
        ((DTLSConnector) endpoint.getConnector()).forceResumeSessionFor(server);
    }

    public String deviceId() {
        return deviceId;
    }

    /** Sends an event as a confirmable POST and waits for the response. */
    public Reply send(DeviceEvent event) throws SendFailedException {
        return post(codec.encode(event), DeviceProtocol.CONTENT_FORMAT_CBOR);
    }

    /** Sends a heartbeat as a confirmable POST to {@code /hb} and waits for the response. */
    public Reply heartbeat(Heartbeat heartbeat) throws SendFailedException {
        return post(
                DeviceProtocol.HEARTBEAT_PATH, heartbeatCodec.encode(heartbeat), DeviceProtocol.CONTENT_FORMAT_CBOR);
    }

    /** Posts raw bytes to the events resource: for tests of what the server refuses. */
    public Reply post(byte[] payload, int contentFormat) throws SendFailedException {
        return post(DeviceProtocol.EVENTS_PATH, payload, contentFormat);
    }

    /** Posts raw bytes to a resource path (e.g. {@code hb}): for tests of what the server refuses. */
    public Reply post(String path, byte[] payload, int contentFormat) throws SendFailedException {
        return post(path, payload, contentFormat, MediaTypeRegistry.UNDEFINED);
    }

    /**
     * Posts {@code payload} to {@code path} with a content format and, unless {@code accept} is
     * negative, an Accept option.
     */
    public Reply post(String path, byte[] payload, int contentFormat, int accept) throws SendFailedException {
        Request request = Request.newPost();
        request.setPayload(payload);
        if (contentFormat >= 0) {
            request.getOptions().setContentFormat(contentFormat);
        }
        return exchange(request, path, accept);
    }

    /** GETs {@code path}, with an Accept option unless {@code accept} is negative. */
    public Reply get(String path, int accept) throws SendFailedException {
        return exchange(Request.newGet(), path, accept);
    }

    private Reply exchange(Request request, String path, int accept) throws SendFailedException {
        request.setURI(baseUri + path);
        request.setConfirmable(true);
        if (accept >= 0) {
            request.getOptions().setAccept(accept);
        }
        long start = System.nanoTime();
        CoapResponse response;
        try {
            response = client.advanced(request);
        } catch (ConnectorException | IOException e) {
            throw new SendFailedException(deviceId + ": " + e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - start;
        if (response == null) {
            Throwable error = request.getSendError();
            String reason = error != null
                    ? error.getMessage()
                    : request.isRejected() ? "rejected by server" : "no response (timed out)";
            throw new SendFailedException(deviceId + ": " + reason, error);
        }
        String diagnostic = response.isSuccess() ? "" : response.getResponseText();
        Bytes cid = response.advanced().getSourceContext().get(DtlsEndpointContext.KEY_WRITE_CONNECTION_ID);
        byte[] body = response.getPayload();
        return new Reply(
                response.getCode().text,
                diagnostic == null ? "" : diagnostic,
                elapsed,
                cid == null ? "" : cid.getAsString(),
                response.getOptions().getContentFormat(),
                body == null ? new byte[0] : body);
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }

    /** The CoAP and DTLS settings of a device with this timing (X.509, Connection ID accepted). */
    public static Configuration configuration(ClientTiming timing) {
        var config = new Configuration(
                CoapConfig.DEFINITIONS, DtlsConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        // 0: the device accepts the server's Connection ID but needs none of its own.
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256));
        config.set(
                DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT,
                timing.dtlsRetransmission().toMillis(),
                TimeUnit.MILLISECONDS);
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, timing.dtlsMaxRetransmissions());
        config.set(CoapConfig.ACK_TIMEOUT, timing.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.ACK_INIT_RANDOM, timing.ackRandomFactor());
        config.set(CoapConfig.ACK_TIMEOUT_SCALE, timing.ackTimeoutScale());
        config.set(CoapConfig.MAX_RETRANSMIT, timing.maxRetransmit());
        return config;
    }

    private static String hostLiteral(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The request did not get a response: handshake refused, timed out, or the socket failed. */
    public static final class SendFailedException extends Exception {
        public SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
