package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.sim.EstEnrolment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the enrolment tests do as a technician, over the real HTTP API. */
final class Technician {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String token;

    Technician(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    /** A new room with a bed (test set-up, straight into the store); returns the bed's location id. */
    static String newBed(JdbcFacilityStore store, String number) {
        var site = store.createSite("Site " + UUID.randomUUID());
        var ward = store.createWard(site.id(), "Avdeling " + number);
        var zone = store.createZone(ward.id(), "Sone 1");
        var room = store.createRoomWithLocations(
                zone.id(), number, "Rom " + number, List.of(new NewLocation(LocationKind.BED, "Seng")));
        return store.locationsInRoom(room.id()).getFirst().id();
    }

    HttpResponse<String> register(String deviceId, String serial, String locationId) throws Exception {
        return api.post(
                "/api/devices",
                "{\"deviceId\":\"" + deviceId + "\",\"type\":\"CALL_BUTTON\",\"serial\":\"" + serial
                        + "\",\"locationId\":\"" + locationId + "\"}",
                token);
    }

    /** Registers a call button at the location and returns its one-time credential. */
    EstEnrolment.Credential registered(String deviceId, String locationId) throws Exception {
        var response = register(deviceId, "SN-" + deviceId, locationId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return credential(JSON.readTree(response.body()).get("enrolment"));
    }

    HttpResponse<String> newCredential(String deviceId) throws Exception {
        return api.post("/api/devices/" + deviceId + "/enrolment", "{}", token);
    }

    HttpResponse<String> decommission(String deviceId) throws Exception {
        return api.post("/api/devices/" + deviceId + "/decommission", "{}", token);
    }

    HttpResponse<String> replace(String deviceId, String newDeviceId, String serial) throws Exception {
        return api.post(
                "/api/devices/" + deviceId + "/replace",
                "{\"newDeviceId\":\"" + newDeviceId + "\",\"serial\":\"" + serial + "\"}",
                token);
    }

    HttpResponse<String> lookUp(String deviceId) throws Exception {
        return api.get("/api/devices/" + deviceId, token);
    }

    JsonNode device(String deviceId) throws Exception {
        var response = lookUp(deviceId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static EstEnrolment.Credential credential(JsonNode enrolment) {
        return new EstEnrolment.Credential(
                enrolment.get("identity").asString(), enrolment.get("secret").asString());
    }

    static EstEnrolment.Credential credential(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        return credential(body.has("enrolment") ? body.get("enrolment") : body);
    }
}
