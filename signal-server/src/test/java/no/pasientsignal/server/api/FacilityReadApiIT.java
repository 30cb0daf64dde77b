package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the facility model and device health over real HTTP (and a real DTLS heartbeat). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityReadApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    private FixturePki pki;
    private String nurse;
    private String technician;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("facility-read-it");
        pki = server.pki();
        return server.properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        nurse = api().login("sykepleier", "demo-sykepleier");
        technician = api().login("tekniker", "demo-tekniker");
    }

    @Test
    void every_role_walks_the_structure_from_site_to_rooms() throws Exception {
        JsonNode site = only(json(api().get("/api/sites", nurse)));
        assertThat(site.get("name").asString()).isEqualTo("Demo sykehjem");
        assertThat(json(api().get("/api/sites/" + site.get("id").asString(), nurse))
                        .get("name")
                        .asString())
                .isEqualTo("Demo sykehjem");

        JsonNode ward = only(json(api().get("/api/sites/" + site.get("id").asString() + "/wards", nurse)));
        assertThat(ward.get("name").asString()).isEqualTo(TestServer.WARD);
        JsonNode zone = only(json(api().get("/api/wards/" + ward.get("id").asString() + "/zones", nurse)));
        JsonNode rooms = json(api().get("/api/zones/" + zone.get("id").asString() + "/rooms", nurse));

        List<String> numbers = new ArrayList<>();
        rooms.forEach(room -> numbers.add(room.get("number").asString()));
        assertThat(numbers).containsExactly("201", "202", "203", "204", "205", "206", "207", "208");
        String room = rooms.get(0).get("id").asString();
        assertThat(json(api().get("/api/rooms/" + room, nurse)).get("name").asString())
                .isEqualTo("Rom 201");
        assertThat(api().get("/api/sites", null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknown_parents_are_404_with_a_sentence() throws Exception {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of(
                "/api/sites/" + unknown,
                "/api/sites/" + unknown + "/wards",
                "/api/wards/" + unknown + "/zones",
                "/api/zones/" + unknown + "/rooms",
                "/api/rooms/" + unknown,
                "/api/rooms/" + unknown + "/devices",
                "/api/devices/no-such-device/status")) {
            var response = api().get(path, technician);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("message").asString()).startsWith("No ");
        }
    }

    @Test
    void technicians_see_a_rooms_devices_with_live_health_and_nurses_do_not() throws Exception {
        String room = roomId("202");
        assertThat(api().get("/api/rooms/" + room + "/devices", nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/devices/call-202/status", nurse).statusCode())
                .isEqualTo(403);

        JsonNode before = only(json(api().get("/api/rooms/" + room + "/devices", technician)));
        assertThat(before.get("deviceId").asString()).isEqualTo("call-202");
        assertThat(before.get("locationKind").asString()).isEqualTo("BED");
        assertThat(before.get("statusSource").asString()).isEqualTo("NONE");

        try (var device = TestServer.connect(endpoint, pki.device("call-202"))) {
            assertThat(device.heartbeat(new Heartbeat(9, -80, false, "4.2.0", 5L))
                            .code())
                    .isEqualTo("2.04");
        }
        JsonNode status = json(api().get("/api/devices/call-202/status", technician));
        assertThat(status.get("statusSource").asString()).isEqualTo("LIVE");
        assertThat(status.get("batteryPercent").asInt()).isEqualTo(9);
        assertThat(status.get("rssiDbm").asInt()).isEqualTo(-80);
        assertThat(status.get("firmware").asString()).isEqualTo("4.2.0");
        assertThat(status.get("roomId").asString()).isEqualTo(room);
        assertThat(status.get("alerts").toString()).isEqualTo("[\"BATTERY_LOW\"]");
    }

    private String roomId(String number) throws Exception {
        String site = only(json(api().get("/api/sites", technician))).get("id").asString();
        String ward = only(json(api().get("/api/sites/" + site + "/wards", technician)))
                .get("id")
                .asString();
        String zone = only(json(api().get("/api/wards/" + ward + "/zones", technician)))
                .get("id")
                .asString();
        for (JsonNode room : json(api().get("/api/zones/" + zone + "/rooms", technician))) {
            if (room.get("number").asString().equals(number)) {
                return room.get("id").asString();
            }
        }
        throw new AssertionError("no room " + number);
    }

    private static JsonNode only(JsonNode array) {
        assertThat(array.size()).as(array.toString()).isEqualTo(1);
        return array.get(0);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
