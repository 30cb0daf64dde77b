package no.pasientsignal.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.sim.DeviceClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole alarm path over real DTLS and real HTTP: a device's event, routed by the roster to
 * the right carers' handset streams, answered from the handset API, with the server's clock moved
 * by hand for escalation. Zone 1: sykepleier primary by day; zone 2: natt; admin leads the shift.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmFlowIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private FixturePki pki;

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    FacilityDirectory facility;

    @Inject
    RoutingTables routing;

    @Inject
    CarePlanBook plans;

    @Inject
    AlarmService alarms;

    @Inject
    MutableClock clock;

    private String nurse;
    private String night;
    private String technician;
    private String quality;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("alarm-flow-it");
        pki = server.pki();
        return server.properties(TestServer.MUTABLE_CLOCK, "true");
    }

    @BeforeAll
    void setUp() throws Exception {
        nurse = api().login("sykepleier", "demo-sykepleier");
        night = api().login("natt", "demo-natt");
        technician = api().login("tekniker", "demo-tekniker");
        quality = api().login("kvalitet", "demo-kvalitet");
        var assignments = new java.util.ArrayList<Assignment>();
        for (String shift : List.of("day", "evening", "night")) {
            assignments.add(new Assignment(shift, "sykepleier", "ward-1", Set.of("zone-1"), true, false));
            assignments.add(new Assignment(shift, "natt", "ward-1", Set.of("zone-2"), true, false));
            assignments.add(new Assignment(shift, "admin", "ward-1", Set.of(), false, true));
        }
        routing.put(
                "site-1",
                new SiteRouting(
                        new Roster(ShiftPlan.dayEveningNight(OSLO), assignments, Map.of(), Set.of(), null),
                        EscalationPolicy.defaults()));
    }

    @BeforeEach
    void daytime() {
        clock.set(LocalDateTime.now(OSLO).with(LocalTime.of(10, 0)).atZone(OSLO).toInstant());
    }

    @Test
    void patient_call_reaches_the_primary_carers_handset_then_the_ward_on_its_timer() throws Exception {
        String button = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "801", "zone-1", LocationKind.BED);
        try (var mine = stream("/api/alarms/stream?mine=true", nurse);
                var theirs = stream("/api/alarms/stream?mine=true", night);
                var device = connect(button)) {
            var press = DeviceEvent.now(EventKind.CALL_PRESSED);
            assertThat(device.send(press).code()).isEqualTo("2.04");

            JsonNode notified = next(mine, "801");
            assertThat(notified.get("change").asString()).isEqualTo("NOTIFIED");
            assertThat(notified.get("eventId").asString())
                    .isEqualTo(press.eventId().toString());
            assertThat(notified.get("forYou").asBoolean()).isTrue();
            assertThat(notified.get("newRecipients").toString()).isEqualTo("[\"sykepleier\"]");
            assertThat(notified.at("/alarm/type").asString()).isEqualTo("PATIENT_CALL");
            assertThat(notified.at("/alarm/priority").asString()).isEqualTo("NORMAL");
            assertThat(notified.at("/alarm/state").asString()).isEqualTo("NOTIFIED");

            // Nothing for the carer of the other zone until the ward step (120 s for a patient call).
            clock.advance(Duration.ofSeconds(119));
            alarms.tick().join();
            nothingFor(theirs, "801", 300);
            clock.advance(Duration.ofSeconds(1));
            alarms.tick().join();
            JsonNode escalated = next(theirs, "801");
            assertThat(escalated.get("change").asString()).isEqualTo("ESCALATED");
            assertThat(escalated.get("forYou").asBoolean()).isTrue();
            assertThat(escalated.at("/alarm/escalationStep").asInt()).isEqualTo(2);
            resolveAll("801");
        }
    }

    @Test
    void handset_reports_delivery_then_accepts_and_resolves_and_the_board_follows() throws Exception {
        String button = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "802", "zone-1", LocationKind.BED);
        try (var device = connect(button)) {
            device.send(DeviceEvent.now(EventKind.CALL_PRESSED));
        }
        String id = openIn("802").get("id").asString();

        var seen = api().post("/api/alarms/" + id + "/delivery", "{\"status\":\"SEEN\"}", nurse);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(JSON.readTree(seen.body()).at("/recipients/sykepleier").asString())
                .isEqualTo("SEEN");

        var accepted = api().post("/api/alarms/" + id + "/accept", "", nurse);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("acceptedBy").asString()).isEqualTo("sykepleier");
        assertThat(JSON.readTree(accepted.body()).get("state").asString()).isEqualTo("ACCEPTED");
        // Someone else cannot take it over: 409 with the carer's name.
        var taken = api().post("/api/alarms/" + id + "/accept", "", night);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("already accepted by sykepleier");

        var resolved = api().post("/api/alarms/" + id + "/resolve", "", nurse);
        assertThat(resolved.statusCode()).isEqualTo(200);
        // No body: an ordinary resolve, not counted as an unnecessary alert.
        assertThat(JSON.readTree(resolved.body()).get("notActionable").asBoolean())
                .isFalse();
        assertThat(openIn("802")).isNull();
        assertThat(api().post("/api/alarms/" + id + "/resolve", "", nurse).statusCode())
                .isEqualTo(404);
    }

    @Test
    void bathroom_call_cancels_only_at_source() throws Exception {
        String bathroom =
                TestServer.registerDevice(facility, DeviceType.PULL_CORD, "803", "zone-1", LocationKind.BATHROOM);
        String bed = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "803", "zone-1", LocationKind.BED);
        try (var cord = connect(bathroom);
                var bedButton = connect(bed)) {
            assertThat(cord.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
            JsonNode call = openIn("803");
            assertThat(call.get("type").asString()).isEqualTo("PULL_CORD");
            assertThat(call.get("locationKind").asString()).isEqualTo("BATHROOM");

            // Cancelled from the bed: acknowledged (the device did its job) but the call stays.
            assertThat(bedButton.send(DeviceEvent.now(EventKind.CALL_CANCELLED)).code())
                    .isEqualTo("2.04");
            assertThat(openIn("803")).isNotNull();
            // Nor can a console close it: someone has to go in.
            var resolve = api().post("/api/alarms/" + call.get("id").asString() + "/resolve", "", nurse);
            assertThat(resolve.statusCode()).isEqualTo(409);
            assertThat(resolve.body()).contains("bathroom");

            assertThat(cord.send(DeviceEvent.now(EventKind.CALL_CANCELLED)).code())
                    .isEqualTo("2.04");
            assertThat(openIn("803")).isNull();
        }
    }

    @Test
    void presence_at_the_door_turns_the_next_call_into_staff_assist_for_the_whole_ward() throws Exception {
        String door = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "804", "zone-1", LocationKind.DOOR);
        String bed = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "804", "zone-1", LocationKind.BED);
        try (var presenceButton = connect(door);
                var bedButton = connect(bed);
                var theirs = stream("/api/alarms/stream?mine=true", night)) {
            assertThat(presenceButton
                            .send(DeviceEvent.now(EventKind.PRESENCE_ON))
                            .code())
                    .isEqualTo("2.04");
            assertThat(alarms.presence("804")).contains(door);

            bedButton.send(DeviceEvent.now(EventKind.CALL_PRESSED));

            JsonNode assist = next(theirs, "804");
            assertThat(assist.at("/alarm/type").asString()).isEqualTo("STAFF_ASSIST");
            assertThat(assist.at("/alarm/priority").asString()).isEqualTo("EMERGENCY");
            assertThat(assist.get("newRecipients").toString()).contains("sykepleier", "natt", "admin");

            // Leaving the room clears presence; the call for help stays until someone resolves it.
            presenceButton.send(DeviceEvent.now(EventKind.PRESENCE_OFF));
            assertThat(alarms.presence("804")).isEmpty();
            assertThat(openIn("804").get("type").asString()).isEqualTo("STAFF_ASSIST");
            resolveAll("804");
        }
    }

    @Test
    void smoke_goes_to_everyone_on_the_ward_at_once() throws Exception {
        String detector =
                TestServer.registerDevice(facility, DeviceType.SMOKE_DETECTOR, "805", "zone-2", LocationKind.CORRIDOR);
        try (var device = connect(detector);
                var mine = stream("/api/alarms/stream?mine=true", nurse)) {
            device.send(DeviceEvent.now(EventKind.SMOKE));
            JsonNode smoke = next(mine, "805");
            assertThat(smoke.at("/alarm/type").asString()).isEqualTo("SMOKE");
            assertThat(smoke.at("/alarm/vkpCode").asString()).isEqualTo("4.11");
            assertThat(smoke.get("newRecipients").toString()).contains("sykepleier", "natt", "admin");
            resolveAll("805");
        }
    }

    @Test
    void bed_exit_raises_only_with_a_care_plan_and_names_the_resident_by_pseudonym() throws Exception {
        String sensor = TestServer.registerDevice(facility, DeviceType.BED_SENSOR, "806", "zone-1", LocationKind.BED);
        try (var device = connect(sensor)) {
            assertThat(device.send(DeviceEvent.now(EventKind.BED_EXIT)).code()).isEqualTo("2.04");
            assertThat(openIn("806")).isNull();

            plans.put(new CarePlan(
                    "R-806",
                    "806",
                    List.of(new PassiveRule(PassiveRule.Kind.BED_EXIT, TimeWindow.ALWAYS, null)),
                    List.of(new LegalBasis(
                            LegalBasis.Kind.CONSENT, "admin", clock.instant().minusSeconds(3600), null))));
            await().until(() -> {
                device.send(DeviceEvent.now(EventKind.BED_EXIT));
                return openIn("806") != null;
            });
            JsonNode exit = openIn("806");
            assertThat(exit.get("type").asString()).isEqualTo("BED_EXIT");
            assertThat(exit.get("residentId").asString()).isEqualTo("R-806");
            // The carer finds the resident fine: resolved as needing no action (alarm fatigue).
            var resolved = api().post(
                            "/api/alarms/" + exit.get("id").asString() + "/resolve", "{\"notActionable\":true}", nurse);
            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            assertThat(JSON.readTree(resolved.body()).get("notActionable").asBoolean())
                    .isTrue();
            assertThat(JSON.readTree(resolved.body()).get("state").asString()).isEqualTo("RESOLVED");
            resolveAll("806");
        }
    }

    @Test
    void a_device_may_only_send_the_events_its_type_produces() throws Exception {
        String detector =
                TestServer.registerDevice(facility, DeviceType.SMOKE_DETECTOR, "807", "zone-1", LocationKind.CORRIDOR);
        try (var device = connect(detector)) {
            var reply = device.send(DeviceEvent.now(EventKind.CALL_PRESSED));
            assertThat(reply.code()).isEqualTo("4.00");
            assertThat(reply.diagnostic()).isEqualTo("field evt: a SMOKE_DETECTOR does not send 'call'");
            assertThat(openIn("807")).isNull();
        }
    }

    @Test
    void zone_stream_carries_only_its_zone() throws Exception {
        String zone1 = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "808", "zone-1", LocationKind.BED);
        String zone2 = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "809", "zone-2", LocationKind.BED);
        try (var corridor = stream("/api/zones/zone-2/alarms/stream", nurse);
                var a = connect(zone1);
                var b = connect(zone2)) {
            a.send(DeviceEvent.now(EventKind.CALL_PRESSED));
            b.send(DeviceEvent.now(EventKind.CALL_PRESSED));
            // RAISED then NOTIFIED for room 809; nothing at all from room 808 in zone 1.
            assertThat(next(corridor, "809").get("change").asString()).isEqualTo("RAISED");
            assertThat(next(corridor, "809").get("change").asString()).isEqualTo("NOTIFIED");
            assertThat(corridor.data()).noneMatch(d -> d.contains("\"zoneId\":\"zone-1\""));
            resolveAll("808");
            resolveAll("809");
        }
    }

    @Test
    void other_roles_bad_input_and_unknown_alarms_are_refused_and_change_nothing() throws Exception {
        String button = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "810", "zone-1", LocationKind.BED);
        try (var device = connect(button)) {
            device.send(DeviceEvent.now(EventKind.CALL_PRESSED));
        }
        String id = openIn("810").get("id").asString();

        assertThat(api().get("/api/alarms", technician).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/alarms", quality).statusCode()).isEqualTo(403);
        assertThat(api().post("/api/alarms/" + id + "/accept", "", technician).statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/alarms", null).statusCode()).isEqualTo(401);
        var badStatus = api().post("/api/alarms/" + id + "/delivery", "{\"status\":\"ACCEPTED\"}", nurse);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status");
        assertThat(api().post("/api/alarms/not-a-uuid/accept", "", nurse).statusCode())
                .isEqualTo(404);
        assertThat(api().post("/api/alarms/" + java.util.UUID.randomUUID() + "/accept", "", nurse)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api().post("/api/rooms/nowhere/presence", "{\"present\":true}", nurse)
                        .statusCode())
                .isEqualTo(404);
        var noAnswer = api().post("/api/rooms/nowhere/presence", "{}", nurse);
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(noAnswer.body()).contains("present");

        JsonNode after = openIn("810");
        assertThat(after.get("state").asString()).isEqualTo("NOTIFIED");
        assertThat(after.has("acceptedBy")).isFalse();
        resolveAll("810");
    }

    @Test
    void a_carer_marks_presence_from_the_handset() throws Exception {
        // A room of the demo ward, from the database: the handset names the room, not a device.
        try (var device = connect("call-208")) {
            device.send(DeviceEvent.now(EventKind.CALL_PRESSED));
        }
        String roomId = byName("Rom 208");

        var marked = api().post("/api/rooms/" + roomId + "/presence", "{\"present\":true}", nurse);
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(JSON.readTree(marked.body()).get("outcome").asString()).isEqualTo("PRESENCE_MARKED");
        assertThat(openIn(roomId).get("state").asString()).isEqualTo("PRESENT");
        assertThat(alarms.presence(roomId)).contains("sykepleier");

        api().post("/api/rooms/" + roomId + "/presence", "{\"present\":false}", nurse);
        assertThat(openIn(roomId)).isNull();
    }

    /** The id of the room with this name among the open alarms. */
    private String byName(String roomName) throws Exception {
        for (JsonNode alarm : JSON.readTree(api().get("/api/alarms", nurse).body())) {
            if (alarm.get("roomName").asString().equals(roomName)) {
                return alarm.get("roomId").asString();
            }
        }
        throw new AssertionError("no open alarm in " + roomName);
    }

    private void resolveAll(String room) throws Exception {
        JsonNode open;
        while ((open = openIn(room)) != null) {
            assertThat(api().post("/api/alarms/" + open.get("id").asString() + "/resolve", "", nurse)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private JsonNode openIn(String room) throws Exception {
        var response = api().get("/api/alarms", nurse);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode alarm : JSON.readTree(response.body())) {
            if (alarm.get("roomId").asString().equals(room)) {
                return alarm;
            }
        }
        return null;
    }

    private SseProbe stream(String path, String token) throws Exception {
        var probe = new SseProbe(api().uri(path), token, "alarm");
        await().until(() -> probe.status() == 200);
        return probe;
    }

    /** The next change for {@code room} (other tests' rooms may share the stream). */
    private static JsonNode next(SseProbe probe, String room) throws Exception {
        while (true) {
            String data = probe.data().poll(5, TimeUnit.SECONDS);
            assertThat(data)
                    .as("an alarm event for room " + room + " within 5 s")
                    .isNotNull();
            JsonNode change = JSON.readTree(data);
            if (change.at("/alarm/roomId").asString().equals(room)) {
                return change;
            }
        }
    }

    /** No change for {@code room} arrives within {@code millis}. */
    private static void nothingFor(SseProbe probe, String room, long millis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        String data;
        while ((data = probe.data().poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            assertThat(JSON.readTree(data).at("/alarm/roomId").asString()).isNotEqualTo(room);
        }
    }

    private DeviceClient connect(String deviceId) {
        return TestServer.connect(endpoint, pki.device(deviceId));
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
