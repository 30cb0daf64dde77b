package no.pasientsignal.certs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.pasientsignal.certs.Fingerprint;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.certs.SitePki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "init-site",
        mixinStandardHelpOptions = true,
        description = {
            "Create a site directory: site CA (ca.pem, ca-key.pem) and server certificate (server.pem, server-key.pem).",
            "Idempotent: existing files are kept and loaded, never overwritten."
        })
final class InitSiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Site directory (created if missing).")
    Path dir;

    @Option(
            names = "--site",
            required = true,
            paramLabel = "NAME",
            description = "Site name; the CA becomes 'CN=<NAME> Site CA, O=Pasientsignal'.")
    String site;

    @Option(
            names = "--dns",
            paramLabel = "NAME",
            description = "DNS name of the server (repeatable). Without --dns and --ip: localhost and 127.0.0.1.")
    List<String> dnsNames = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "IP address of the server (repeatable).")
    List<String> ipAddresses = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> dns = dnsNames;
        List<String> ips = ipAddresses;
        if (dns.isEmpty() && ips.isEmpty()) {
            dns = List.of("localhost");
            ips = List.of("127.0.0.1");
        }
        boolean caExisted = Files.exists(dir.resolve(SiteCa.CA_CERT_FILE));
        boolean serverExisted = Files.exists(dir.resolve(SitePki.SERVER_CERT_FILE));
        SitePki pki = SitePki.bootstrap(dir, site, dns, ips);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Site directory " + dir.toAbsolutePath());
        out.println("  Site CA (" + (caExisted ? "existing, kept" : "created") + "): "
                + pki.caCertificate().getSubjectX500Principal().getName());
        out.println("    SHA-256 fingerprint: " + Fingerprint.sha256(pki.caCertificate()));
        out.println("  Server certificate (" + (serverExisted ? "existing, kept" : "created") + "): "
                + pki.serverCertificate().getSubjectX500Principal().getName());
        out.println("    Names: " + CertificateText.subjectAltNames(pki.serverCertificate()));
        out.println("    Valid until: " + pki.serverCertificate().getNotAfter().toInstant());
        if (caExisted || serverExisted) {
            out.println("  Existing files were kept: --site, --dns and --ip only apply to files created now.");
        }
        out.println("Files: " + SiteCa.CA_CERT_FILE + " (trust anchor for devices and clients), "
                + SiteCa.CA_KEY_FILE + " (keep secret, mode 600), " + SitePki.SERVER_CERT_FILE + ", "
                + SitePki.SERVER_KEY_FILE);
        out.flush();
        return 0;
    }
}
