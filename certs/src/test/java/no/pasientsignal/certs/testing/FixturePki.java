package no.pasientsignal.certs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.certs.CertProfile;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.certs.SitePki;

/**
 * A complete test PKI, generated at run time (no private keys are committed anywhere), for the
 * tests of every module that speaks DTLS/TLS with device certificates.
 *
 * <h2>Using it</h2>
 *
 * Depend on the test-jar:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>no.pasientsignal</groupId>
 *   <artifactId>certs</artifactId>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * and create one per test class (key generation is fast, a few milliseconds per certificate):
 *
 * <pre>{@code
 * @TempDir static Path dir;
 * static FixturePki pki;
 *
 * @BeforeAll static void pki() { pki = FixturePki.create(dir); }
 *
 * // server side: trust pki.site().caCertificate(), present pki.site().serverCertificateChain()
 * //              with pki.site().serverKey(); or point the server at pki.site().dir()
 * // device side: present pki.valid().certificateChain() with pki.valid().privateKey(),
 * //              trust pki.valid().caCertificate(); or load from pki.devicesDir()
 * }</pre>
 *
 * <h2>Files</h2>
 *
 * <pre>
 * dir/ca.pem, ca-key.pem, server.pem, server-key.pem   the site (see {@link SitePki})
 * dir/devices/&lt;id&gt;.pem, &lt;id&gt;-key.pem                every device below (see {@link DeviceCredentials#load})
 * dir/foreign-ca/ca.pem, ca-key.pem                    the foreign CA of {@link #foreignCa()}
 * </pre>
 *
 * <h2>Aliases</h2>
 *
 * <dl>
 *   <dt>{@link #site()}
 *   <dd>The site "Fixture": CA {@code CN=Fixture Site CA, O=Pasientsignal}, valid 10 years; server
 *       certificate {@code CN=Fixture server} for DNS {@code localhost} and IP {@code 127.0.0.1}
 *       and {@code ::1}, EKU serverAuth. {@link #siteCa()} is the same CA with its key, for
 *       enrolment tests.
 *   <dt>{@link #valid()}
 *   <dd>Device {@value #VALID_DEVICE_ID} (or the id given to {@link #create(Path, String)}): issued
 *       by the site CA through the CSR path, EKU clientAuth, valid now for a year. Accepted.
 *   <dt>{@link #device(String)}
 *   <dd>Issues (and saves) one more device like {@code valid}, for tests with several devices.
 *   <dt>{@link #expired()}
 *   <dd>Device {@value #EXPIRED_DEVICE_ID}: correct subject and EKU, signed by the site CA, but
 *       valid from 30 days ago until yesterday. Refused by PKIX validation ({@code EXPIRED}) and
 *       hence by the handshake.
 *   <dt>{@link #foreignCa()}
 *   <dd>Device {@value #FOREIGN_DEVICE_ID}: a perfectly valid-looking device certificate (right
 *       subject, EKU clientAuth, valid now) issued by a different CA, {@code CN=Foreign Site CA}.
 *       Its {@link DeviceCredentials#caCertificate()} is that foreign CA. Refused because it does
 *       not chain to the site CA.
 *   <dt>{@link #noClientAuth()}
 *   <dd>Device {@value #NO_CLIENT_AUTH_DEVICE_ID}: signed by the site CA, valid now, correct
 *       device subject, but EKU serverAuth only. Plain PKIX path validation accepts it (PKIX does
 *       not look at EKU); the JDK's TLS trust manager ({@code checkClientTrusted}) refuses it, and
 *       so must any code that checks client certificates itself.
 * </dl>
 *
 * All keys are EC P-256 and all objects are plain JDK certificates and keys.
 */
public final class FixturePki {

    public static final String SITE_NAME = "Fixture";
    public static final String VALID_DEVICE_ID = "call-201";
    public static final String EXPIRED_DEVICE_ID = "call-expired";
    public static final String FOREIGN_DEVICE_ID = "call-foreign";
    public static final String NO_CLIENT_AUTH_DEVICE_ID = "call-noclientauth";

    /** Validity of {@link #valid()} and {@link #device(String)} credentials. */
    public static final Duration DEVICE_VALIDITY = Duration.ofDays(365);

    private final Path dir;
    private final SitePki site;
    private final SiteCa siteCa;
    private final DeviceCredentials valid;
    private final DeviceCredentials expired;
    private final DeviceCredentials foreignCa;
    private final DeviceCredentials noClientAuth;

    private FixturePki(
            Path dir,
            SitePki site,
            SiteCa siteCa,
            DeviceCredentials valid,
            DeviceCredentials expired,
            DeviceCredentials foreignCa,
            DeviceCredentials noClientAuth) {
        this.dir = dir;
        this.site = site;
        this.siteCa = siteCa;
        this.valid = valid;
        this.expired = expired;
        this.foreignCa = foreignCa;
        this.noClientAuth = noClientAuth;
    }

    /** Creates the whole fixture in {@code dir} (normally a JUnit {@code @TempDir}). */
    public static FixturePki create(Path dir) {
        return create(dir, VALID_DEVICE_ID);
    }

    /** Like {@link #create(Path)}, with another id for the {@link #valid()} device. */
    public static FixturePki create(Path dir, String validDeviceId) {
        Objects.requireNonNull(dir, "dir");
        DeviceIdentity.requireValidDeviceId(validDeviceId);
        try {
            SitePki site = SitePki.bootstrap(dir, SITE_NAME, List.of("localhost"), List.of("127.0.0.1", "::1"));
            SiteCa siteCa = site.loadCa();
            Path devices = dir.resolve("devices");

            DeviceCredentials valid = DeviceCredentials.issueLocally(siteCa, validDeviceId, DEVICE_VALIDITY);

            Instant now = Instant.now();
            KeyPair expiredKeys = Keys.generateEc();
            X509Certificate expiredCert = siteCa.issue(
                    CertProfile.device(),
                    DeviceIdentity.subject(EXPIRED_DEVICE_ID),
                    expiredKeys.getPublic(),
                    now.minus(Duration.ofDays(30)),
                    now.minus(Duration.ofDays(1)));
            DeviceCredentials expired = new DeviceCredentials(
                    EXPIRED_DEVICE_ID, expiredCert, expiredKeys.getPrivate(), siteCa.certificate());

            SiteCa foreign = SiteCa.create("Foreign", Duration.ofDays(3650));
            foreign.save(dir.resolve("foreign-ca"));
            DeviceCredentials foreignCa = DeviceCredentials.issueLocally(foreign, FOREIGN_DEVICE_ID, DEVICE_VALIDITY);

            KeyPair serverOnlyKeys = Keys.generateEc();
            X509Certificate serverOnlyCert = siteCa.issue(
                    new CertProfile(Set.of(CertProfile.Purpose.SERVER_AUTH), List.of(), List.of()),
                    DeviceIdentity.subject(NO_CLIENT_AUTH_DEVICE_ID),
                    serverOnlyKeys.getPublic(),
                    now.minus(Duration.ofMinutes(5)),
                    now.plus(DEVICE_VALIDITY));
            DeviceCredentials noClientAuth = new DeviceCredentials(
                    NO_CLIENT_AUTH_DEVICE_ID, serverOnlyCert, serverOnlyKeys.getPrivate(), siteCa.certificate());

            for (DeviceCredentials credentials : List.of(valid, expired, foreignCa, noClientAuth)) {
                credentials.save(devices);
            }
            return new FixturePki(dir, site, siteCa, valid, expired, foreignCa, noClientAuth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixture PKI to " + dir, e);
        }
    }

    /** Another valid device, issued by the site CA like {@link #valid()} and saved to {@link #devicesDir()}. */
    public DeviceCredentials device(String deviceId) {
        DeviceCredentials credentials = DeviceCredentials.issueLocally(siteCa, deviceId, DEVICE_VALIDITY);
        try {
            credentials.save(devicesDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credentials;
    }

    /** The site directory (site files), as given to {@link #create(Path)}. */
    public Path dir() {
        return dir;
    }

    /** Where every device's {@code <id>.pem} and {@code <id>-key.pem} are. */
    public Path devicesDir() {
        return dir.resolve("devices");
    }

    public SitePki site() {
        return site;
    }

    /** The site CA with its private key, for enrolment tests. */
    public SiteCa siteCa() {
        return siteCa;
    }

    public DeviceCredentials valid() {
        return valid;
    }

    public DeviceCredentials expired() {
        return expired;
    }

    public DeviceCredentials foreignCa() {
        return foreignCa;
    }

    public DeviceCredentials noClientAuth() {
        return noClientAuth;
    }

    /** The CA that issued {@link #foreignCa()}; not trusted by the site. */
    public X509Certificate foreignCaCertificate() {
        return foreignCa.caCertificate();
    }
}
