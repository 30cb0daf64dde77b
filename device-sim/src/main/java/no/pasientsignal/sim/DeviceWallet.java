package no.pasientsignal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.SiteCa;

/**
 * Where simulated devices keep their credentials. A device without credentials gets them issued
 * from the site CA in {@code pkiDir}: a stand-in for enrolment (EST-coaps) until that exists, and
 * only ever for simulated devices on the machine that holds the demo site CA.
 */
public final class DeviceWallet {

    private static final Duration DEVICE_VALIDITY = Duration.ofDays(365);

    private final Path devicesDir;
    private final Path pkiDir;

    public DeviceWallet(Path devicesDir, Path pkiDir) {
        this.devicesDir = devicesDir;
        this.pkiDir = pkiDir;
    }

    public synchronized DeviceCredentials credentials(String deviceId) {
        try {
            if (Files.exists(devicesDir.resolve(deviceId + ".pem"))) {
                return DeviceCredentials.load(devicesDir, deviceId);
            }
            if (!Files.exists(pkiDir.resolve("ca-key.pem"))) {
                throw new IllegalStateException("no credentials for " + deviceId + " in " + devicesDir
                        + " and no site CA in " + pkiDir + " to issue them (start the signal-server first)");
            }
            Files.createDirectories(devicesDir);
            var credentials = DeviceCredentials.issueLocally(SiteCa.load(pkiDir), deviceId, DEVICE_VALIDITY);
            credentials.save(devicesDir);
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write device credentials in " + devicesDir, e);
        }
    }
}
