package no.pasientsignal.protocol;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A device's periodic sign of life with its technical state (see docs/protocol.md, {@code POST
 * /hb}). The server stamps its own time on arrival; a heartbeat carries no device clock.
 *
 * @param batteryPercent remaining battery, 0-100
 * @param rssiDbm received signal strength in dBm (negative), {@code null} when the device does not
 *     report it
 * @param tamper the enclosure is open or the device has been removed from its mount
 * @param firmware firmware version text (at most {@link DeviceProtocol#MAX_FIRMWARE_CHARS}),
 *     {@code null} when not reported
 * @param uptimeSeconds seconds since the device booted, {@code null} when not reported
 */
public record Heartbeat(int batteryPercent, Integer rssiDbm, boolean tamper, String firmware, Long uptimeSeconds) {

    public Heartbeat {
        if (batteryPercent < 0 || batteryPercent > 100) {
            throw new IllegalArgumentException("batteryPercent must be 0-100, was " + batteryPercent);
        }
        if (rssiDbm != null && rssiDbm >= 0) {
            throw new IllegalArgumentException("rssiDbm must be negative, was " + rssiDbm);
        }
        if (firmware != null && firmware.length() > DeviceProtocol.MAX_FIRMWARE_CHARS) {
            throw new IllegalArgumentException(
                    "firmware must be at most " + DeviceProtocol.MAX_FIRMWARE_CHARS + " characters");
        }
        if (uptimeSeconds != null && uptimeSeconds < 0) {
            throw new IllegalArgumentException("uptimeSeconds must not be negative");
        }
    }

    /** A heartbeat with only the battery level: no tamper, nothing optional reported. */
    public static Heartbeat ofBattery(int batteryPercent) {
        return new Heartbeat(batteryPercent, null, false, null, null);
    }

    public Heartbeat withTamper(boolean tamper) {
        return new Heartbeat(batteryPercent, rssiDbm, tamper, firmware, uptimeSeconds);
    }

    public OptionalInt rssi() {
        return rssiDbm == null ? OptionalInt.empty() : OptionalInt.of(rssiDbm);
    }

    public Optional<String> firmwareVersion() {
        return Optional.ofNullable(firmware);
    }

    public OptionalLong uptime() {
        return uptimeSeconds == null ? OptionalLong.empty() : OptionalLong.of(uptimeSeconds);
    }
}
