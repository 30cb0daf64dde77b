package no.pasientsignal.server.coap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.SitePki;
import no.pasientsignal.server.alarm.CallBoard;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the CoAP server: built from explicit configuration (Californium never reads or writes a
 * properties file), started once the HTTP server is up and stopped with the application.
 */
@Singleton
public final class DeviceEndpoint implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoint.class);

    private final CoapSettings settings;
    private final SitePki pki;
    private final CallBoard board;
    private final FacilityDirectory facility;
    private final DeviceHealth health;
    private volatile CoapServer server;
    private volatile CoapEndpoint endpoint;

    public DeviceEndpoint(
            CoapSettings settings, SitePki pki, CallBoard board, FacilityDirectory facility, DeviceHealth health) {
        this.settings = settings;
        this.pki = pki;
        this.board = board;
        this.facility = facility;
        this.health = health;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Configuration config = configuration(settings);
        var dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(settings.bindAddress(), settings.port()))
                .setCertificateIdentityProvider(new SingleCertificateProvider(
                        pki.serverKey(),
                        new X509Certificate[] {pki.serverCertificate(), pki.caCertificate()},
                        CertificateType.X_509))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedCertificates(pki.caCertificate())
                        .build())
                .build();
        endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(new DTLSConnector(dtls))
                .build();
        var coap = new CoapServer(config);
        coap.addEndpoint(endpoint);
        coap.add(new EventsResource(board, facility, health));
        coap.add(new HeartbeatResource(health, facility));
        coap.start();
        server = coap;
        LOG.info(
                "Device endpoint listening on coaps://{}:{}",
                endpoint.getAddress().getHostString(),
                endpoint.getAddress().getPort());
    }

    /** The bound address (the real port when configured with 0). */
    public InetSocketAddress address() {
        var ep = endpoint;
        if (ep == null) {
            throw new IllegalStateException("device endpoint not started");
        }
        return ep.getAddress();
    }

    public boolean isRunning() {
        var coap = server;
        return coap != null && endpoint != null && endpoint.isStarted();
    }

    @PreDestroy
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server.destroy();
            server = null;
            LOG.info("Device endpoint stopped");
        }
    }

    static Configuration configuration(CoapSettings settings) {
        var config = new Configuration(
                CoapConfig.DEFINITIONS, DtlsConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        config.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED);
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, settings.connectionIdLength());
        config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, settings.maxConnections());
        config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256));
        config.set(CoapConfig.MAX_ACTIVE_PEERS, settings.maxConnections());
        // Server responses are piggy-backed ACKs; this only bounds how long duplicates of a
        // request are answered from the exchange cache instead of reaching the resource.
        config.set(CoapConfig.EXCHANGE_LIFETIME, 30, TimeUnit.SECONDS);
        return config;
    }
}
