package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import no.pasientsignal.server.facility.Room;

/**
 * A call that staff must answer.
 *
 * @param id the server's id for the call
 * @param eventId the device event that raised it
 * @param deviceId the device that raised it
 * @param room where staff must go
 * @param raisedAt server time when the call was recorded
 */
public record ActiveCall(
        UUID id, UUID eventId, String deviceId, Room room, CallType type, Instant raisedAt, CallState state) {

    public ActiveCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(state, "state");
    }
}
