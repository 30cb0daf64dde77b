package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.HealthSettings;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.sim.DeviceClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's protection stops working and the responsible nurse is told, over the real server:
 * a device on real DTLS goes silent (the server's clock is moved by hand, no waiting), the
 * technician's stream gets the device-level alert within the silence bound and no resident's
 * name, the nurse's stream gets the resident named with what is no longer covered, and both clear
 * when the device is heard again.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectionIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo residents: none may ever reach a technician's stream either. */
    private static final List<String> DEMO_NAMES = List.of(
            "Astrid Hansen",
            "Bjørn Olsen",
            "Kari Johansen",
            "Ola Larsen",
            "Ingrid Berg",
            "Per Nilsen",
            "Solveig Haugen",
            "Arne Bakken");

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    DeviceHealth health;

    @Inject
    MutableClock clock;

    @Inject
    RoutingTables routing;

    @Inject
    HealthSettings settings;

    private FixturePki pki;
    private String admin;
    private String nurse;
    private String night;
    private String technician;
    private String quality;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("protection-it");
        pki = server.pki();
        return server.properties(
                TestServer.MUTABLE_CLOCK,
                "true",
                "signal.api.keep-alive",
                "200ms",
                "signal.health.check-every",
                "200ms",
                "signal.health.intervals.bed-sensor",
                "10s");
    }

    @BeforeAll
    void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
        night = api().login("natt", "demo-natt");
        technician = api().login("tekniker", "demo-tekniker");
        quality = api().login("kvalitet", "demo-kvalitet");
    }

    @Test
    void a_silent_device_raises_the_technical_alert_within_the_bound_and_tells_the_nurse_who_is_unprotected()
            throws Exception {
        var bed = newBedWithCallButton("701");
        String resident = newResident("Sigrun Lund", bed.roomId(), "sykepleier");
        Duration bound = settings.silentAfter(DeviceType.CALL_BUTTON);

        try (var nurseProtection = stream(nurse, "protection");
                var nurseTechnical = stream(nurse, "technical");
                var nightProtection = stream(night, "protection");
                var techTechnical = stream(technician, "technical");
                var techProtection = stream(technician, "protection");
                DeviceClient device = TestServer.connect(endpoint, pki.device(bed.deviceId()))) {
            assertThat(device.heartbeat(new Heartbeat(77, -70, false, "2.1.0", 10L))
                            .code())
                    .isEqualTo("2.04");
            Instant lastHeard = clock.instant();

            clock.advance(bound.minusSeconds(1));
            health.check();
            assertThat(technicalAlertsOf(bed.deviceId())).isEmpty();
            assertThat(api().get("/api/protection-alerts", nurse).body()).doesNotContain(resident);

            clock.advance(Duration.ofSeconds(1));
            health.check();

            JsonNode technical =
                    next(techTechnical, e -> e.get("deviceId").asString().equals(bed.deviceId()));
            assertThat(technical.get("kind").asString()).isEqualTo("DEVICE_SILENT");
            assertThat(Duration.between(
                            lastHeard, Instant.parse(technical.get("raisedAt").asString())))
                    .isEqualTo(bound)
                    .isLessThan(HealthSettings.MAX_SILENCE);
            assertThat(technical.get("clearedAt")).isNull();

            JsonNode raised =
                    next(nurseProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(raised.get("state").asString()).isEqualTo("RAISED");
            assertThat(raised.get("displayName").asString()).isEqualTo("Sigrun Lund");
            assertThat(raised.get("roomName").asString()).isEqualTo("Rom 701");
            assertThat(raised.get("responsibleNurse").asString()).isEqualTo("sykepleier");
            assertThat(raised.get("addressedToYou").asBoolean()).isTrue();
            assertThat(raised.get("message").asString())
                    .isEqualTo("Sigrun Lund (Rom 701) is not protected: call button at bed: device silent");
            JsonNode uncovered = raised.get("uncovered").get(0);
            assertThat(uncovered.get("description").asString()).isEqualTo("call button at bed");
            assertThat(uncovered.get("coverage").asString()).isEqualTo("SILENT");
            assertThat(uncovered.get("deviceId").asString()).isEqualTo(bed.deviceId());
            assertThat(uncovered.get("batteryPercent").asInt()).isEqualTo(77);

            // Night staff cover the whole ward: they are told too, though not addressed.
            JsonNode toNight =
                    next(nightProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(toNight.get("addressedToYou").asBoolean()).isFalse();
            assertThat(toNight.get("displayName").asString()).isEqualTo("Sigrun Lund");

            JsonNode view = JSON.readTree(api().get("/api/residents/" + resident + "/protection", nurse)
                    .body());
            assertThat(view.get("complete").asBoolean()).isFalse();
            assertThat(view.get("needs").get(0).get("lastSeen").asString()).isEqualTo(lastHeard.toString());
            assertThat(api().get("/api/protection-alerts", nurse).body()).contains("Sigrun Lund");
            assertThat(api().get("/api/protection-alerts", technician).body())
                    .contains(resident)
                    .doesNotContain("Sigrun");
            assertThat(api().get("/api/protection", nurse).body()).contains(resident);

            // Heard again: coverage returns and both alerts clear.
            assertThat(device.heartbeat(Heartbeat.ofBattery(76)).code()).isEqualTo("2.04");

            JsonNode cleared =
                    next(techTechnical, e -> e.get("deviceId").asString().equals(bed.deviceId()));
            assertThat(cleared.get("kind").asString()).isEqualTo("DEVICE_SILENT");
            assertThat(cleared.get("clearedAt").asString())
                    .isEqualTo(clock.instant().toString());
            JsonNode protectedAgain =
                    next(nurseProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(protectedAgain.get("state").asString()).isEqualTo("CLEARED");
            assertThat(protectedAgain.get("message").asString()).isEqualTo("Sigrun Lund (Rom 701) is protected again");
            assertThat(api().get("/api/protection-alerts", nurse).body()).doesNotContain(resident);
            assertThat(JSON.readTree(api().get("/api/residents/" + resident + "/protection", nurse)
                                    .body())
                            .get("complete")
                            .asBoolean())
                    .isTrue();

            // Kept apart: technicians get devices and never a resident's name; nurses get residents.
            assertThat(techProtection.data()).isEmpty();
            assertThat(nurseTechnical.data()).isEmpty();
            for (String event : techTechnical.data()) {
                assertThat(event).doesNotContain("Sigrun");
                DEMO_NAMES.forEach(name -> assertThat(event).doesNotContain(name));
            }
        }
    }

    @Test
    void a_tampered_device_leaves_the_resident_unprotected_until_the_enclosure_is_closed() throws Exception {
        var bed = newBedWithCallButton("702");
        String resident = newResident("Harald Dahl", bed.roomId(), "sykepleier");

        try (var nurseProtection = stream(nurse, "protection");
                DeviceClient device = TestServer.connect(endpoint, pki.device(bed.deviceId()))) {
            assertThat(device.heartbeat(Heartbeat.ofBattery(60).withTamper(true))
                            .code())
                    .isEqualTo("2.04");

            JsonNode raised =
                    next(nurseProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(raised.get("state").asString()).isEqualTo("RAISED");
            assertThat(raised.get("message").asString())
                    .contains("Harald Dahl", "call button at bed: device tampered with");

            assertThat(device.heartbeat(Heartbeat.ofBattery(60)).code()).isEqualTo("2.04");
            JsonNode cleared =
                    next(nurseProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(cleared.get("state").asString()).isEqualTo("CLEARED");
        }
    }

    @Test
    void the_carers_the_roster_puts_on_the_room_now_are_addressed_with_the_responsible_nurse() throws Exception {
        var bed = newBedWithCallButton("703");
        String resident = newResident("Olav Berg", bed.roomId(), "sykepleier");
        var assignments = new java.util.ArrayList<Assignment>();
        for (String shift : List.of("day", "evening", "night")) {
            assignments.add(new Assignment(shift, "natt", bed.wardId(), Set.of(bed.zoneId()), true, false));
        }
        routing.put(
                bed.siteId(),
                new SiteRouting(
                        new Roster(
                                ShiftPlan.dayEveningNight(ZoneId.of("Europe/Oslo")),
                                assignments,
                                Map.of(),
                                Set.of(),
                                null),
                        EscalationPolicy.defaults()));

        try (var nightProtection = stream(night, "protection");
                var adminProtection = stream(admin, "protection");
                DeviceClient device = TestServer.connect(endpoint, pki.device(bed.deviceId()))) {
            assertThat(device.heartbeat(Heartbeat.ofBattery(60).withTamper(true))
                            .code())
                    .isEqualTo("2.04");

            JsonNode toNight =
                    next(nightProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(toNight.get("onDuty").toString()).isEqualTo("[\"natt\"]");
            assertThat(toNight.get("addressedToYou").asBoolean()).isTrue();
            JsonNode toAdmin =
                    next(adminProtection, e -> e.get("residentId").asString().equals(resident));
            assertThat(toAdmin.get("addressedToYou").asBoolean()).isFalse();
            assertThat(api().get("/api/protection-alerts", night).body()).contains("\"onDuty\":[\"natt\"]");

            assertThat(device.heartbeat(Heartbeat.ofBattery(60)).code()).isEqualTo("2.04");
        }
    }

    @Test
    void the_alert_stream_is_by_role_and_ends_with_the_session() throws Exception {
        assertThat(api().get("/api/technical-alerts/stream", quality).statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/technical-alerts/stream", null).statusCode()).isEqualTo(401);

        String token = api().login("natt", "demo-natt");
        try (var pings = new SseProbe(api().uri("/api/technical-alerts/stream"), token, "ping")) {
            assertThat(pings.data().poll(5, TimeUnit.SECONDS)).isNotNull();
            api().post("/logout", "", token);
            await().atMost(Duration.ofSeconds(5)).until(pings::ended);
        }
    }

    @Test
    void per_type_heartbeat_intervals_come_from_configuration() {
        assertThat(settings.interval(DeviceType.BED_SENSOR)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.interval(DeviceType.CALL_BUTTON))
                .isEqualTo(HealthSettings.DEFAULT_INTERVALS.get(DeviceType.CALL_BUTTON));
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Bed(String roomId, String deviceId, String siteId, String wardId, String zoneId) {}

    /** A new room with a bed and a call button registered there by a technician, over the API. */
    private Bed newBedWithCallButton(String number) throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 7\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        String room = id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"" + number + "\",\"name\":\"Rom " + number
                                + "\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"}]}",
                        admin));
        String bed = JSON.readTree(api().get("/api/rooms/" + room + "/locations", technician)
                        .body())
                .get(0)
                .get("id")
                .asString();
        String deviceId = "call-" + number + "-" + UUID.randomUUID().toString().substring(0, 6);
        var device = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"" + deviceId + "\",\"type\":\"CALL_BUTTON\",\"serial\":\"SN-" + deviceId
                                + "\",\"locationId\":\"" + bed + "\"}",
                        technician);
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        return new Bed(room, deviceId, site, ward, zone);
    }

    private String newResident(String name, String roomId, String nurseUsername) throws Exception {
        return id(api().post(
                        "/api/residents",
                        "{\"displayName\":\"" + name + "\",\"roomId\":\"" + roomId + "\",\"responsibleNurse\":\""
                                + nurseUsername
                                + "\",\"needs\":[{\"deviceType\":\"CALL_BUTTON\",\"locationKind\":\"BED\"}]}",
                        admin));
    }

    /** An open alert stream collecting events of one name; returns once the server has answered. */
    private SseProbe stream(String token, String eventName) throws Exception {
        var probe = new SseProbe(api().uri("/api/technical-alerts/stream"), token, eventName);
        assertThat(probe.status()).isEqualTo(200);
        return probe;
    }

    /** The next event on the stream that matches, skipping others (the demo ward's devices). */
    private static JsonNode next(SseProbe probe, Predicate<JsonNode> wanted) throws InterruptedException {
        BlockingQueue<String> data = probe.data();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String event = data.poll(100, TimeUnit.MILLISECONDS);
            if (event == null) {
                continue;
            }
            JsonNode node = JSON.readTree(event);
            if (wanted.test(node)) {
                // Put the rest back for later assertions over everything the stream carried.
                data.addAll(skipped);
                return node;
            }
            skipped.add(event);
        }
        throw new AssertionError("no matching event within 5 s; got " + skipped);
    }

    private List<JsonNode> technicalAlertsOf(String deviceId) throws Exception {
        var alerts = new ArrayList<JsonNode>();
        for (JsonNode alert :
                JSON.readTree(api().get("/api/technical-alerts", technician).body())) {
            if (alert.get("deviceId").asString().equals(deviceId)) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
