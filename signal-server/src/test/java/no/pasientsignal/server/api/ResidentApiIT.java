package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static no.pasientsignal.server.ApiResponses.json;
import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Residents and their protection view over real HTTP: roles, names, validation, nothing half-written. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALL_AT_BED = "{\"deviceType\":\"CALL_BUTTON\",\"locationKind\":\"BED\"}";
    private static final String DOOR_AT_DOOR = "{\"deviceType\":\"DOOR_SENSOR\",\"locationKind\":\"DOOR\"}";

    @Inject
    EmbeddedServer http;

    private String admin;
    private String nurse;
    private String night;
    private String technician;
    private String quality;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("resident-api-it").properties();
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
    void demo_mode_seeds_a_resident_in_each_demo_room_with_the_demo_nurse_and_one_uncovered_bed_sensor()
            throws Exception {
        List<JsonNode> demo = new ArrayList<>();
        for (JsonNode resident : json(api().get("/api/residents", nurse))) {
            if (resident.get("displayName") != null
                    && List.of("Astrid Hansen", "Arne Bakken", "Ingrid Berg")
                            .contains(resident.get("displayName").asString())) {
                demo.add(resident);
            }
        }
        assertThat(demo).hasSize(3).allSatisfy(resident -> {
            assertThat(resident.get("responsibleNurse").asString()).isEqualTo("sykepleier");
            assertThat(resident.get("needs").toString()).contains("CALL_BUTTON");
        });

        // Room 205's resident needs a bed sensor the demo has not installed; the call buttons are
        // in service, so nobody else shows in the overview of incomplete protection.
        JsonNode overview = json(api().get("/api/protection", nurse));
        JsonNode ingrid = find(overview, "displayName", "Ingrid Berg");
        assertThat(ingrid.get("roomName").asString()).isEqualTo("Rom 205");
        assertThat(ingrid.get("complete").asBoolean()).isFalse();
        assertThat(ingrid.get("needs").toString())
                .contains("\"coverage\":\"NO_DEVICE\"")
                .contains("bed sensor at bed")
                .contains("\"coverage\":\"COVERED\"")
                .contains("call-205");
    }

    @Test
    void an_administrator_registers_a_resident_and_only_care_staff_and_administrators_see_the_name() throws Exception {
        String room = newRoom("610");
        var created = api().post(
                        "/api/residents",
                        "{\"displayName\":\"Sigrid Moe\",\"roomId\":\"" + room
                                + "\",\"responsibleNurse\":\"sykepleier\",\"needs\":[" + CALL_AT_BED + "]}",
                        admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.get("id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(body.get("needs").get(0).get("description").asString()).isEqualTo("call button at bed");

        for (String careStaff : List.of(nurse, night, admin)) {
            JsonNode seen = json(api().get("/api/residents/" + id, careStaff));
            assertThat(seen.get("displayName").asString()).isEqualTo("Sigrid Moe");
        }
        for (String pseudonymOnly : List.of(technician, quality)) {
            var response = api().get("/api/residents/" + id, pseudonymOnly);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(id).doesNotContain("Sigrid");
            assertThat(api().get("/api/residents", pseudonymOnly).body()).doesNotContain("Sigrid");
            assertThat(api().get("/api/residents/" + id + "/protection", pseudonymOnly)
                            .body())
                    .contains(id)
                    .doesNotContain("Sigrid");
        }
    }

    @Test
    void only_administrators_write_and_every_request_needs_a_login() throws Exception {
        String body = "{\"displayName\":\"X\",\"needs\":[]}";
        assertThat(api().post("/api/residents", body, nurse).statusCode()).isEqualTo(403);
        assertThat(api().post("/api/residents", body, technician).statusCode()).isEqualTo(403);
        assertThat(api().post("/api/residents", body, null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/residents", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/protection", null).statusCode()).isEqualTo(401);
        String id = createResident("Rolf Dahl", null, "[]");
        assertThat(api().put("/api/residents/" + id, "{\"displayName\":\"Y\",\"needs\":[],\"movedOut\":false}", nurse)
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(api().get("/api/residents/" + id, admin))
                        .get("displayName")
                        .asString())
                .isEqualTo("Rolf Dahl");
    }

    @Test
    void invalid_requests_name_the_field_and_write_nothing() throws Exception {
        int before =
                json(api().get("/api/residents?includeMovedOut=true", admin)).size();

        var blank = api().post("/api/residents", "{\"displayName\":\" \"}", admin);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("displayName");

        var badType = api().post(
                        "/api/residents",
                        "{\"displayName\":\"X\",\"needs\":[{\"deviceType\":\"TOASTER\",\"locationKind\":\"BED\"}]}",
                        admin);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("needs[0].deviceType");

        var missingKind = api().post(
                        "/api/residents",
                        "{\"displayName\":\"X\",\"needs\":[{\"deviceType\":\"CALL_BUTTON\"}]}",
                        admin);
        assertThat(missingKind.statusCode()).isEqualTo(400);
        assertThat(missingKind.body()).contains("locationKind");

        var twice = api().post(
                        "/api/residents",
                        "{\"displayName\":\"X\",\"needs\":[" + CALL_AT_BED + "," + CALL_AT_BED + "]}",
                        admin);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(message(twice)).startsWith("needs[1]:").contains("call button at bed");

        var unknownRoom =
                api().post("/api/residents", "{\"displayName\":\"X\",\"roomId\":\"" + UUID.randomUUID() + "\"}", admin);
        assertThat(unknownRoom.statusCode()).isEqualTo(404);
        assertThat(message(unknownRoom)).startsWith("roomId:");

        var unknownNurse =
                api().post("/api/residents", "{\"displayName\":\"X\",\"responsibleNurse\":\"nobody\"}", admin);
        assertThat(unknownNurse.statusCode()).isEqualTo(404);
        assertThat(message(unknownNurse)).startsWith("responsibleNurse:");

        var notANurse =
                api().post("/api/residents", "{\"displayName\":\"X\",\"responsibleNurse\":\"tekniker\"}", admin);
        assertThat(notANurse.statusCode()).isEqualTo(400);
        assertThat(message(notANurse)).startsWith("responsibleNurse:").contains("not an active nurse");

        String id = createResident("Else Lie", null, "[" + CALL_AT_BED + "]");
        var noMovedOut = api().put("/api/residents/" + id, "{\"displayName\":\"Else Lie\",\"needs\":[]}", admin);
        assertThat(noMovedOut.statusCode()).isEqualTo(400);
        assertThat(noMovedOut.body()).contains("movedOut");
        var badNurseOnUpdate = api().put(
                        "/api/residents/" + id,
                        "{\"displayName\":\"Changed\",\"responsibleNurse\":\"nobody\",\"needs\":[],\"movedOut\":true}",
                        admin);
        assertThat(badNurseOnUpdate.statusCode()).isEqualTo(404);

        // Only the one valid resident was added, and the refused update changed nothing.
        assertThat(json(api().get("/api/residents?includeMovedOut=true", admin)).size())
                .isEqualTo(before + 1);
        JsonNode unchanged = json(api().get("/api/residents/" + id, admin));
        assertThat(unchanged.get("displayName").asString()).isEqualTo("Else Lie");
        assertThat(unchanged.get("movedOut").asBoolean()).isFalse();
        assertThat(unchanged.get("needs").size()).isEqualTo(1);
    }

    @Test
    void unknown_residents_are_404() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertThat(api().get("/api/residents/" + unknown, nurse).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/residents/" + unknown + "/protection", nurse).statusCode())
                .isEqualTo(404);
        var put = api().put(
                        "/api/residents/" + unknown, "{\"displayName\":\"X\",\"needs\":[],\"movedOut\":false}", admin);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(message(put)).contains(unknown);
    }

    @Test
    void a_resident_is_moved_given_new_needs_and_recorded_as_moved_out() throws Exception {
        String first = newRoom("611");
        String second = newRoom("612");
        String id = createResident("Nils Vik", first, "[" + CALL_AT_BED + "]");

        var moved = api().put(
                        "/api/residents/" + id,
                        "{\"displayName\":\"Nils Vik\",\"roomId\":\"" + second
                                + "\",\"responsibleNurse\":\"natt\",\"needs\":[" + CALL_AT_BED + "," + DOOR_AT_DOOR
                                + "],\"movedOut\":false}",
                        admin);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode now = json(api().get("/api/residents/" + id, nurse));
        assertThat(now.get("roomId").asString()).isEqualTo(second);
        assertThat(now.get("responsibleNurse").asString()).isEqualTo("natt");
        assertThat(now.get("needs").size()).isEqualTo(2);

        var movedOut = api().put(
                        "/api/residents/" + id,
                        "{\"displayName\":\"Nils Vik\",\"roomId\":\"" + second + "\",\"needs\":[],\"movedOut\":true}",
                        admin);
        assertThat(movedOut.statusCode()).isEqualTo(200);
        assertThat(api().get("/api/residents", nurse).body()).doesNotContain(id);
        assertThat(api().get("/api/residents?includeMovedOut=true", nurse).body())
                .contains(id);
        assertThat(api().get("/api/protection?all=true", nurse).body()).doesNotContain(id);
    }

    @Test
    void the_protection_view_shows_each_need_covered_or_not_with_the_device() throws Exception {
        String room = newRoom("613");
        String bed = location(room, "BED");
        var device = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"call-613\",\"type\":\"CALL_BUTTON\",\"serial\":\"SN-613\",\"locationId\":\""
                                + bed + "\"}",
                        technician);
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
        String id = createResident("Gunn Aas", room, "[" + CALL_AT_BED + "," + DOOR_AT_DOOR + "]");

        JsonNode protection = json(api().get("/api/residents/" + id + "/protection", nurse));
        assertThat(protection.get("displayName").asString()).isEqualTo("Gunn Aas");
        assertThat(protection.get("roomName").asString()).isEqualTo("Rom 613");
        assertThat(protection.get("complete").asBoolean()).isFalse();
        JsonNode call = protection.get("needs").get(0);
        assertThat(call.get("coverage").asString()).isEqualTo("COVERED");
        assertThat(call.get("deviceId").asString()).isEqualTo("call-613");
        JsonNode door = protection.get("needs").get(1);
        assertThat(door.get("covered").asBoolean()).isFalse();
        assertThat(door.get("coverage").asString()).isEqualTo("NO_DEVICE");
        assertThat(door.get("description").asString()).isEqualTo("door sensor at door");

        assertThat(find(json(api().get("/api/protection", technician)), "residentId", id)
                        .get("displayName"))
                .isNull();
    }

    // --- helpers -------------------------------------------------------------------------------

    private String createResident(String name, String roomId, String needs) throws Exception {
        var response = api().post(
                        "/api/residents",
                        "{\"displayName\":\"" + name + "\"," + (roomId == null ? "" : "\"roomId\":\"" + roomId + "\",")
                                + "\"needs\":" + needs + "}",
                        admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private String newRoom(String number) throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 6\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        return id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"" + number + "\",\"name\":\"Rom " + number
                                + "\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"},"
                                + "{\"kind\":\"DOOR\",\"label\":\"Dør\"}]}",
                        admin));
    }

    private String location(String room, String kind) throws Exception {
        return find(json(api().get("/api/rooms/" + room + "/locations", technician)), "kind", kind)
                .get("id")
                .asString();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field) != null && node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
