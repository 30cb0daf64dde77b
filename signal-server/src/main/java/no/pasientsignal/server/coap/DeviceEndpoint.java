package no.pasientsignal.server.coap;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.SitePki;
import no.pasientsignal.server.alarm.AlarmService;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.EnrolmentService;
import no.pasientsignal.server.provisioning.Revocation;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.util.Filter;
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
 *
 * <p>Two kinds of DTLS session: devices in service authenticate with their certificate (X.509,
 * checked against the site CA and the revocations), and devices enrolling authenticate with a
 * one-time enrolment credential (PSK) and may only use EST ({@code /.well-known/est}). When
 * certificates are revoked, the sessions they opened are dropped.
 */
@Singleton
public final class DeviceEndpoint implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoint.class);

    private final CoapSettings settings;
    private final SitePki pki;
    private final AlarmService alarms;
    private final FacilityDirectory facility;
    private final ResidentDirectory residents;
    private final Clock clock;
    /** Sends event acknowledgements once durable; two threads keep DTLS encryption off the desks. */
    private final ExecutorService responder = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("coap-ack-", 0).daemon(true).factory());

    private final DeviceHealth health;
    private final EnrolmentService enrolment;
    private final Revocations revocations;
    private volatile CoapServer server;
    private volatile CoapEndpoint endpoint;
    private volatile DTLSConnector connector;
    private AutoCloseable revocationSubscription;

    public DeviceEndpoint(
            CoapSettings settings,
            SitePki pki,
            AlarmService alarms,
            FacilityDirectory facility,
            ResidentDirectory residents,
            Clock clock,
            DeviceHealth health,
            EnrolmentService enrolment,
            Revocations revocations) {
        this.settings = settings;
        this.pki = pki;
        this.alarms = alarms;
        this.facility = facility;
        this.residents = residents;
        this.clock = clock;
        this.health = health;
        this.enrolment = enrolment;
        this.revocations = revocations;
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
                .setAdvancedCertificateVerifier(new RevocationCheckingVerifier(
                        StaticNewAdvancedCertificateVerifier.builder()
                                .setTrustedCertificates(pki.caCertificate())
                                .build(),
                        revocations))
                .setAdvancedPskStore(new EnrolmentPskStore(enrolment))
                .build();
        connector = new DTLSConnector(dtls);
        endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(connector)
                .build();
        var coap = new CoapServer(config);
        coap.addEndpoint(endpoint);
        coap.add(new EventsResource(alarms, facility, residents, revocations, health, clock, responder));
        coap.add(new HeartbeatResource(health, facility, revocations));
        wellKnown(coap).add(new EstResource(enrolment));
        revocationSubscription = revocations.subscribe(this::dropSessions);
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

    /** Whether a DTLS session with this peer address exists (for tests of dropped sessions). */
    public boolean hasSession(InetSocketAddress peer) {
        var dtls = connector;
        return dtls != null && dtls.getSessionByAddress(peer) != null;
    }

    /** Drops the sessions of revoked certificates (and of every certificate of a retired device). */
    private void dropSessions(Revocation revocation) {
        var dtls = connector;
        if (dtls == null) {
            return;
        }
        Filter<Principal> revoked = principal -> openedBy(principal, revocation);
        // true: also forget the sessions, so none can be resumed
        dtls.startTerminateConnectionsForPrincipal(revoked, true);
        LOG.info("Dropping DTLS sessions of device {} (revoked)", revocation.deviceId());
    }

    private static boolean openedBy(Principal principal, Revocation revocation) {
        if (!(principal instanceof X509CertPath path)) {
            return false;
        }
        X509Certificate certificate = path.getTarget();
        return revocation.serials().contains(Revocations.serial(certificate.getSerialNumber()))
                || (revocation.deviceRetired()
                        && DeviceIdentity.deviceId(certificate)
                                .filter(revocation.deviceId()::equals)
                                .isPresent());
    }

    /** The server's {@code /.well-known} resource, which Californium creates for {@code core}. */
    private static Resource wellKnown(CoapServer coap) {
        Resource wellKnown = coap.getRoot().getChild(".well-known");
        if (wellKnown == null) {
            wellKnown = new CoapResource(".well-known");
            coap.add((CoapResource) wellKnown);
        }
        return wellKnown;
    }

    @PreDestroy
    public synchronized void stop() {
        if (revocationSubscription != null) {
            try {
                revocationSubscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the revocation subscription failed", e);
            }
            revocationSubscription = null;
        }
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
        // Certificates for devices in service; ECDHE-PSK (forward secret) for enrolment sessions.
        config.set(
                DtlsConfig.DTLS_CIPHER_SUITES,
                List.of(
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                        CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256));
        // No session ids, so no session resumption: every new session is a full handshake and
        // passes the revocation check (a resumed session would skip the certificate).
        config.set(DtlsConfig.DTLS_SERVER_USE_SESSION_ID, false);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, settings.maxConnections());
        // Server responses are piggy-backed ACKs; this only bounds how long duplicates of a
        // request are answered from the exchange cache instead of reaching the resource.
        config.set(CoapConfig.EXCHANGE_LIFETIME, 30, TimeUnit.SECONDS);
        return config;
    }
}
