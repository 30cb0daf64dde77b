package no.pasientsignal.server.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A technical alert about one device (or the server itself), as raised or cleared.
 *
 * @param kind what is wrong
 * @param deviceId the device it is about; {@link DeviceHealth#SERVER} for an alert about the server
 * @param roomId the room the device is installed in; null for an alert about the server
 * @param detail human-readable detail, e.g. "battery 12 %" or "last heard 2026-11-23T10:00:00Z"
 * @param raisedAt server time when the alert was raised
 * @param clearedAt server time when it was cleared; {@code null} while active
 */
public record TechnicalAlert(
        TechnicalAlertKind kind, String deviceId, String roomId, String detail, Instant raisedAt, Instant clearedAt) {

    public TechnicalAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceId, "deviceId");
        if (!kind.aboutServer()) {
            Objects.requireNonNull(roomId, "roomId");
        }
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    public boolean isActive() {
        return clearedAt == null;
    }

    public Optional<Instant> cleared() {
        return Optional.ofNullable(clearedAt);
    }

    TechnicalAlert clear(Instant at) {
        return new TechnicalAlert(kind, deviceId, roomId, detail, raisedAt, at);
    }
}
