package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** GET /api/devices, the technicians' inventory, over real HTTP (and a real DTLS heartbeat). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceInventoryApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    private FixturePki pki;
    private String nurse;
    private String qualityLead;
    private String technician;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("device-inventory-it");
        pki = server.pki();
        return server.properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        nurse = api().login("sykepleier", "demo-sykepleier");
        qualityLead = api().login("kvalitet", "demo-kvalitet");
        technician = api().login("tekniker", "demo-tekniker");
        admin = api().login("admin", "demo-admin");
    }

    @Test
    void only_technicians_and_administrators_may_list_the_devices() throws Exception {
        assertThat(api().get("/api/devices", nurse).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/devices", qualityLead).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/devices", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/devices", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void every_device_is_listed_with_its_room_ward_and_health() throws Exception {
        JsonNode devices = list("/api/devices");
        assertThat(ids(devices)).contains("call-201", "call-208");
        JsonNode call206 = find(devices, "call-206");
        assertThat(call206.get("roomName").asString()).isEqualTo("Rom 206");
        assertThat(call206.get("wardName").asString()).isEqualTo(TestServer.WARD);
        assertThat(call206.get("locationKind").asString()).isEqualTo("BED");
        assertThat(call206.get("inService").asBoolean()).isTrue();

        try (var device = TestServer.connect(endpoint, pki.device("call-206"))) {
            assertThat(device.heartbeat(new Heartbeat(77, -61, false, "5.0.1", 3L))
                            .code())
                    .isEqualTo("2.04");
        }
        JsonNode heard = find(list("/api/devices"), "call-206");
        assertThat(heard.get("online").asBoolean()).isTrue();
        assertThat(heard.get("batteryPercent").asInt()).isEqualTo(77);
        assertThat(heard.get("rssiDbm").asInt()).isEqualTo(-61);
        assertThat(heard.get("firmware").asString()).isEqualTo("5.0.1");
        assertThat(heard.get("lastSeen").isNull()).isFalse();
        assertThat(find(list("/api/devices"), "call-207").get("online").asBoolean())
                .as("never heard")
                .isFalse();
    }

    @Test
    void filters_by_type_room_ward_state_and_a_piece_of_id_or_serial() throws Exception {
        JsonNode call205 = find(list("/api/devices"), "call-205");
        String roomId = call205.get("roomId").asString();
        String wardId = call205.get("wardId").asString();
        var stocked = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"fall-stock-1\",\"type\":\"FALL_SENSOR\",\"serial\":\"SN-Lager-77\"}",
                        technician);
        assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(201);

        assertThat(ids(list("/api/devices?roomId=" + roomId))).containsExactly("call-205");
        assertThat(ids(list("/api/devices?wardId=" + wardId)))
                .contains("call-201", "call-205")
                .doesNotContain("fall-stock-1");
        assertThat(ids(list("/api/devices?type=FALL_SENSOR"))).containsExactly("fall-stock-1");
        assertThat(ids(list("/api/devices?q=" + enc("lager-77")))).containsExactly("fall-stock-1");
        assertThat(ids(list("/api/devices?q=CALL-205"))).containsExactly("call-205");
        assertThat(ids(list("/api/devices?type=CALL_BUTTON&q=fall"))).isEmpty();

        JsonNode stock = find(list("/api/devices?state=REGISTERED"), "fall-stock-1");
        // in stock: no place (null fields are left out of the answer)
        assertThat(stock.path("roomId").isMissingNode()).as(stock.toString()).isTrue();
        assertThat(stock.path("wardName").isMissingNode()).as(stock.toString()).isTrue();
    }

    @Test
    void a_decommissioned_device_stays_listed_out_of_service() throws Exception {
        String bed = find(list("/api/devices"), "call-203").get("locationId").asString();
        var registered = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"bed-inv-203\",\"type\":\"BED_SENSOR\",\"serial\":\"SN-INV-203\",\"locationId\":\""
                                + bed + "\"}",
                        technician);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(api().post("/api/devices/bed-inv-203/decommission", "", technician)
                        .statusCode())
                .isEqualTo(200);

        JsonNode gone = find(list("/api/devices?state=DECOMMISSIONED"), "bed-inv-203");
        assertThat(gone.get("inService").asBoolean()).isFalse();
        assertThat(gone.get("online").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_type_or_state_is_refused_with_a_sentence() throws Exception {
        var type = api().get("/api/devices?type=TOASTER", technician);
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(type.body()).get("message").asString()).startsWith("type must be one of");
        var state = api().get("/api/devices?state=BROKEN", technician);
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(state.body()).get("message").asString()).startsWith("state must be one of");
    }

    private JsonNode list(String path) throws Exception {
        HttpResponse<String> response = api().get(path, technician);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode devices, String deviceId) {
        for (JsonNode device : devices) {
            if (device.get("deviceId").asString().equals(deviceId)) {
                return device;
            }
        }
        throw new AssertionError(deviceId + " not in " + devices);
    }

    private static List<String> ids(JsonNode devices) {
        List<String> ids = new ArrayList<>();
        devices.forEach(device -> ids.add(device.get("deviceId").asString()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
