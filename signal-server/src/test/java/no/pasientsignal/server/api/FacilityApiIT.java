package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An administrator sets up a ward and a technician brings a device into service, over real HTTP and DTLS. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    private FixturePki pki;
    private String admin;
    private String technician;
    private String nurse;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("facility-api-it");
        pki = server.pki();
        return server.properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        technician = api().login("tekniker", "demo-tekniker");
        nurse = api().login("sykepleier", "demo-sykepleier");
    }

    @Test
    void a_device_registered_by_a_technician_can_call_at_once() throws Exception {
        String bed = newRoomWithBed("410");
        var registered = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"call-410\",\"type\":\"CALL_BUTTON\",\"serial\":\"SN-410\",\"locationId\":\""
                                + bed + "\"}",
                        technician);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(registered.body()).get("state").asString()).isEqualTo("REGISTERED");

        try (var device = TestServer.connect(endpoint, pki.device("call-410"))) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
        }
        var calls = JSON.readTree(api().get("/api/alarms", nurse).body());
        assertThat(calls.toString()).contains("Rom 410");
    }

    @Test
    void only_administrators_change_the_structure_and_only_staff_with_a_login_see_it() throws Exception {
        assertThat(api().post("/api/sites", "{\"name\":\"X\"}", nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/sites", "{\"name\":\"X\"}", technician).statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/sites", "{\"name\":\"X\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(api().post(
                                "/api/devices",
                                "{\"deviceId\":\"d-1\",\"type\":\"CALL_BUTTON\",\"serial\":\"S1\"}",
                                nurse)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/devices/call-201", nurse).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/devices/call-201", technician).statusCode()).isEqualTo(200);
    }

    @Test
    void invalid_requests_name_the_field_and_write_nothing() throws Exception {
        var blank = api().post("/api/sites", "{\"name\":\"  \"}", admin);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("name");

        String zone = newZone();
        var badKind = api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"501\",\"name\":\"Rom 501\",\"locations\":[{\"kind\":\"ROOF\",\"label\":\"Tak\"}]}",
                        admin);
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(badKind.body()).containsIgnoringCase("kind");
        var noLocations = api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"501\",\"name\":\"Rom 501\",\"locations\":[]}",
                        admin);
        assertThat(noLocations.statusCode()).isEqualTo(400);
        assertThat(noLocations.body()).contains("locations");
        // Nothing half-made: the same room can still be created properly.
        var ok = api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"501\",\"name\":\"Rom 501\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"}]}",
                        admin);
        assertThat(ok.statusCode()).isEqualTo(201);

        var badId = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"bad id!\",\"type\":\"CALL_BUTTON\",\"serial\":\"S9\"}",
                        technician);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("deviceId");
        var badType =
                api().post("/api/devices", "{\"deviceId\":\"d-9\",\"type\":\"TOASTER\",\"serial\":\"S9\"}", technician);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(api().get("/api/devices/d-9", technician).statusCode()).isEqualTo(404);
    }

    @Test
    void conflicts_and_unknown_references_are_plain_sentences() throws Exception {
        var duplicateSerial = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"call-999x\",\"type\":\"CALL_BUTTON\",\"serial\":\"DEMO-call-201\"}",
                        technician);
        assertThat(duplicateSerial.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicateSerial.body()).get("message").asString())
                .contains("Nothing was saved");
        assertThat(api().get("/api/devices/call-999x", technician).statusCode()).isEqualTo(404);

        var unknownLocation = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"d-2\",\"type\":\"CALL_BUTTON\",\"serial\":\"S2\",\"locationId\":\""
                                + UUID.randomUUID() + "\"}",
                        technician);
        assertThat(unknownLocation.statusCode()).isEqualTo(404);
        assertThat(api().post("/api/sites/" + UUID.randomUUID() + "/wards", "{\"name\":\"W\"}", admin)
                        .statusCode())
                .isEqualTo(404);
    }

    private String newZone() throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 4\"}", admin));
        return id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
    }

    private String newRoomWithBed(String number) throws Exception {
        String room = id(api().post(
                        "/api/zones/" + newZone() + "/rooms",
                        "{\"number\":\"" + number + "\",\"name\":\"Rom " + number
                                + "\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"},{\"kind\":\"BATHROOM\",\"label\":\"Bad\"}]}",
                        admin));
        JsonNode locations = JSON.readTree(
                api().get("/api/rooms/" + room + "/locations", technician).body());
        for (JsonNode location : locations) {
            if (location.get("kind").asString().equals("BED")) {
                return location.get("id").asString();
            }
        }
        throw new AssertionError("no bed in " + locations);
    }

    private static String id(java.net.http.HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
