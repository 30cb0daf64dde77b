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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Spec
    CommandSpec spec;

    @Mixin
    IssuingCa ca;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The request, PEM or DER.")
    Path csrFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the certificate chain (PEM).")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        Duration validity = ca.validity();
        byte[] csr = Pem.readCertificateRequest(csrFile);
        SiteCa siteCa = ca.load();
        X509Certificate certificate = siteCa.signDeviceCsr(csr, validity);
        Pem.writeCertificates(outFile, certificate, siteCa.certificate());

        PrintWriter out = spec.commandLine().getOut();
        out.println("Signed " + csrFile + " for device "
                + DeviceIdentity.deviceId(certificate).orElseThrow() + ": "
                + certificate.getSubjectX500Principal().getName());
        out.println("  Valid until: " + certificate.getNotAfter().toInstant());
        out.println("  Written to: " + outFile + " (certificate, then CA)");
        out.flush();
        return 0;
    }
}
