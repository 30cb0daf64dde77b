package no.pasientsignal.console.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A resident whose protection stopped working, as the signal server reports it ({@code GET /api/protection-alerts}
 * and the {@code protection} events of {@code GET /api/technical-alerts/stream}). The server leaves out empty lists
 * and null fields; unknown fields are ignored. The server's {@code message} is English and is not read: the console
 * words the alert itself from the structured fields.
 *
 * @param residentId the resident's pseudonym; one alert per resident
 * @param displayName the resident's name; null for viewers who may not see it
 * @param roomId the resident's room
 * @param roomName the room's name ("Rom 201"); falls back to the room id
 * @param responsibleNurse the user name of the resident's responsible nurse; null if none
 * @param addressedToYou whether the logged-in user is that nurse or on duty for the room now
 * @param state {@code RAISED}, {@code UPDATED} or {@code CLEARED}
 * @param uncovered the needs no longer covered and why; empty when the server sends none
 * @param raisedAt when the alert was raised
 * @param changedAt when this change happened; falls back to {@code raisedAt}
 */
public record ProtectionAlert(
        String residentId,
        String displayName,
        String roomId,
        String roomName,
        String responsibleNurse,
        boolean addressedToYou,
        String state,
        List<NeedCoverage> uncovered,
        Instant raisedAt,
        Instant changedAt) {

    public ProtectionAlert {
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        if (roomName == null || roomName.isBlank()) {
            roomName = roomId;
        }
        if (state == null) {
            state = "RAISED";
        }
        uncovered = uncovered == null
                ? List.of()
                : uncovered.stream().filter(Objects::nonNull).toList();
        if (changedAt == null) {
            changedAt = raisedAt;
        }
    }

    /** Whether the resident is protected again (the alert is over). */
    public boolean isCleared() {
        return "CLEARED".equals(state.trim().toUpperCase(Locale.ROOT));
    }
}
