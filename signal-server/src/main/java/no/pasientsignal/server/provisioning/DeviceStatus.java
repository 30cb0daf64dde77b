package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.Objects;

/**
 * What the server last heard from a device.
 *
 * @param deviceId the device
 * @param lastSeen server time of the last heartbeat or event
 * @param batteryPercent from the last heartbeat; {@code null} before the first heartbeat
 * @param rssiDbm from the last heartbeat, {@code null} when not reported
 * @param firmware from the last heartbeat that reported one, {@code null} when never reported
 * @param tamper from the last heartbeat
 */
public record DeviceStatus(
        String deviceId, Instant lastSeen, Integer batteryPercent, Integer rssiDbm, String firmware, boolean tamper) {

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
