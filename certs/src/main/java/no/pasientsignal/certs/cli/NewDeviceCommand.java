package no.pasientsignal.certs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.SiteCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "new-device",
        mixinStandardHelpOptions = true,
        description = {
            "Issue device credentials locally (key, CSR, certificate signed by the site CA).",
            "Writes <ID>.pem (device certificate, then CA) and <ID>-key.pem (mode 600) to --out-dir."
        })
final class NewDeviceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IssuingCa ca;

    @Option(
            names = "--id",
            required = true,
            paramLabel = "ID",
            description = "Device id: 1 to 64 characters from A-Z a-z 0-9 . _ -")
    String deviceId;

    @Option(
            names = "--out-dir",
            required = true,
            paramLabel = "DIR",
            description = "Where to write the files (created if missing).")
    Path outDir;

    @Option(names = "--force", description = "Replace existing files for this device id.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!DeviceIdentity.isValidDeviceId(deviceId)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid device id '" + deviceId + "': use 1 to 64 characters from A-Z a-z 0-9 . _ -");
        }
        Duration validity = ca.validity();
        Path certFile = DeviceCredentials.certificateFile(outDir, deviceId);
        Path keyFile = DeviceCredentials.keyFile(outDir, deviceId);
        if (!force && (Files.exists(certFile) || Files.exists(keyFile))) {
            throw new CertsCli.UserException((Files.exists(certFile) ? certFile : keyFile)
                    + " already exists; use --force to replace the credentials of " + deviceId);
        }
        SiteCa siteCa = ca.load();
        DeviceCredentials credentials = DeviceCredentials.issueLocally(siteCa, deviceId, validity);
        credentials.save(outDir);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Device " + deviceId + ": "
                + credentials.certificate().getSubjectX500Principal().getName());
        out.println("  Valid until: " + credentials.certificate().getNotAfter().toInstant());
        out.println("  Certificate: " + certFile);
        out.println("  Private key: " + keyFile + " (keep secret)");
        out.flush();
        return 0;
    }
}
