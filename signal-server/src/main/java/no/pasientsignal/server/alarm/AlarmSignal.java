package no.pasientsignal.server.alarm;

import java.util.Objects;
import java.util.UUID;

/**
 * A request to raise an alarm: a device event already mapped to a type and placed in a room, or a
 * passive rule firing.
 *
 * @param eventId idempotency key: the device's event id, or a rule firing's own id
 * @param residentId pseudonymous resident id, or null
 */
public record AlarmSignal(UUID eventId, AlarmType type, String deviceId, Placement place, String residentId) {
    public AlarmSignal {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(place, "place");
    }
}
