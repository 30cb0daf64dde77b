package no.pasientsignal.server.alarm;

import java.util.Objects;
import java.util.UUID;

/**
 * Something from a room that the alarm desk of its site must handle, already translated from the
 * wire: a call, a cancel, staff presence, or a sensor fact. {@code eventId} is the idempotency key
 * (the device's event id).
 */
public sealed interface AlarmInput {

    UUID eventId();

    String deviceId();

    Placement place();

    /** A call point asks for help: raises (or repeats) an alarm of {@code type}. */
    record Call(UUID eventId, AlarmType type, String deviceId, Placement place, String residentId)
            implements AlarmInput {
        public Call {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(place, "place");
        }
    }

    /** The cancel button at a device in the room. */
    record Cancel(UUID eventId, String deviceId, Placement place) implements AlarmInput {
        public Cancel {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(place, "place");
        }
    }

    /**
     * Staff presence marked or cleared in the room, at a presence button ({@code by} is the device)
     * or from a handset ({@code by} is the staff member).
     */
    record Presence(UUID eventId, String deviceId, String by, Placement place, boolean present) implements AlarmInput {
        public Presence {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(place, "place");
        }
    }

    /** A sensor fact; the care plans decide whether it is an alarm. */
    record Reading(SensorReading reading) implements AlarmInput {
        public Reading {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public UUID eventId() {
            return reading.eventId();
        }

        @Override
        public String deviceId() {
            return reading.deviceId();
        }

        @Override
        public Placement place() {
            return reading.place();
        }
    }
}
