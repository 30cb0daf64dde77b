package no.pasientsignal.console.board.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import no.pasientsignal.console.client.ActiveCall;

/**
 * One room with at least one active call: what a board tile shows.
 *
 * @param roomId the room's id
 * @param roomName the room's display name
 * @param wardName the ward's display name
 * @param calls the room's active calls, oldest first (never empty)
 */
public record RoomStatus(String roomId, String roomName, String wardName, List<ActiveCall> calls) {

    static final Comparator<ActiveCall> OLDEST_FIRST = Comparator.comparing(ActiveCall::raisedAt)
            .thenComparing(call -> call.id().toString());

    public RoomStatus {
        Objects.requireNonNull(roomId, "roomId");
        calls = calls.stream().sorted(OLDEST_FIRST).toList();
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("A room on the board has at least one call.");
        }
    }

    /** When the room's oldest active call was raised: the room has waited since then. */
    public Instant waitingSince() {
        return calls.getFirst().raisedAt();
    }

    /** The room's call types, oldest call first, each once. */
    public List<String> callTypes() {
        return calls.stream().map(ActiveCall::callType).distinct().toList();
    }
}
