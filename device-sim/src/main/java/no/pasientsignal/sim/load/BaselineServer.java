package no.pasientsignal.sim.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.protocol.DeviceProtocol;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * The baseline: a bare Californium CoAP server over DTLS in this process, configured like the
 * signal-server's device endpoint (server role, X.509 client certificates required and checked
 * against the site CA, ECDHE-ECDSA with AES-128-GCM on P-256, Connection ID, no session
 * resumption), whose {@code /events} and {@code /hb} answer 2.04 at once and do nothing else. What the
 * signal-server does beyond this is the cost of the product.
 *
 * <p>It has a throw-away CA of its own for its server certificate (device-sim never holds the site
 * CA key); devices talking to it trust that CA instead of the site CA.
 */
final class BaselineServer implements AutoCloseable {

    private final CoapServer server;
    private final InetSocketAddress address;
    private final X509Certificate trustAnchor;

    private BaselineServer(CoapServer server, InetSocketAddress address, X509Certificate trustAnchor) {
        this.server = server;
        this.address = address;
        this.trustAnchor = trustAnchor;
    }

    /** Starts on a free loopback port, accepting devices with certificates from {@code deviceCa}. */
    static BaselineServer start(X509Certificate deviceCa) throws IOException {
        SiteCa ca = SiteCa.create("load-baseline", Duration.ofDays(1));
        KeyPair keys = Keys.generateEc();
        X509Certificate certificate = ca.issueServer(
                keys.getPublic(), "load-baseline", List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1));
        var config = new Configuration(
                CoapConfig.DEFINITIONS, DtlsConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        config.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED);
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 6);
        config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256));
        config.set(DtlsConfig.DTLS_SERVER_USE_SESSION_ID, false);
        var dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .setCertificateIdentityProvider(new SingleCertificateProvider(
                        keys.getPrivate(),
                        new X509Certificate[] {certificate, ca.certificate()},
                        CertificateType.X_509))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedCertificates(deviceCa)
                        .build())
                .build();
        var endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
        var server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new Changed(DeviceProtocol.EVENTS_PATH), new Changed(DeviceProtocol.HEARTBEAT_PATH));
        server.start();
        return new BaselineServer(server, endpoint.getAddress(), ca.certificate());
    }

    /** Answers every POST with 2.04 at once. */
    private static final class Changed extends CoapResource {
        Changed(String name) {
            super(name);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            exchange.respond(ResponseCode.CHANGED);
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** The CA its server certificate chains to. */
    X509Certificate trustAnchor() {
        return trustAnchor;
    }

    @Override
    public void close() {
        server.stop();
        server.destroy();
    }
}
