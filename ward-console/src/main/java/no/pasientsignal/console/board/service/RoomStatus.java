package no.pasientsignal.console.board.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import no.pasientsignal.console.client.ActiveCall;

/**
 * One room with at least one active call: what a board tile shows of its calls.
 *
 * @param roomId the room's id
 * @param roomName the room's display name
 * @param wardName the ward's display name
 * @param calls the room's active calls, most urgent first, then oldest first (never empty)
 * @param presentBy who marked presence in the room, when the board saw it happen; null when not known (also when
 *     presence was marked before the board connected: {@link #hasPresence()} still says so)
 */
public record RoomStatus(String roomId, String roomName, String wardName, List<ActiveCall> calls, String presentBy) {

    /** Within a room: most urgent first, then the one that has waited longest. */
    static final Comparator<ActiveCall> MOST_URGENT_FIRST = Comparator.comparing(
                    (ActiveCall call) -> AlarmLevel.of(call.priority()))
            .thenComparing(ActiveCall::raisedAt)
            .thenComparing(call -> call.id().toString());

    /**
     * The board's order: the room with the highest alarm level first; among rooms of the same level, the one whose
     * call at that level has waited longest; then by name so the order is stable.
     */
    public static final Comparator<RoomStatus> BOARD_ORDER = Comparator.comparing(RoomStatus::level)
            .thenComparing(RoomStatus::waitingSince)
            .thenComparing(RoomStatus::roomName)
            .thenComparing(RoomStatus::roomId);

    public RoomStatus {
        Objects.requireNonNull(roomId, "roomId");
        calls = calls.stream().sorted(MOST_URGENT_FIRST).toList();
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("A room on the board has at least one call.");
        }
    }

    public RoomStatus(String roomId, String roomName, String wardName, List<ActiveCall> calls) {
        this(roomId, roomName, wardName, calls, null);
    }

    /** The highest alarm level among the room's calls: the tile's colour. */
    public AlarmLevel level() {
        return AlarmLevel.of(calls.getFirst().priority());
    }

    /** When the room's most urgent call was raised (the oldest at the highest level): the room has waited since. */
    public Instant waitingSince() {
        return calls.getFirst().raisedAt();
    }

    /** The room's call types, most urgent call first, each once. */
    public List<String> callTypes() {
        return calls.stream().map(ActiveCall::callType).distinct().toList();
    }

    /** Whether some call in the room still waits for someone to take it (not accepted, no presence). */
    public boolean awaitsResponse() {
        return calls.stream().anyMatch(ActiveCall::awaitsResponse);
    }

    /** Who accepted the room's calls, each once, in the calls' order; empty while nobody has. */
    public List<String> acceptedBy() {
        return calls.stream()
                .map(ActiveCall::acceptedBy)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Whether staff presence is marked in the room (some call is in state PRESENT). */
    public boolean hasPresence() {
        return calls.stream().anyMatch(ActiveCall::hasPresence);
    }

    /** The room's zone (from its calls; all calls of a room share it). */
    public String zoneId() {
        return calls.getFirst().zoneId();
    }

    /** The room's ward. */
    public String wardId() {
        return calls.getFirst().wardId();
    }
}
