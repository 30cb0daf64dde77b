package no.pasientsignal.console.board.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * One tile on a viewer's board: a room with active calls, or with a resident whose protection is broken, or both.
 *
 * @param roomId the room's id
 * @param roomName the room's display name
 * @param calls the room's calls; empty when the room is on the board only for a protection alert
 * @param protection the room's residents whose protection is broken now (technical alerts), oldest first
 */
public record BoardRoom(String roomId, String roomName, Optional<RoomStatus> calls, List<ProtectionAlert> protection) {

    /** The predicate a viewer's board filters rooms with: room id, zone id (or null), ward id (or null). */
    @FunctionalInterface
    public interface Filter {
        boolean shows(String roomId, String zoneId, String wardId);
    }

    private static final Comparator<BoardRoom> PROTECTION_ONLY_ORDER = Comparator.comparing(
                    (BoardRoom room) -> room.protection().getFirst().raisedAt())
            .thenComparing(BoardRoom::roomName)
            .thenComparing(BoardRoom::roomId);

    public BoardRoom {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(calls, "calls");
        protection = protection.stream()
                .sorted(Comparator.comparing(ProtectionAlert::raisedAt))
                .toList();
        if (calls.isEmpty() && protection.isEmpty()) {
            throw new IllegalArgumentException("A room on the board has a call or a protection alert.");
        }
    }

    /** The colour level of the tile; empty for a room with only a protection alert (shown amber, not as an alarm). */
    public Optional<AlarmLevel> level() {
        return calls.map(RoomStatus::level);
    }

    /**
     * The tiles of one board: rooms with calls in {@link RoomStatus#BOARD_ORDER} (highest level, then longest
     * waiting), then rooms that have only a protection alert, oldest alert first. Rooms {@code filter} rejects are
     * left out.
     */
    public static List<BoardRoom> arrange(List<RoomStatus> rooms, List<ProtectionAlert> alerts, Filter filter) {
        Map<String, List<ProtectionAlert>> alertsByRoom = new LinkedHashMap<>();
        Map<String, String> alertRoomNames = new LinkedHashMap<>();
        for (ProtectionAlert alert : alerts) {
            if (alert.isCleared()) {
                continue;
            }
            alertsByRoom
                    .computeIfAbsent(alert.roomId(), id -> new ArrayList<>())
                    .add(alert);
            alertRoomNames.putIfAbsent(alert.roomId(), alert.roomName());
        }
        List<BoardRoom> arranged = new ArrayList<>();
        rooms.stream()
                .filter(room -> filter.shows(room.roomId(), room.zoneId(), room.wardId()))
                .sorted(RoomStatus.BOARD_ORDER)
                .forEach(room -> arranged.add(new BoardRoom(
                        room.roomId(),
                        room.roomName(),
                        Optional.of(room),
                        alertsByRoom.getOrDefault(room.roomId(), List.of()))));
        List<String> withCalls = arranged.stream().map(BoardRoom::roomId).toList();
        alertsByRoom.entrySet().stream()
                .filter(entry -> !withCalls.contains(entry.getKey()))
                // a room with a call is placed by its call's zone; one with only an alert by the room's zone
                .filter(entry -> filter.shows(entry.getKey(), null, null))
                .map(entry -> new BoardRoom(
                        entry.getKey(), alertRoomNames.get(entry.getKey()), Optional.empty(), entry.getValue()))
                .sorted(PROTECTION_ONLY_ORDER)
                .forEach(arranged::add);
        return arranged;
    }

    /** Since when the tile has been on the board for its most urgent reason. */
    public Instant since() {
        return calls.map(RoomStatus::waitingSince)
                .orElseGet(() -> protection.getFirst().raisedAt());
    }
}
