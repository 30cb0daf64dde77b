package no.pasientsignal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.pasientsignal.certs.DeviceCredentials;

/**
 * Where simulated devices keep what enrolment gave them, one pair of files per device: {@code
 * <deviceId>-key.pem} (the private key made on the "device", mode 600) and {@code <deviceId>.pem}
 * (its certificate followed by the site CA it trusts the server by). Nothing here can issue a
 * certificate: devices get theirs by enrolling ({@link EstEnrolment}).
 */
public final class DeviceWallet {

    private final Path devicesDir;

    public DeviceWallet(Path devicesDir) {
        this.devicesDir = devicesDir;
    }

    public Path dir() {
        return devicesDir;
    }

    /** Whether the device has enrolled credentials here. */
    public synchronized boolean has(String deviceId) {
        return Files.exists(DeviceCredentials.certificateFile(devicesDir, deviceId));
    }

    /** The device's credentials; refused with what to do when it has not enrolled yet. */
    public synchronized DeviceCredentials credentials(String deviceId) {
        if (!has(deviceId)) {
            throw new IllegalStateException("no credentials for " + deviceId + " in " + devicesDir
                    + ": enrol the device first (device-sim enrol, or the demo command, which enrols its devices)");
        }
        try {
            return DeviceCredentials.load(devicesDir, deviceId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials of " + deviceId + " in " + devicesDir, e);
        }
    }

    /** Keeps enrolled credentials, replacing the device's earlier ones. */
    public synchronized void store(DeviceCredentials credentials) {
        try {
            credentials.save(devicesDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the credentials of " + credentials.deviceId() + " to " + devicesDir, e);
        }
    }
}
