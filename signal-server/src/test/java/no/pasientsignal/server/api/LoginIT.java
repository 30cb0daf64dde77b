package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/** Login, logout and request validation over real HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("login-it").properties("signal.api.keep-alive", "200ms");
    }

    @Test
    void login_returns_a_bearer_token_with_the_staff_roles() throws Exception {
        var response = api().post("/login", "{\"username\":\"tekniker\",\"password\":\"demo-tekniker\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        var body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("roles").get(0).asString()).isEqualTo("TECHNICIAN");
        assertThat(body.get("expires_in").asLong()).isEqualTo(12 * 3600);
        String token = body.get("access_token").asString();
        assertThat(api().get("/api/technical-alerts", token).statusCode()).isEqualTo(200);
        // Live alarms are about residents' care now: a technician's role does not reach them.
        assertThat(api().get("/api/alarms", token).statusCode()).isEqualTo(403);
    }

    @Test
    void logout_revokes_the_token_at_once() throws Exception {
        String token = api().login("natt", "demo-natt");
        assertThat(api().post("/logout", "", token).statusCode()).isEqualTo(204);
        assertThat(api().get("/api/alarms", token).statusCode()).isEqualTo(401);
    }

    @Test
    void logout_ends_the_open_event_stream_of_that_session() throws Exception {
        String token = api().login("sykepleier", "demo-sykepleier");
        try (var sse = new SseProbe(api().uri("/api/alarms/stream"), token, "ping")) {
            assertThat(sse.data().poll(5, TimeUnit.SECONDS)).isNotNull();
            api().post("/logout", "", token);
            await().atMost(Duration.ofSeconds(5)).until(sse::ended);
        }
    }

    @Test
    void invalid_login_requests_name_the_field_and_never_say_which_part_was_wrong() throws Exception {
        var blank = api().post("/login", "{\"username\":\"\",\"password\":\"x\"}", null);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("username");

        var notJson = api().post("/login", "username=admin", null);
        assertThat(notJson.statusCode()).isBetween(400, 499);

        var unknownUser = api().post("/login", "{\"username\":\"nobody\",\"password\":\"demo-admin\"}", null);
        var wrongPassword = api().post("/login", "{\"username\":\"admin\",\"password\":\"nope\"}", null);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
