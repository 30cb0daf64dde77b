package no.pasientsignal.console.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One open alarm as the signal server reports it ({@code GET /api/alarms} and the {@code alarm} field of a stream
 * change), reduced to what the board shows. Unknown JSON fields are ignored; {@code callType}, {@code priority} and
 * {@code state} are kept as strings so new values from the server do not break the console.
 *
 * @param id the call's id (stable over its lifecycle)
 * @param eventId the id of the device event that raised it ({@code originEventId})
 * @param deviceId the device that raised it, e.g. {@code call-201}
 * @param roomId the room's id
 * @param roomName the room's display name, e.g. {@code Rom 201}
 * @param wardName the ward's display name (empty when the server does not send one)
 * @param callType the alarm type ({@code type}), e.g. {@code PATIENT_CALL}
 * @param raisedAt when the call was raised
 * @param state {@code RAISED}, {@code NOTIFIED}, {@code ACCEPTED}, {@code PRESENT} (or a final state)
 * @param priority the server's priority: {@code EMERGENCY}, {@code HIGH}, {@code NORMAL} or {@code LOW}
 * @param zoneId the zone of the room
 * @param wardId the ward of the room
 * @param acceptedBy the user name of the carer who accepted it; null while nobody has
 * @param acceptedAt when it was accepted; null while nobody has
 * @param silenced whether someone has silenced its sound (it stays open and escalating)
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
        String state,
        String priority,
        String zoneId,
        String wardId,
        String acceptedBy,
        Instant acceptedAt,
        boolean silenced) {

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
        state = state == null ? "RAISED" : state.trim().toUpperCase(Locale.ROOT);
        // a call without a priority is treated as an ordinary call rather than dropped
        priority = priority == null ? "NORMAL" : priority.trim().toUpperCase(Locale.ROOT);
        if (acceptedBy != null && acceptedBy.isBlank()) {
            acceptedBy = null;
        }
    }

    /** Nobody has taken it yet: not accepted and no presence marked (the states in which the server escalates). */
    public boolean awaitsResponse() {
        return state.equals("RAISED") || state.equals("NOTIFIED");
    }

    /** Staff presence is marked in the room for this call. */
    public boolean hasPresence() {
        return state.equals("PRESENT");
    }
}
