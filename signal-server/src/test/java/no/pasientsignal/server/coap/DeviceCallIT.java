package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.alarm.AlarmService;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;
import no.pasientsignal.sim.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device presses its button over a real DTLS session (UDP on loopback, X.509 both ways) and the
 * call reaches the HTTP API and its event stream. Bad certificates and bad payloads change nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceCallIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Refused handshakes need not use the full retry budget. */
    private static final ClientTiming FAST_FAILURE =
            new ClientTiming(Duration.ofMillis(300), 1.5f, 1.5f, 1, Duration.ofMillis(300), 1);

    private FixturePki pki;

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    AlarmService alarms;

    @Inject
    FacilityDirectory facility;

    private String token;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("signal-server-it");
        pki = server.pki();
        return server.properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        token = api().login("sykepleier", "demo-sykepleier");
    }

    @AfterAll
    void noCaliforniumPropertiesFileWasWritten() {
        // Californium writes Californium3.properties to the working directory when configured
        // the lazy way; the server must never do that.
        assertThat(Path.of("Californium3.properties")).doesNotExist();
    }

    @Test
    void pressed_call_is_recorded_before_the_ack_and_reaches_stream_and_list() throws Exception {
        var device = TestServer.registerCallButton(facility, "301");
        try (var sse = new SseProbe(api().uri("/api/alarms/stream"), token, "alarm");
                var client = TestServer.connect(endpoint, pki.device(device))) {
            await().until(() -> sse.status() == 200);
            var event = DeviceEvent.now(EventKind.CALL_PRESSED);

            Reply reply = client.send(event);

            assertThat(reply.code()).isEqualTo("2.04");
            // The server issued a 6-byte DTLS Connection ID, so the session survives address changes.
            assertThat(reply.connectionId()).hasSize(12);
            // Recorded before the device got its ACK: no waiting needed.
            assertThat(alarms.openAlarms())
                    .anySatisfy(alarm -> assertThat(alarm.originEventId()).isEqualTo(event.eventId()));

            JsonNode listed = activeCallOf("301");
            assertThat(listed.get("originEventId").asString())
                    .isEqualTo(event.eventId().toString());
            assertThat(listed.get("deviceId").asString()).isEqualTo(device);
            assertThat(listed.get("roomName").asString()).isEqualTo("Rom 301");
            assertThat(listed.get("type").asString()).isEqualTo("PATIENT_CALL");
            assertThat(listed.get("vkpCode").asString()).isEqualTo("4.13");

            JsonNode change = JSON.readTree(sse.data().poll(5, TimeUnit.SECONDS));
            assertThat(change.get("change").asString()).isEqualTo("RAISED");
            assertThat(change.get("eventId").asString())
                    .isEqualTo(event.eventId().toString());
            assertThat(change.get("alarm").get("roomId").asString()).isEqualTo("301");
        }
    }

    @Test
    void the_same_event_id_retransmitted_raises_one_call() throws Exception {
        var device = TestServer.registerCallButton(facility, "302");
        try (var sse = new SseProbe(api().uri("/api/alarms/stream"), token, "alarm");
                var client = TestServer.connect(endpoint, pki.device(device))) {
            await().until(() -> sse.status() == 200);
            var event = DeviceEvent.now(EventKind.CALL_PRESSED);

            assertThat(client.send(event).code()).isEqualTo("2.04");
            // A re-send after a lost ACK: new CoAP message, same event id. Still acknowledged.
            assertThat(client.send(event).code()).isEqualTo("2.04");
            // A later, different event from the same room proves the stream is still flowing.
            assertThat(client.send(DeviceEvent.now(EventKind.CALL_CANCELLED)).code())
                    .isEqualTo("2.04");

            // Raised once, then (with nobody on this test site's roster) flagged through every
            // escalation step in one NOTIFIED change, then cancelled: nothing from the re-send.
            assertThat(changeKind(sse)).isEqualTo("RAISED");
            assertThat(changeKind(sse)).isEqualTo("NOTIFIED");
            assertThat(changeKind(sse)).isEqualTo("CANCELLED");
            assertThat(sse.data()).isEmpty();
        }
    }

    @Test
    void cancel_at_the_device_removes_the_call() throws Exception {
        var device = TestServer.registerCallButton(facility, "303");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            client.send(DeviceEvent.now(EventKind.CALL_PRESSED));
            assertThat(activeCallOf("303")).isNotNull();
            assertThat(client.send(DeviceEvent.now(EventKind.CALL_CANCELLED)).code())
                    .isEqualTo("2.04");
            assertThat(activeCallOf("303")).isNull();
        }
    }

    @Test
    void expired_certificate_is_refused_at_handshake_and_raises_nothing() {
        assertHandshakeRefused(pki.expired(), "CERTIFICATE_EXPIRED");
    }

    @Test
    void certificate_from_a_foreign_ca_is_refused_at_handshake_and_raises_nothing() {
        var foreign = pki.foreignCa();
        // The device trusts the real site CA (so it accepts the server) but its own certificate
        // comes from another CA: the server must be the one that refuses.
        var misissued = new DeviceCredentials(
                foreign.deviceId(),
                foreign.certificate(),
                foreign.privateKey(),
                pki.site().caCertificate());
        assertHandshakeRefused(misissued, "BAD_CERTIFICATE");
    }

    @Test
    void certificate_without_client_auth_is_refused_at_handshake_and_raises_nothing() {
        assertHandshakeRefused(pki.noClientAuth(), "BAD_CERTIFICATE");
    }

    @Test
    void malformed_payload_gets_4_00_with_a_diagnostic_and_changes_nothing() throws Exception {
        var device = TestServer.registerCallButton(facility, "304");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            int before = alarms.openAlarms().size();
            Reply reply = client.post(new byte[] {(byte) 0xbf, 0x61, 0x78}, DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(reply.code()).isEqualTo("4.00");
            assertThat(reply.diagnostic()).contains("CBOR");
            assertThat(alarms.openAlarms()).hasSize(before);
        }
    }

    @Test
    void missing_field_is_named_in_the_diagnostic() throws Exception {
        var device = TestServer.registerCallButton(facility, "305");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            byte[] noEventId = tools.jackson.dataformat.cbor.CBORMapper.builder()
                    .build()
                    .writeValueAsBytes(Map.of("evt", "call", "ts", 1));
            Reply reply = client.post(noEventId, DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(reply.code()).isEqualTo("4.00");
            assertThat(reply.diagnostic()).contains("eid");
            assertThat(activeCallOf("305")).isNull();
        }
    }

    @Test
    void oversized_payload_gets_4_13_and_changes_nothing() throws Exception {
        var device = TestServer.registerCallButton(facility, "306");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            Reply reply = client.post(
                    new byte[DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES + 100], DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(reply.code()).isEqualTo("4.13");
            assertThat(reply.diagnostic()).contains(Integer.toString(DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES));
            assertThat(activeCallOf("306")).isNull();
        }
    }

    @Test
    void wrong_content_format_gets_4_15() throws Exception {
        var device = TestServer.registerCallButton(facility, "307");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            Reply reply = client.post("call please".getBytes(), 0);
            assertThat(reply.code()).isEqualTo("4.15");
            assertThat(activeCallOf("307")).isNull();
        }
    }

    @Test
    void valid_certificate_of_an_unregistered_device_gets_4_03() throws Exception {
        try (var client = TestServer.connect(endpoint, pki.device("call-999"))) {
            Reply reply = client.send(DeviceEvent.now(EventKind.CALL_PRESSED));
            assertThat(reply.code()).isEqualTo("4.03");
            assertThat(reply.diagnostic()).contains("call-999");
            assertThat(activeCallOf("999")).isNull();
        }
    }

    @Test
    void api_refuses_requests_without_a_valid_login() throws Exception {
        assertThat(api().get("/api/alarms", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/alarms", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(api().post("/login", "{\"username\":\"sykepleier\",\"password\":\"wrong\"}", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api().get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void health_reports_the_device_endpoint() throws Exception {
        JsonNode health = JSON.readTree(api().get("/health", null).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.toString()).contains("deviceEndpoint");
    }

    private void assertHandshakeRefused(DeviceCredentials credentials, String expectedAlert) {
        TestServer.registerCallButton(facility, credentials.deviceId().replace("call-", ""), credentials.deviceId());
        int before = alarms.openAlarms().size();
        try (var client = DeviceClient.connectFaulty(credentials, TestServer.address(endpoint), FAST_FAILURE)) {
            assertThatThrownBy(() -> client.send(DeviceEvent.now(EventKind.CALL_PRESSED)))
                    .isInstanceOf(DeviceClient.SendFailedException.class)
                    // The server, not the device, ends the handshake with a fatal alert.
                    .hasMessageContaining("Received 'fatal alert/" + expectedAlert + "'");
        }
        assertThat(alarms.openAlarms()).hasSize(before);
    }

    private static String changeKind(SseProbe sse) throws Exception {
        return JSON.readTree(sse.data().poll(5, TimeUnit.SECONDS)).get("change").asString();
    }

    private JsonNode activeCallOf(String roomId) throws Exception {
        var response = api().get("/api/alarms", token);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode call : JSON.readTree(response.body())) {
            if (call.get("roomId").asString().equals(roomId)) {
                return call;
            }
        }
        return null;
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
