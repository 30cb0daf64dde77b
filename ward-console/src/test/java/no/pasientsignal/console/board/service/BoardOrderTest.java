package no.pasientsignal.console.board.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.console.client.ActiveCall;
import no.pasientsignal.console.client.NeedCoverage;
import no.pasientsignal.console.client.ProtectionAlert;
import org.junit.jupiter.api.Test;

/** The board's colours and order: pure logic, no server. */
class BoardOrderTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void server_priorities_map_to_the_three_iec_levels_and_an_unknown_one_is_not_played_down() {
        assertThat(AlarmLevel.of("EMERGENCY")).isEqualTo(AlarmLevel.HIGH);
        assertThat(AlarmLevel.of("HIGH")).isEqualTo(AlarmLevel.HIGH);
        assertThat(AlarmLevel.of("NORMAL")).isEqualTo(AlarmLevel.MEDIUM);
        assertThat(AlarmLevel.of("low")).isEqualTo(AlarmLevel.LOW);
        assertThat(AlarmLevel.of("URGENT_NEW_KIND")).isEqualTo(AlarmLevel.MEDIUM);
        assertThat(AlarmLevel.of(null)).isEqualTo(AlarmLevel.MEDIUM);
        assertThat(AlarmLevel.HIGH.cssClass()).isEqualTo("priority-high");
        assertThat(AlarmLevel.LOW.cssClass()).isEqualTo("priority-low");
    }

    @Test
    void rooms_are_ordered_by_highest_level_then_by_how_long_that_call_has_waited() {
        List<RoomStatus> rooms = List.of(
                room("201", call("201", "PATIENT_CALL", "NORMAL", NINE.minusSeconds(600))),
                room("202", call("202", "PATIENT_CALL", "NORMAL", NINE.minusSeconds(900))),
                room("203", call("203", "BED_EXIT", "HIGH", NINE)),
                room("204", call("204", "FALL", "EMERGENCY", NINE.minusSeconds(30))),
                room("205", call("205", "INCONTINENCE", "LOW", NINE.minusSeconds(3600))));

        List<BoardRoom> arranged = BoardRoom.arrange(rooms, List.of(), (room, zone, ward) -> true);

        assertThat(arranged).extracting(BoardRoom::roomId).containsExactly("204", "203", "202", "201", "205");
        assertThat(arranged)
                .extracting(room -> room.level().orElseThrow())
                .containsExactly(
                        AlarmLevel.HIGH, AlarmLevel.HIGH, AlarmLevel.MEDIUM, AlarmLevel.MEDIUM, AlarmLevel.LOW);
    }

    @Test
    void a_room_takes_the_colour_of_its_most_urgent_call_and_waits_since_that_call() {
        RoomStatus room = room(
                "201",
                call("201", "PATIENT_CALL", "NORMAL", NINE.minusSeconds(600)),
                call("201", "FALL", "EMERGENCY", NINE));

        assertThat(room.level()).isEqualTo(AlarmLevel.HIGH);
        assertThat(room.waitingSince()).isEqualTo(NINE);
        assertThat(room.callTypes()).containsExactly("FALL", "PATIENT_CALL");
    }

    @Test
    void a_room_with_only_a_protection_alert_gets_a_tile_after_the_calls_and_an_alert_joins_its_rooms_call_tile() {
        List<RoomStatus> rooms = List.of(room("201", call("201", "PATIENT_CALL", "NORMAL", NINE)));
        List<ProtectionAlert> alerts = List.of(
                alert("r-7", "207", NINE.minusSeconds(7200)),
                alert("r-1", "201", NINE.minusSeconds(60)),
                alert("r-6", "206", NINE.minusSeconds(3600)));

        List<BoardRoom> arranged = BoardRoom.arrange(rooms, alerts, (room, zone, ward) -> true);

        assertThat(arranged).extracting(BoardRoom::roomId).containsExactly("201", "207", "206");
        assertThat(arranged.getFirst().protection())
                .extracting(ProtectionAlert::residentId)
                .containsExactly("r-1");
        assertThat(arranged.get(1).calls()).isEmpty();
        assertThat(arranged.get(1).level()).isEmpty();
    }

    @Test
    void the_filter_leaves_out_rooms_of_other_zones() {
        List<RoomStatus> rooms = List.of(
                room("201", call("201", "PATIENT_CALL", "NORMAL", NINE)),
                room("301", call("301", "FALL", "EMERGENCY", NINE)));
        List<ProtectionAlert> alerts = List.of(alert("r-3", "302", NINE));

        List<BoardRoom> arranged = BoardRoom.arrange(rooms, alerts, (room, zone, ward) -> room.startsWith("2"));

        assertThat(arranged).extracting(BoardRoom::roomId).containsExactly("201");
    }

    @Test
    void cleared_protection_alerts_put_no_room_on_the_board() {
        ProtectionAlert cleared =
                new ProtectionAlert("r-1", "Kari", "201", "Rom 201", null, false, "CLEARED", List.of(), NINE, NINE);

        assertThat(BoardRoom.arrange(List.of(), List.of(cleared), (room, zone, ward) -> true))
                .isEmpty();
    }

    @Test
    void quiet_rooms_follow_the_alarm_and_protection_rooms_in_name_order_with_numbers_read_as_numbers() {
        List<RoomStatus> rooms = List.of(
                room("r-10", call("r-10", "PATIENT_CALL", "NORMAL", NINE)),
                room("r-3", call("r-3", "FALL", "EMERGENCY", NINE)));
        List<ProtectionAlert> alerts = List.of(alert("r-1", "r-9", NINE.minusSeconds(60)));
        Map<String, String> allRooms = new LinkedHashMap<>();
        for (int number : new int[] {10, 9, 2, 1, 3, 12}) {
            allRooms.put("r-" + number, "Rom " + number);
        }
        allRooms.put("r-b", "Bad");

        List<BoardRoom> arranged = BoardRoom.arrange(rooms, alerts, allRooms, (room, zone, ward) -> true);

        // alarm rooms (high before medium), the protection alert's room, then the quiet ones: each room once
        assertThat(arranged)
                .extracting(BoardRoom::roomId)
                .containsExactly("r-3", "r-10", "r-9", "r-b", "r-1", "r-2", "r-12");
        assertThat(arranged)
                .extracting(BoardRoom::isQuiet)
                .containsExactly(false, false, false, true, true, true, true);
        BoardRoom quiet = arranged.get(4);
        assertThat(quiet.level()).isEmpty();
        assertThat(quiet.since()).isEmpty();
        assertThat(quiet.protection()).isEmpty();
    }

    @Test
    void quiet_rooms_outside_the_viewers_scope_are_left_out() {
        Map<String, String> allRooms = Map.of("201", "Rom 201", "202", "Rom 202", "301", "Rom 301");

        List<BoardRoom> arranged =
                BoardRoom.arrange(List.of(), List.of(), allRooms, (room, zone, ward) -> room.startsWith("2"));

        assertThat(arranged).extracting(BoardRoom::roomId).containsExactly("201", "202");
    }

    @Test
    void a_quiet_room_without_a_name_is_shown_by_its_id() {
        assertThat(BoardRoom.quiet("r-7", " ").roomName()).isEqualTo("r-7");
    }

    @Test
    void room_names_compare_numbers_by_value_and_letters_without_case() {
        List<String> names = new ArrayList<>(List.of("Rom 10", "rom 2", "Rom 1B", "Rom 1a", "Rom 100", "Bad"));

        names.sort(RoomNameOrder.INSTANCE);

        assertThat(names).containsExactly("Bad", "Rom 1a", "Rom 1B", "rom 2", "Rom 10", "Rom 100");
    }

    static ActiveCall call(String roomId, String type, String priority, Instant raisedAt) {
        return new ActiveCall(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "call-" + roomId,
                roomId,
                "Rom " + roomId,
                "Avdeling",
                type,
                raisedAt,
                "NOTIFIED",
                priority,
                "zone-1",
                "ward-1",
                null,
                null,
                false);
    }

    private static RoomStatus room(String roomId, ActiveCall... calls) {
        return new RoomStatus(roomId, "Rom " + roomId, "Avdeling", List.of(calls));
    }

    private static ProtectionAlert alert(String residentId, String roomId, Instant raisedAt) {
        return new ProtectionAlert(
                residentId,
                null,
                roomId,
                "Rom " + roomId,
                null,
                false,
                "RAISED",
                List.of(new NeedCoverage("CALL_BUTTON", "BED", "SILENT", null, null, "call-" + roomId, null)),
                raisedAt,
                raisedAt);
    }
}
