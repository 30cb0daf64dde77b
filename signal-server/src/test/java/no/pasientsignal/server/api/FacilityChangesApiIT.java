package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An administrator renames a site and a zone and adds a location to a room; nobody else may. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityChangesApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    private String admin;
    private String technician;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("facility-changes-api-it").properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        technician = api().login("tekniker", "demo-tekniker");
    }

    @Test
    void a_renamed_site_and_zone_read_back_with_their_new_names() throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 1\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));

        var renamedSite = api().put("/api/sites/" + site, "{\"name\":\" Solsiden sykehjem \"}", admin);
        assertThat(renamedSite.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api().get("/api/sites/" + site, admin).body())
                        .get("name")
                        .asString())
                .isEqualTo("Solsiden sykehjem");

        var renamedZone = api().put("/api/zones/" + zone, "{\"name\":\"Sone Nord\"}", admin);
        assertThat(renamedZone.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api().get("/api/wards/" + ward + "/zones", admin)
                                .body())
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Sone Nord");
    }

    @Test
    void a_location_added_to_a_room_is_listed_with_it_and_a_taken_label_is_refused() throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 1\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        String room = id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"12\",\"name\":\"Rom 12\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"}]}",
                        admin));

        var added = api().post("/api/rooms/" + room + "/locations", "{\"kind\":\"BATHROOM\",\"label\":\"Bad\"}", admin);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(api().get("/api/rooms/" + room + "/locations", admin).body()).contains("BATHROOM", "Bad");

        var taken = api().post("/api/rooms/" + room + "/locations", "{\"kind\":\"BED\",\"label\":\"Seng\"}", admin);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(api().get("/api/rooms/" + room + "/locations", admin)
                                .body())
                        .size())
                .isEqualTo(2);
    }

    @Test
    void refusals_name_the_field_or_the_missing_thing_and_only_administrators_may() throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        var blank = api().put("/api/sites/" + site, "{\"name\":\" \"}", admin);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("name");
        assertThat(api().put("/api/zones/" + UUID.randomUUID(), "{\"name\":\"X\"}", admin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api().post(
                                "/api/rooms/" + UUID.randomUUID() + "/locations",
                                "{\"kind\":\"BED\",\"label\":\"S\"}",
                                admin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api().put("/api/sites/" + site, "{\"name\":\"Y\"}", technician)
                        .statusCode())
                .isEqualTo(403);
    }

    private static String id(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode node = JSON.readTree(created.body());
        return node.get("id").asString();
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
