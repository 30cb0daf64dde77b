package no.pasientsignal.server.persistence;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A device as stored.
 *
 * @param deviceId the CN of the device's client certificate
 * @param type the device type's name (for example {@code CALL_BUTTON})
 * @param serial the manufacturer's serial number, unique across the site
 * @param locationId where it is mounted; null while in stock
 * @param state where it is in its life cycle
 * @param firmware the firmware version it last reported, if any
 * @param batteryPercent the battery level it last reported, if any
 * @param lastSeen when it was last heard from, if ever
 */
public record DeviceRecord(
        String deviceId,
        String type,
        String serial,
        @Nullable String locationId,
        DeviceState state,
        @Nullable String firmware,
        @Nullable Integer batteryPercent,
        @Nullable Instant lastSeen) {
    public DeviceRecord {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(state, "state");
    }
}
