package no.pasientsignal.certs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The PKI files of one site directory, as the server needs them:
 *
 * <pre>
 * ca.pem          site CA certificate (give this to devices and clients as the trust anchor)
 * ca-key.pem      site CA private key (600; only the enrolment/issuing side needs it)
 * server.pem      server certificate chain: server, then CA
 * server-key.pem  server private key (600)
 * </pre>
 *
 * @param dir the site directory
 * @param caCertificate the site CA, the trust anchor for device certificates
 * @param serverCertificate the server's leaf certificate
 * @param serverKey the server's private key
 */
public record SitePki(
        Path dir, X509Certificate caCertificate, X509Certificate serverCertificate, PrivateKey serverKey) {

    /** Server certificate chain file (server, then CA). */
    public static final String SERVER_CERT_FILE = "server.pem";

    /** Server private key file (mode 600). */
    public static final String SERVER_KEY_FILE = "server-key.pem";

    /** Validity of a site CA made by {@link #bootstrap}: 10 years. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);

    /** Validity of a server certificate made by {@link #bootstrap}: 825 days. */
    public static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private static final String LOCK_FILE = ".bootstrap.lock";
    private static final Object JVM_LOCK = new Object();

    public SitePki {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(serverCertificate, "serverCertificate");
        Objects.requireNonNull(serverKey, "serverKey");
    }

    /**
     * Idempotent first-run set-up, for embedded/demo mode: creates {@code dir} if missing, then
     * loads the site CA ({@code ca.pem}, {@code ca-key.pem}) or, if neither file exists, creates
     * one for {@code siteName} ({@link #CA_VALIDITY}); likewise loads the server certificate and
     * key or, if neither exists, issues them for the given names ({@link #SERVER_VALIDITY}). Never
     * overwrites a file: on later runs everything is loaded as is, and {@code siteName}, {@code
     * dnsNames} and {@code ipAddresses} are not used. Keys are written before certificates, and a
     * directory with only one file of a pair (an interrupted set-up, or a deleted file) is refused
     * with a message saying what to do. Safe to call concurrently from several threads or
     * processes (a lock file {@code .bootstrap.lock} serialises creation). When all four files
     * exist they are just loaded, so a read-only directory works.
     *
     * @throws IOException for unreadable or inconsistent files (e.g. a server certificate not
     *     issued by this CA), the message naming the file
     */
    public static SitePki bootstrap(Path dir, String siteName, List<String> dnsNames, List<String> ipAddresses)
            throws IOException {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(dnsNames, "dnsNames");
        Objects.requireNonNull(ipAddresses, "ipAddresses");
        if (allFilesPresent(dir)) {
            return load(dir); // the usual case; needs no write access to dir
        }
        Files.createDirectories(dir);
        synchronized (JVM_LOCK) {
            try (FileChannel lockChannel = FileChannel.open(
                            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock _ = lockChannel.lock()) {
                boolean serverPresent = pairPresent(dir, SERVER_CERT_FILE, SERVER_KEY_FILE, "a new server certificate");
                if (!serverPresent) {
                    SiteCa.checkServerNames(dnsNames, ipAddresses); // before writing anything
                }
                SiteCa ca;
                if (pairPresent(dir, SiteCa.CA_CERT_FILE, SiteCa.CA_KEY_FILE, "a new site CA")) {
                    ca = SiteCa.load(dir);
                } else {
                    ca = SiteCa.create(siteName, CA_VALIDITY);
                    ca.save(dir);
                }
                if (!serverPresent) {
                    var serverKeys = Keys.generateEc();
                    X509Certificate server = ca.issueServer(
                            serverKeys.getPublic(), siteName + " server", dnsNames, ipAddresses, SERVER_VALIDITY);
                    Pem.writePrivateKey(dir.resolve(SERVER_KEY_FILE), serverKeys.getPrivate());
                    Pem.writeCertificates(dir.resolve(SERVER_CERT_FILE), server, ca.certificate());
                }
                return load(dir);
            }
        }
    }

    /**
     * Loads an existing site directory (all four files) and checks that the server certificate
     * was issued by the CA and matches the server key.
     */
    public static SitePki load(Path dir) throws IOException {
        X509Certificate ca = Pem.readCertificate(dir.resolve(SiteCa.CA_CERT_FILE));
        Path serverFile = dir.resolve(SERVER_CERT_FILE);
        X509Certificate server = Pem.readCertificate(serverFile);
        PrivateKey serverKey = Pem.readPrivateKey(dir.resolve(SERVER_KEY_FILE));
        try {
            server.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    serverFile + " was not issued by the CA in " + dir.resolve(SiteCa.CA_CERT_FILE) + "; delete "
                            + SERVER_CERT_FILE + " and " + SERVER_KEY_FILE + " to issue a new one",
                    e);
        }
        if (!Keys.matches(serverKey, server.getPublicKey())) {
            throw new IOException(dir.resolve(SERVER_KEY_FILE) + " does not belong to " + serverFile);
        }
        return new SitePki(dir, ca, server, serverKey);
    }

    /** The chain the server presents: server certificate, then CA. */
    public List<X509Certificate> serverCertificateChain() {
        return List.of(serverCertificate, caCertificate);
    }

    public Path caCertificateFile() {
        return dir.resolve(SiteCa.CA_CERT_FILE);
    }

    public Path caKeyFile() {
        return dir.resolve(SiteCa.CA_KEY_FILE);
    }

    public Path serverCertificateFile() {
        return dir.resolve(SERVER_CERT_FILE);
    }

    public Path serverKeyFile() {
        return dir.resolve(SERVER_KEY_FILE);
    }

    /** The site CA with its key, for issuing (enrolment, {@code new-device}). */
    public SiteCa loadCa() throws IOException {
        return SiteCa.load(dir);
    }

    @Override
    public String toString() {
        return "SitePki[" + dir + ", CA "
                + caCertificate.getSubjectX500Principal().getName() + ", server "
                + serverCertificate.getSubjectX500Principal().getName() + "]";
    }

    private static boolean allFilesPresent(Path dir) {
        return List.of(SiteCa.CA_CERT_FILE, SiteCa.CA_KEY_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE).stream()
                .allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    /** True if both files exist, false if neither; refuses a half pair rather than overwrite it. */
    private static boolean pairPresent(Path dir, String certName, String keyName, String what) throws IOException {
        boolean cert = Files.exists(dir.resolve(certName));
        boolean key = Files.exists(dir.resolve(keyName));
        if (cert != key) {
            String present = cert ? certName : keyName;
            String missing = cert ? keyName : certName;
            throw new IOException(dir.resolve(present) + " exists but " + missing + " does not"
                    + " (an interrupted set-up or a deleted file). Restore " + missing + ", or delete " + present
                    + " to create " + what + ".");
        }
        return cert;
    }
}
