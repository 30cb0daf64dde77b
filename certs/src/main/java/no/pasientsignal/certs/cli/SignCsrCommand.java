package no.pasientsignal.certs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Pem;
import no.pasientsignal.certs.SiteCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "sign-csr",
        mixinStandardHelpOptions = true,
        description = {
            "Sign a device's PKCS#10 certificate request (PEM or DER) with the site CA.",
            "The request must be self-signed by an EC P-256 key and have subject CN=<device id>.",
            "Writes the device certificate followed by the CA certificate (PEM) to --out."
        })
final class SignCsrCommand implements Callable<Integer> {

    private static final int MAX_DAYS = 36_500;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            required = true,
            paramLabel = "DIR",
            description = "Site directory with ca.pem and ca-key.pem.")
    Path dir;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The request, PEM or DER.")
    Path csrFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the certificate chain (PEM).")
    Path outFile;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "730",
            description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        Duration validity = validity(spec, days);
        byte[] csr = Pem.readCertificateRequest(csrFile);
        SiteCa ca = SiteCa.load(dir);
        X509Certificate certificate = ca.signDeviceCsr(csr, validity);
        Pem.writeCertificates(outFile, certificate, ca.certificate());

        PrintWriter out = spec.commandLine().getOut();
        out.println("Signed " + csrFile + " for device "
                + DeviceIdentity.deviceId(certificate).orElseThrow() + ": "
                + certificate.getSubjectX500Principal().getName());
        out.println("  Valid until: " + certificate.getNotAfter().toInstant());
        out.println("  Written to: " + outFile + " (certificate, then CA)");
        out.flush();
        return 0;
    }

    static Duration validity(CommandSpec spec, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ParameterException(
                    spec.commandLine(), "--days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        return Duration.ofDays(days);
    }
}
