package no.pasientsignal.console.client;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One active call as the signal server reports it ({@code GET /api/calls} and the {@code call} field of a stream
 * change). Unknown JSON fields are ignored; {@code callType} and {@code state} are kept as strings so new values from
 * the server do not break the console.
 *
 * @param id the call's id (stable over its lifecycle)
 * @param eventId the id of the device event that raised it
 * @param deviceId the device that raised it, e.g. {@code call-201}
 * @param roomId the room's id, e.g. {@code 201}
 * @param roomName the room's display name, e.g. {@code Rom 201}
 * @param wardName the ward's display name
 * @param callType e.g. {@code PATIENT_CALL}
 * @param raisedAt when the call was raised
 * @param state e.g. {@code RAISED}
 */
public record ActiveCall(
        UUID id,
        UUID eventId,
        String deviceId,
        String roomId,
        String roomName,
        String wardName,
        String callType,
        Instant raisedAt,
        String state) {

    public ActiveCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        if (roomName == null || roomName.isBlank()) {
            roomName = roomId;
        }
        if (wardName == null) {
            wardName = "";
        }
        if (callType == null) {
            callType = "UNKNOWN";
        }
    }
}
