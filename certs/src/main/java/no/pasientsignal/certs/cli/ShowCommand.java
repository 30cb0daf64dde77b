package no.pasientsignal.certs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import no.pasientsignal.certs.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print the certificates in a file (PEM, any number; or one DER certificate): subject, issuer,"
                + " validity, key, usages, subject alternative names, device id and SHA-256 fingerprint.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Certificate file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> certificates = Pem.readCertificatesPemOrDer(file);
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < certificates.size(); i++) {
            if (certificates.size() > 1) {
                out.println("Certificate " + (i + 1) + " of " + certificates.size());
            }
            out.print(CertificateText.describe(certificates.get(i)));
        }
        out.flush();
        return 0;
    }
}
