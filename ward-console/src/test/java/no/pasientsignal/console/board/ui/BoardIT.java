package no.pasientsignal.console.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static no.pasientsignal.console.testsupport.KaribuConsole.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import no.pasientsignal.console.board.service.ZoneCoverage;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.ActiveCall;
import no.pasientsignal.console.client.ApiClient;
import no.pasientsignal.console.client.BoardClient;
import no.pasientsignal.console.client.Query;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.KaribuConsole;
import no.pasientsignal.console.testsupport.RealSignalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live board against the real signal server, with calls pressed on devices run by the packaged device-sim. The
 * test adds rooms of its own to the demo ward (room CB-1 in the demo zone "Sone 1", which the demo roster gives the
 * demo carers, and CB-4 there for a resident of its own; rooms CB-2 and CB-3 in a zone of their own, which nobody
 * covers), with call buttons of its own registered and enrolled per test, so it meets no other test's calls.
 */
class BoardIT {

    private static final RealSignalServer SERVER = RealSignalServer.shared();
    private static final String MINE = "CB-1";
    private static final String OTHER = "CB-2";
    private static final String THIRD = "CB-3";
    private static final String FOURTH = "CB-4";
    private static final AtomicInteger DEVICE_COUNT = new AtomicInteger();

    private static ApiClient api;
    private static BoardClient board;
    private static AccessToken admin;
    private static final Map<String, String> roomIds = new java.util.HashMap<>();

    private KaribuConsole console;
    // the call button each room uses in this test: a fresh one per test, since the server counts more than five
    // presses a minute from one device as chatter and drops them
    private final Map<String, String> devices = new java.util.HashMap<>();

    /** Request bodies for the facility API. */
    private record Name(String name) {}

    private record Location(String kind, String label) {}

    private record NewRoom(String number, String name, List<Location> locations) {}

    private record NewDevice(String deviceId, String type, String serial, String locationId) {}

    private record Created(String id) {}

    private record Need(String deviceType, String locationKind) {}

    private record NewResident(String displayName, String roomId, String responsibleNurse, List<Need> needs) {}

    @BeforeAll
    static void roomsAndDevicesOfOurOwn() {
        SignalServerClient client = new SignalServerClient(SERVER.uri());
        api = client.api();
        board = new BoardClient(api);
        admin = client.login("admin", "demo-admin").token();
        BoardClient.Ward ward = board.wards(board.sites(admin).getFirst().id(), admin).stream()
                .filter(w -> w.name().equals("Avdeling 2 Øst"))
                .findFirst()
                .orElseThrow();
        String demoZone = board.zones(ward.id(), admin).stream()
                .filter(z -> z.name().equals("Sone 1"))
                .findFirst()
                .orElseThrow()
                .id();
        String ownZone = api.post("/api/wards/" + ward.id() + "/zones", admin, new Name("Sone CB"), Created.class)
                .id();
        roomIds.put(MINE, room(demoZone, MINE));
        roomIds.put(OTHER, room(ownZone, OTHER));
        roomIds.put(THIRD, room(ownZone, THIRD));
    }

    private static String zoneOf(String number) {
        return api.getTree("/api/rooms/" + roomIds.get(number), Query.none(), admin)
                .get("zoneId")
                .asString();
    }

    private static String room(String zoneId, String number) {
        return api.post(
                        "/api/zones/" + zoneId + "/rooms",
                        admin,
                        new NewRoom(number, "Rom " + number, List.of(new Location("BED", "Seng"))),
                        Created.class)
                .id();
    }

    @BeforeEach
    void openConsole() {
        console = KaribuConsole.againstRealServer(ConsoleI18NProvider.BOKMAAL);
        UI.getCurrent().navigate("");
    }

    @AfterEach
    void resolveOurCallsAndClose() {
        try {
            for (ActiveCall call : api.getList("/api/alarms", Query.none(), admin, ActiveCall.class)) {
                if (roomIds.containsValue(call.roomId())) {
                    board.resolve(call.id(), admin);
                }
            }
            // presence left in a room would turn its next call into a staff assist
            roomIds.values().forEach(roomId -> board.presence(roomId, false, admin));
        } finally {
            console.close();
        }
    }

    @Test
    void a_call_pressed_on_a_device_appears_on_the_board_in_the_carers_own_zone() {
        logInAsCarerOnDuty();

        press(MINE);

        RoomTile tile = awaitCall("Rom " + MINE);
        assertThat(_get(BoardView.class).showsMyZone()).isTrue();
        assertThat(tile.callTypeText()).isEqualTo("Pasientrop");
        assertThat(tile.getClassNames()).contains("room-tile", "priority-medium", "awaiting-response");
        assertThat(tile.responderText()).isEqualTo("Ikke tatt imot");
        assertThat(tile.waitingTimeText()).matches("0:\\d\\d");
        assertThat(tile.acceptButton().isVisible()).isTrue();
    }

    @Test
    void a_call_is_accepted_attended_and_resolved_from_the_board() {
        String carer = logInAsCarerOnDuty();
        press(MINE);
        RoomTile tile = awaitCall("Rom " + MINE);

        _click(tile.acceptButton());
        // the request runs off the UI thread: until its answer is applied the tile's buttons are disabled
        assertThat(tile.isBusy()).isTrue();
        assertThat(tile.resolveButton().isEnabled()).isFalse();
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(tile.isBusy()).isFalse();
            assertThat(tile.resolveButton().isEnabled()).isTrue();
            RoomTile accepted = tile("Rom " + MINE).orElseThrow();
            assertThat(accepted.responderText()).isEqualTo("Tatt imot av " + carer);
            assertThat(accepted.getClassNames()).doesNotContain("awaiting-response");
            assertThat(accepted.acceptButton().isVisible()).isFalse();
        });
        assertThat(serverCall(MINE).orElseThrow().acceptedBy()).isEqualTo(carer);

        _click(tile("Rom " + MINE).orElseThrow().presenceButton());
        await().untilAsserted(() -> {
            roundTrip();
            RoomTile attended = tile("Rom " + MINE).orElseThrow();
            assertThat(attended.presenceText()).isEqualTo("Til stede: " + carer);
            assertThat(attended.presenceButton().getText()).isEqualTo("Gå ut av rommet");
        });
        assertThat(serverCall(MINE).orElseThrow().state()).isEqualTo("PRESENT");

        _click(tile("Rom " + MINE).orElseThrow().resolveButton());
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(tile("Rom " + MINE).orElseThrow().isQuiet()).isTrue();
        });
        assertThat(serverCall(MINE)).isEmpty();

        // resolving in the room also cleared the presence: the room's next press is an ordinary call again
        press(MINE);
        assertThat(awaitCall("Rom " + MINE).callTypeText()).isEqualTo("Pasientrop");
    }

    @Test
    void my_zone_shows_the_carers_rooms_and_the_whole_ward_shows_every_room_of_the_ward() {
        String carer = logInAsCarerOnDuty();
        press(OTHER);
        press(MINE);
        awaitCall("Rom " + MINE);
        ZoneCoverage coverage = coverageOf(carer);

        // every room of the carer's zones, quiet ones too, and nothing else
        assertThat(roomNames())
                .containsExactlyInAnyOrderElementsOf(roomNamesIn(coverage.zoneIds()))
                .contains("Rom " + MINE)
                .doesNotContain("Rom " + OTHER, "Rom " + THIRD);

        _get(Tabs.class, spec -> spec.withId("board-tabs"))
                .setSelectedTab(_get(Tab.class, spec -> spec.withId("board-tab-ward")));
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(roomNames())
                    .containsExactlyInAnyOrderElementsOf(roomNamesOfWards(coverage.wardIds()))
                    .contains("Rom " + MINE, "Rom " + OTHER, "Rom " + THIRD);
        });
        assertThat(_get(BoardView.class).showsMyZone()).isFalse();
        assertThat(tile("Rom " + THIRD).orElseThrow().isQuiet()).isTrue();
    }

    @Test
    void every_room_gets_a_tile_and_the_quiet_ones_come_neutral_after_the_alarm_rooms_by_name() {
        KaribuConsole.logInAsDemo("admin"); // no duty: the board shows the whole ward
        press(OTHER);
        awaitCall("Rom " + OTHER);

        List<RoomTile> tiles = _find(RoomTile.class);
        // nothing quiet before something that is not
        int firstQuiet = tiles.indexOf(
                tiles.stream().filter(RoomTile::isQuiet).findFirst().orElseThrow());
        assertThat(tiles.subList(firstQuiet, tiles.size())).allMatch(RoomTile::isQuiet);
        assertThat(tiles.indexOf(tile("Rom " + OTHER).orElseThrow())).isLessThan(firstQuiet);
        List<String> quietNames = tiles.stream()
                .filter(RoomTile::isQuiet)
                .map(RoomTile::roomNameText)
                .toList();
        assertThat(quietNames).containsSubsequence("Rom " + MINE, "Rom " + THIRD);
        for (String quiet : List.of("Rom " + MINE, "Rom " + THIRD)) {
            RoomTile tile = tile(quiet).orElseThrow();
            assertThat(tile.getClassNames())
                    .contains("room-tile", "quiet")
                    .doesNotContain("priority-high", "priority-medium", "priority-low", "protection-only", "has-call");
            assertThat(tile.getElement().getAttribute("data-since")).isNull();
            assertThat(tile.callTypeText()).isEmpty();
            assertThat(tile.acceptButton().isVisible()).isFalse();
            assertThat(tile.presenceText()).isEmpty();
            assertThat(tile.getElement().getAttribute("aria-label")).isEqualTo(quiet + ", rolig");
            assertThat(containerOf(tile)).isEqualTo("board-quiet"); // the grid of small tiles
        }
        assertThat(containerOf(tile("Rom " + OTHER).orElseThrow())).isEqualTo("board-grid");
    }

    @Test
    void a_rooms_tile_turns_from_quiet_to_an_alarm_and_back_when_a_call_is_pressed_and_resolved() {
        logInAsCarerOnDuty();
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(tile("Rom " + MINE))
                    .hasValueSatisfying(tile -> assertThat(tile.isQuiet()).isTrue());
        });
        RoomTile quiet = tile("Rom " + MINE).orElseThrow();

        press(MINE);

        RoomTile alarm = awaitCall("Rom " + MINE);
        assertThat(alarm).isSameAs(quiet); // the same tile changes, it does not jump out and back in
        assertThat(alarm.getClassNames())
                .contains("has-call", "priority-medium")
                .doesNotContain("quiet");
        assertThat(containerOf(alarm)).isEqualTo("board-grid");
        List<RoomTile> tiles = _find(RoomTile.class);
        assertThat(tiles.indexOf(alarm))
                .isLessThan(tiles.indexOf(
                        tiles.stream().filter(RoomTile::isQuiet).findFirst().orElseThrow()));

        _click(alarm.resolveButton());

        await().untilAsserted(() -> {
            roundTrip();
            RoomTile back = tile("Rom " + MINE).orElseThrow();
            assertThat(back.isQuiet()).isTrue();
            assertThat(back.getClassNames()).doesNotContain("has-call", "priority-medium", "awaiting-response");
            assertThat(back.isBusy()).isFalse();
            assertThat(containerOf(back)).isEqualTo("board-quiet");
        });
        assertThat(serverCall(MINE)).isEmpty();
    }

    @Test
    void rooms_are_ordered_by_priority_and_then_by_how_long_they_have_waited() {
        KaribuConsole.logInAsDemo("admin"); // no duty: the board shows the whole ward
        press(THIRD);
        press(OTHER);
        assertThat(SERVER.sim("send", MINE, "--device", deviceIn(MINE), "--event", "emergency"))
                .isZero();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            List<String> ours = _find(RoomTile.class).stream()
                    .filter(tile -> tile.getClassNames().contains("has-call"))
                    .map(RoomTile::roomNameText)
                    .filter(name -> name.startsWith("Rom CB-"))
                    .toList();
            assertThat(ours).containsExactly("Rom " + MINE, "Rom " + THIRD, "Rom " + OTHER);
        });
        RoomTile emergency = tile("Rom " + MINE).orElseThrow();
        assertThat(emergency.getClassNames()).contains("priority-high");
        assertThat(emergency.callTypeText()).isEqualTo("Nødalarm");
        assertThat(_get(Paragraph.class, spec -> spec.withId("board-scope")).getText())
                .isEqualTo("Du dekker ingen sone i vakta som går nå, så tavla viser hele avdelingen.");
    }

    @Test
    void a_new_call_sounds_until_acknowledged_and_stays_on_the_board_silenced_on_the_server() {
        logInAsCarerOnDuty();
        press(MINE);
        awaitCall("Rom " + MINE);
        BoardView view = _get(BoardView.class);
        assertThat(view.soundLevel()).isEqualTo("medium");

        _click(_get(Button.class, spec -> spec.withId("board-acknowledge")));

        // off here at once; the server's silence is told when it has answered
        assertThat(view.soundLevel()).isEqualTo("off");
        assertThat(tile("Rom " + MINE)).isPresent();
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_get(Paragraph.class, spec -> spec.withId("board-sound-notice"))
                            .getText())
                    .isEqualTo("Lyden er kvittert. Anropene står på tavla til noen tar dem.");
        });
        await().untilAsserted(() ->
                assertThat(serverCall(MINE).orElseThrow().silenced()).isTrue());
        roundTrip();
        assertThat(view.soundLevel()).isEqualTo("off");
        assertThat(tile("Rom " + MINE).orElseThrow().getClassNames()).contains("awaiting-response");
    }

    @Test
    void a_resident_whose_protection_is_broken_is_shown_on_the_room_tile_with_and_without_a_call() {
        String carer = logInAsCarerOnDuty();
        String demoZone = zoneOf(MINE);
        roomIds.computeIfAbsent(FOURTH, number -> room(demoZone, number));
        // a resident protected by the room's call button at the bed, which then reports tampering
        String device = deviceIn(FOURTH);
        api.post(
                "/api/residents",
                admin,
                new NewResident("Berit Brekke", roomIds.get(FOURTH), carer, List.of(new Need("CALL_BUTTON", "BED"))),
                Object.class);
        assertThat(SERVER.sim("heartbeat", FOURTH, "--device", device, "--battery", "80", "--tamper"))
                .isZero();

        RoomTile tile = awaitTileWith("Rom " + FOURTH, "protection-only");
        assertThat(tile.getClassNames()).contains("protection-only").doesNotContain("priority-medium");
        assertThat(tile.protectionTexts())
                .containsExactly("Beskyttelse brutt for Berit Brekke: Anropsknapp ved senga: er tuklet med");
        assertThat(tile.acceptButton().isVisible()).isFalse();

        press(FOURTH);

        await().untilAsserted(() -> {
            roundTrip();
            RoomTile withCall = tile("Rom " + FOURTH).orElseThrow();
            assertThat(withCall.getClassNames()).contains("priority-medium").doesNotContain("protection-only");
            assertThat(withCall.callTypeText()).isEqualTo("Pasientrop");
            assertThat(withCall.protectionTexts()).hasSize(1);
        });
    }

    @Test
    void a_refused_action_is_told_on_the_tile_as_the_servers_sentence() {
        logInAsCarerOnDuty();
        press(MINE);
        RoomTile tile = awaitCall("Rom " + MINE);
        // someone resolves the call at the same moment, before this board has heard
        ActiveCall call = serverCall(MINE).orElseThrow();
        board.resolve(call.id(), admin);

        _click(tile.acceptButton());

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(tile.errorText()).isEqualTo("Signalserveren godtok det ikke: no open alarm " + call.id());
        });
        assertThat(tile.isBusy()).isFalse();
        assertThat(tile.acceptButton().isEnabled()).isTrue();
    }

    @Test
    void the_board_speaks_english() {
        logInAsCarerOnDuty();
        press(MINE);
        awaitCall("Rom " + MINE);

        UI.getCurrent().setLocale(Locale.ENGLISH);

        RoomTile tile = tile("Rom " + MINE).orElseThrow();
        assertThat(tile.callTypeText()).isEqualTo("Patient call");
        assertThat(tile.responderText()).isEqualTo("Not accepted");
        assertThat(tile.acceptButton().getText()).isEqualTo("Accept");
        assertThat(tile.presenceButton().getText()).isEqualTo("Mark presence");
        assertThat(tile.resolveButton().getText()).isEqualTo("Resolve");
        assertThat(_get(Tab.class, spec -> spec.withId("board-tab-mine")).getLabel())
                .isEqualTo("My zone");
        assertThat(_get(Tab.class, spec -> spec.withId("board-tab-ward")).getLabel())
                .isEqualTo("Whole ward");
        assertThat(_get(Button.class, spec -> spec.withId("board-acknowledge")).getText())
                .isEqualTo("Acknowledge sound");
    }

    @Test
    void a_technician_is_refused_the_board() {
        KaribuConsole.logInAsDemo("tekniker");
        UI.getCurrent().navigate("");
        _assertNone(BoardView.class);
    }

    @Test
    void a_quality_lead_is_refused_the_board() {
        KaribuConsole.logInAsDemo("kvalitet");
        UI.getCurrent().navigate("");
        _assertNone(BoardView.class);
    }

    // --- helpers

    /**
     * Logs in as the demo carer the roster has on duty now (sykepleier by day and evening, natt at night), waits
     * until the board knows their zone, and returns the user name.
     */
    private static String logInAsCarerOnDuty() {
        String carer = coverageOf("sykepleier").onDuty() ? "sykepleier" : "natt";
        KaribuConsole.logInAsDemo(carer);
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_get(BoardView.class).scopeLoaded()).isTrue();
        });
        return carer;
    }

    /** What {@code username} covers now by the demo site's shift plan and roster. */
    private static ZoneCoverage coverageOf(String username) {
        String siteId = board.sites(admin).getFirst().id();
        return ZoneCoverage.of(username, Instant.now(), board.shifts(siteId, admin), board.roster(siteId, admin));
    }

    /** The names of the rooms in {@code zoneIds}, as the server lists them. */
    private static List<String> roomNamesIn(Collection<String> zoneIds) {
        return zoneIds.stream()
                .flatMap(zone -> board.rooms(zone, admin).stream())
                .map(BoardClient.Room::name)
                .toList();
    }

    /** The names of every room of {@code wardIds}, as the server lists them. */
    private static List<String> roomNamesOfWards(Collection<String> wardIds) {
        return roomNamesIn(wardIds.stream()
                .flatMap(ward -> board.zones(ward, admin).stream())
                .map(BoardClient.Zone::id)
                .toList());
    }

    private void press(String number) {
        assertThat(SERVER.sim("press", number, "--device", deviceIn(number)))
                .as("press %s", number)
                .isZero();
    }

    /** This test's call button in room {@code number}: registered at the bed and enrolled with device-sim. */
    private String deviceIn(String number) {
        return devices.computeIfAbsent(number, n -> {
            String deviceId = "cboard-" + DEVICE_COUNT.incrementAndGet();
            String bed = api.getTree("/api/rooms/" + roomIds.get(n) + "/locations", Query.none(), admin)
                    .get(0)
                    .get("id")
                    .asString();
            api.post(
                    "/api/devices", admin, new NewDevice(deviceId, "CALL_BUTTON", "SN-" + deviceId, bed), Object.class);
            assertThat(SERVER.sim(
                            "enrol",
                            n,
                            "--device",
                            deviceId,
                            "--api",
                            SERVER.uri().toString()))
                    .as("device-sim enrol %s", deviceId)
                    .isZero();
            return deviceId;
        });
    }

    private static Optional<ActiveCall> serverCall(String number) {
        return api.getList("/api/alarms", Query.none(), admin, ActiveCall.class).stream()
                .filter(call -> call.roomId().equals(roomIds.get(number)))
                .findFirst();
    }

    /** Waits until room {@code roomName}'s tile shows a call (its tile may be there already, quiet). */
    private static RoomTile awaitCall(String roomName) {
        return awaitTileWith(roomName, "has-call");
    }

    /** Waits until room {@code roomName}'s tile has the class {@code cssClass}. */
    private static RoomTile awaitTileWith(String roomName, String cssClass) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            assertThat(tile(roomName))
                    .hasValueSatisfying(tile -> assertThat(tile.getClassNames()).contains(cssClass));
        });
        return tile(roomName).orElseThrow();
    }

    private static Optional<RoomTile> tile(String roomName) {
        return _find(RoomTile.class).stream()
                .filter(tile -> tile.roomNameText().equals(roomName))
                .findFirst();
    }

    /** The id of the grid a tile is in: {@code board-grid} (calls and alerts) or {@code board-quiet}. */
    private static String containerOf(RoomTile tile) {
        return tile.getParent().flatMap(Component::getId).orElse("");
    }

    private static List<String> roomNames() {
        return _find(RoomTile.class).stream().map(RoomTile::roomNameText).toList();
    }
}
