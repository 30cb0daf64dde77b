package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import no.pasientsignal.certs.testing.FixturePki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates as the JDK's own PKIX validator and TLS stack (the provider the server uses)
 * see them, with the server's cipher suite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.
 */
class TrustTest {

    private static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    private static final char[] PASSWORD = "test".toCharArray();

    @TempDir
    static Path dir;

    static FixturePki pki;

    @BeforeAll
    static void pki() {
        pki = FixturePki.create(dir);
    }

    @Test
    void valid_device_chain_validates_against_the_site_ca() throws Exception {
        Pkix.validate(pki.valid().certificate(), pki.site().caCertificate());
        Pkix.validate(pki.site().serverCertificate(), pki.site().caCertificate());
    }

    @Test
    void expired_device_fails_path_validation_as_expired() {
        assertThatThrownBy(() ->
                        Pkix.validate(pki.expired().certificate(), pki.site().caCertificate()))
                .isInstanceOfSatisfying(
                        CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
    }

    @Test
    void device_from_a_foreign_ca_fails_path_validation() throws Exception {
        assertThatThrownBy(() ->
                        Pkix.validate(pki.foreignCa().certificate(), pki.site().caCertificate()))
                .isInstanceOfSatisfying(
                        CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR));
        Pkix.validate(pki.foreignCa().certificate(), pki.foreignCaCertificate());
    }

    @Test
    void jdk_trust_manager_accepts_only_the_valid_device_as_a_tls_client() throws Exception {
        X509TrustManager trust = trustManager(pki.site().caCertificate());

        trust.checkClientTrusted(chain(pki.valid()), "ECDHE_ECDSA");
        for (DeviceCredentials refused : List.of(pki.expired(), pki.foreignCa(), pki.noClientAuth())) {
            assertThatThrownBy(() -> trust.checkClientTrusted(chain(refused), "ECDHE_ECDSA"))
                    .as(refused.deviceId())
                    .isInstanceOf(CertificateException.class);
        }
        // PKIX alone does not look at EKU: the clientAuth check is the trust manager's.
        Pkix.validate(pki.noClientAuth().certificate(), pki.site().caCertificate());
        assertThatThrownBy(() -> trust.checkClientTrusted(chain(pki.noClientAuth()), "ECDHE_ECDSA"))
                .hasMessageContaining("Extended key usage");
    }

    @Test
    void mutual_tls_handshake_on_127_0_0_1_identifies_the_device() throws Exception {
        var result = handshake(pki.site().serverCertificateChain(), pki.site().serverKey(), pki.valid(), "127.0.0.1");

        assertThat(result.clientError()).isNull();
        assertThat(result.serverError()).isNull();
        assertThat(result.deviceId()).contains(FixturePki.VALID_DEVICE_ID);
    }

    @Test
    void server_certificate_without_the_ip_san_is_refused_by_a_client_on_127_0_0_1() throws Exception {
        var key = Keys.generateEc();
        var dnsOnly = pki.siteCa()
                .issueServer(key.getPublic(), "dns-only", List.of("localhost"), List.of(), Duration.ofDays(1));

        var result =
                handshake(List.of(dnsOnly, pki.site().caCertificate()), key.getPrivate(), pki.valid(), "127.0.0.1");

        assertThat(result.clientError()).hasStackTraceContaining("127.0.0.1");
        assertThat(result.deviceId()).isEmpty();
    }

    @Test
    void handshake_refuses_a_device_without_client_auth() throws Exception {
        var result =
                handshake(pki.site().serverCertificateChain(), pki.site().serverKey(), pki.noClientAuth(), "127.0.0.1");

        assertThat(result.serverError()).hasStackTraceContaining("Extended key usage");
        assertThat(result.deviceId()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    record Handshake(Optional<String> deviceId, Exception clientError, Exception serverError) {}

    private static Handshake handshake(
            List<X509Certificate> serverChain,
            java.security.PrivateKey serverKey,
            DeviceCredentials device,
            String connectTo)
            throws Exception {
        SSLContext server = context(serverChain, serverKey, pki.site().caCertificate());
        SSLContext client = context(device.certificateChain(), device.privateKey(), device.caCertificate());
        try (var listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            listener.setNeedClientAuth(true);
            listener.setEnabledProtocols(new String[] {"TLSv1.2"});
            listener.setEnabledCipherSuites(new String[] {SUITE});
            listener.setSoTimeout(10_000);
            CompletableFuture<Optional<String>> accepted = CompletableFuture.supplyAsync(() -> {
                try (var socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    var peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    socket.getOutputStream().write(1);
                    socket.getOutputStream().flush();
                    return DeviceIdentity.deviceId(peer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Exception clientError = null;
            try (var socket = (SSLSocket) client.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(connectTo, listener.getLocalPort()), 10_000);
                socket.setSoTimeout(10_000);
                var parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setProtocols(new String[] {"TLSv1.2"});
                parameters.setCipherSuites(new String[] {SUITE});
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertThat(socket.getSession().getCipherSuite()).isEqualTo(SUITE);
                if (socket.getInputStream().read() != 1) {
                    throw new IOException("server closed the connection");
                }
            } catch (IOException e) {
                clientError = e;
            }
            try {
                return new Handshake(accepted.get(15, TimeUnit.SECONDS), clientError, null);
            } catch (java.util.concurrent.ExecutionException e) {
                return new Handshake(Optional.empty(), clientError, (Exception) e.getCause());
            }
        }
    }

    private static SSLContext context(
            List<X509Certificate> chain, java.security.PrivateKey key, X509Certificate trustAnchor) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("me", key, PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trustStore(trustAnchor));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static X509TrustManager trustManager(X509Certificate trustAnchor) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trustStore(trustAnchor));
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static KeyStore trustStore(X509Certificate trustAnchor) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("site-ca", trustAnchor);
        return store;
    }

    private static X509Certificate[] chain(DeviceCredentials credentials) {
        return credentials.certificateChain().toArray(X509Certificate[]::new);
    }
}
