package no.pasientsignal.console.board.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * One tile on a viewer's board: a room with active calls, or with a resident whose protection is broken, or both, or
 * neither (a quiet room: the board shows every room of its scope, so a carer sees the whole ward at a glance).
 *
 * @param roomId the room's id
 * @param roomName the room's display name
 * @param calls the room's calls; empty when the room has none
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

    /** Quiet rooms: by name, numbers in names compared as numbers ("Rom 9" before "Rom 10"). */
    static final Comparator<BoardRoom> QUIET_ORDER =
            Comparator.comparing(BoardRoom::roomName, RoomNameOrder.INSTANCE).thenComparing(BoardRoom::roomId);

    public BoardRoom {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(calls, "calls");
        roomName = roomName == null || roomName.isBlank() ? roomId : roomName;
        protection = protection.stream()
                .sorted(Comparator.comparing(ProtectionAlert::raisedAt))
                .toList();
    }

    /** A room with no call and no protection alert. */
    public static BoardRoom quiet(String roomId, String roomName) {
        return new BoardRoom(roomId, roomName, Optional.empty(), List.of());
    }

    /** Whether nothing is going on in the room: no call, no protection alert. */
    public boolean isQuiet() {
        return calls.isEmpty() && protection.isEmpty();
    }

    /**
     * The colour level of the tile; empty for a room without a call (amber for a protection alert, neutral when quiet,
     * never an alarm colour).
     */
    public Optional<AlarmLevel> level() {
        return calls.map(RoomStatus::level);
    }

    /** {@link #arrange(List, List, Map, Filter)} without quiet rooms: only rooms with something going on. */
    public static List<BoardRoom> arrange(List<RoomStatus> rooms, List<ProtectionAlert> alerts, Filter filter) {
        return arrange(rooms, alerts, Map.of(), filter);
    }

    /**
     * The tiles of one board: rooms with calls in {@link RoomStatus#BOARD_ORDER} (highest level, then longest
     * waiting), then rooms that have only a protection alert, oldest alert first, then the other rooms of {@code
     * allRooms} (id to name), quiet, by name. Rooms {@code filter} rejects are left out.
     */
    public static List<BoardRoom> arrange(
            List<RoomStatus> rooms, List<ProtectionAlert> alerts, Map<String, String> allRooms, Filter filter) {
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
        Set<String> placed = new HashSet<>();
        arranged.forEach(room -> placed.add(room.roomId()));
        allRooms.entrySet().stream()
                .filter(entry -> !placed.contains(entry.getKey()))
                .filter(entry -> filter.shows(entry.getKey(), null, null))
                .map(entry -> quiet(entry.getKey(), entry.getValue()))
                .sorted(QUIET_ORDER)
                .forEach(arranged::add);
        return arranged;
    }

    /** Since when the tile has been on the board for its most urgent reason; empty for a quiet room. */
    public Optional<Instant> since() {
        if (calls.isPresent()) {
            return calls.map(RoomStatus::waitingSince);
        }
        return protection.stream().findFirst().map(ProtectionAlert::raisedAt);
    }
}
