package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One sensor fact, placed in its room. {@code eventId} is the device's idempotency key. */
public record SensorReading(UUID eventId, SensorKind kind, String deviceId, Placement place, Instant at) {
    public SensorReading {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(at, "at");
    }
}
