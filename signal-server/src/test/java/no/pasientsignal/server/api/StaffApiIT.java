package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff administration over real HTTP: validation, roles, conflicts, and sessions that end at once. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    private String admin;
    private String nurse;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("staff-api-it").properties("signal.api.keep-alive", "200ms");
    }

    @BeforeAll
    void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
    }

    @Test
    void an_administrator_adds_an_account_that_can_log_in_and_no_hash_or_password_is_ever_returned() throws Exception {
        var created = create("liv", "Liv Strand", "[\"NURSE\",\"NIGHT_STAFF\"]", "liv-passphrase-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("username").asString()).isEqualTo("liv");
        assertThat(body.get("roles").toString()).isEqualTo("[\"NIGHT_STAFF\",\"NURSE\"]");
        assertThat(body.get("active").asBoolean()).isTrue();

        String token = api().login("liv", "liv-passphrase-1");
        assertThat(api().get("/api/alarms", token).statusCode()).isEqualTo(200);

        String list = api().get("/api/staff", admin).body();
        assertThat(list).contains("\"liv\"", "\"sykepleier\"");
        for (String body2 : new String[] {
            created.body(), list, api().get("/api/staff/liv", admin).body()
        }) {
            assertThat(body2)
                    .doesNotContain("argon2")
                    .doesNotContain("passphrase")
                    .doesNotContainIgnoringCase("hash");
        }
    }

    @Test
    void only_administrators_administer_staff() throws Exception {
        String body =
                "{\"username\":\"x1\",\"displayName\":\"X\",\"roles\":[\"NURSE\"],\"password\":\"long-enough-pw\"}";
        assertThat(api().post("/api/staff", body, nurse).statusCode()).isEqualTo(403);
        assertThat(api().post("/api/staff", body, null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/staff", nurse).statusCode()).isEqualTo(403);
        assertThat(api().put("/api/staff/sykepleier", "{\"displayName\":\"X\",\"roles\":[\"ADMINISTRATOR\"]}", nurse)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/staff/natt/deactivate", "", nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/staff/natt/password", "{\"password\":\"long-enough-pw\"}", nurse)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/staff/x1", admin).statusCode()).isEqualTo(404);
        assertThat(api().login("natt", "demo-natt")).isNotBlank();
    }

    @Test
    void invalid_requests_name_the_field_and_write_nothing() throws Exception {
        assertField(create("Bad Name!", "X", "[\"NURSE\"]", "long-enough-pw"), "username");
        assertField(create("short-pw", "X", "[\"NURSE\"]", "too-short"), "password");
        assertField(create("no-roles", "X", "[]", "long-enough-pw"), "roles");
        assertField(create("blank-name", " ", "[\"NURSE\"]", "long-enough-pw"), "displayName");
        assertField(create("chef", "X", "[\"CHEF\"]", "long-enough-pw"), "roles");

        for (String username : new String[] {"short-pw", "no-roles", "blank-name", "chef"}) {
            assertThat(api().get("/api/staff/" + username, admin).statusCode()).isEqualTo(404);
        }
        assertField(api().put("/api/staff/sykepleier", "{\"displayName\":\"X\",\"roles\":[]}", admin), "roles");
        assertField(api().post("/api/staff/sykepleier/password", "{\"password\":\"short\"}", admin), "password");
        assertThat(api().login("sykepleier", "demo-sykepleier")).isNotBlank();
        assertThat(JSON.readTree(api().get("/api/staff/sykepleier", admin).body())
                        .get("roles")
                        .toString())
                .isEqualTo("[\"NURSE\"]");
    }

    @Test
    void a_taken_username_is_409_and_the_existing_account_is_untouched() throws Exception {
        var taken = create("kvalitet", "Someone Else", "[\"ADMINISTRATOR\"]", "another-password");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(message(taken)).contains("username").contains("Nothing was saved");
        assertThat(api().login("kvalitet", "demo-kvalitet")).isNotBlank();
        JsonNode kvalitet =
                JSON.readTree(api().get("/api/staff/kvalitet", admin).body());
        assertThat(kvalitet.get("roles").toString()).isEqualTo("[\"QUALITY_LEAD\"]");
    }

    @Test
    void unknown_usernames_are_404() throws Exception {
        assertThat(api().put("/api/staff/nobody", "{\"displayName\":\"X\",\"roles\":[\"NURSE\"]}", admin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api().post("/api/staff/nobody/password", "{\"password\":\"long-enough-pw\"}", admin)
                        .statusCode())
                .isEqualTo(404);
        var deactivate = api().post("/api/staff/nobody/deactivate", "", admin);
        assertThat(deactivate.statusCode()).isEqualTo(404);
        assertThat(message(deactivate)).contains("nobody");
    }

    @Test
    void deactivating_someone_ends_their_sessions_and_open_streams_at_once_and_stops_their_logins() throws Exception {
        assertThat(create("per", "Per Pleier", "[\"NURSE\"]", "per-passphrase-1")
                        .statusCode())
                .isEqualTo(201);
        String token = api().login("per", "per-passphrase-1");
        try (var stream = new SseProbe(api().uri("/api/alarms/stream"), token, "ping")) {
            assertThat(stream.data().poll(5, TimeUnit.SECONDS)).isNotNull();

            var deactivated = api().post("/api/staff/per/deactivate", "", admin);
            assertThat(deactivated.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(deactivated.body()).get("active").asBoolean())
                    .isFalse();

            assertThat(api().get("/api/alarms", token).statusCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(5)).until(stream::ended);
        }
        assertThat(api().post("/login", "{\"username\":\"per\",\"password\":\"per-passphrase-1\"}", null)
                        .statusCode())
                .isEqualTo(401);

        assertThat(api().post("/api/staff/per/activate", "", admin).statusCode())
                .isEqualTo(200);
        assertThat(api().login("per", "per-passphrase-1")).isNotBlank();
    }

    @Test
    void changing_roles_or_password_ends_the_persons_sessions_and_the_new_ones_apply() throws Exception {
        assertThat(create("tor", "Tor Tekniker", "[\"TECHNICIAN\"]", "tor-passphrase-1")
                        .statusCode())
                .isEqualTo(201);
        String token = api().login("tor", "tor-passphrase-1");

        var updated = api().put("/api/staff/tor", "{\"displayName\":\"Tor T.\",\"roles\":[\"NURSE\"]}", admin);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("displayName").asString()).isEqualTo("Tor T.");
        assertThat(api().get("/api/alarms", token).statusCode()).isEqualTo(401);
        String again = api().login("tor", "tor-passphrase-1");
        assertThat(api().get("/api/residents", again).body()).contains("Astrid Hansen");

        assertThat(api().post("/api/staff/tor/password", "{\"password\":\"tor-new-passphrase\"}", admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api().get("/api/alarms", again).statusCode()).isEqualTo(401);
        assertThat(api().post("/login", "{\"username\":\"tor\",\"password\":\"tor-passphrase-1\"}", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api().login("tor", "tor-new-passphrase")).isNotBlank();
    }

    @Test
    void administrators_cannot_lock_themselves_out() throws Exception {
        var self = api().post("/api/staff/admin/deactivate", "", admin);
        assertThat(self.statusCode()).isEqualTo(409);
        var demote = api().put("/api/staff/admin", "{\"displayName\":\"A\",\"roles\":[\"NURSE\"]}", admin);
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(message(demote)).startsWith("roles:");
        assertThat(api().get("/api/staff", admin).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> create(String username, String displayName, String roles, String password)
            throws Exception {
        return api().post(
                        "/api/staff",
                        "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"roles\":" + roles
                                + ",\"password\":\"" + password + "\"}",
                        admin);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
