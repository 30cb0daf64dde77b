package no.pasientsignal.console.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One open alarm as the signal server reports it ({@code GET /api/alarms} and the {@code alarm} field of a stream
 * change), reduced to what the board shows. Unknown JSON fields are ignored; {@code callType} and {@code state} are
 * kept as strings so new values from the server do not break the console.
 *
 * @param id the call's id (stable over its lifecycle)
 * @param eventId the id of the device event that raised it ({@code originEventId})
 * @param deviceId the device that raised it, e.g. {@code call-201}
 * @param roomId the room's id, e.g. {@code 201}
 * @param roomName the room's display name, e.g. {@code Rom 201}
 * @param wardName the ward's display name (empty when the server does not send one)
 * @param callType the alarm type ({@code type}), e.g. {@code PATIENT_CALL}
 * @param raisedAt when the call was raised
 * @param state e.g. {@code RAISED}
 */
public record ActiveCall(
        UUID id,
        @JsonAlias("originEventId") UUID eventId,
        String deviceId,
        String roomId,
        String roomName,
        String wardName,
        @JsonAlias("type") String callType,
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
