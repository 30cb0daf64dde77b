package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.DeviceStatus;
import no.pasientsignal.sim.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Devices send heartbeats over a real DTLS session (UDP on loopback, X.509 both ways): the health
 * tracker records them and technical alerts show in the HTTP API. Silence detection is covered
 * with a hand-moved clock in DeviceHealthTest, not by waiting here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeartbeatIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();

    private FixturePki pki;

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    DeviceHealth health;

    @Inject
    FacilityDirectory facility;

    private String token;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("signal-server-hb-it");
        pki = server.pki();
        return server.properties(
                // Short, so the test sees the scheduled check run without waiting 5 s.
                "signal.health.check-every", "200ms");
    }

    @BeforeAll
    void logIn() throws Exception {
        token = api().login("sykepleier", "demo-sykepleier");
    }

    @Test
    void heartbeat_gets_2_04_and_records_last_seen_battery_signal_and_firmware() throws Exception {
        var device = TestServer.registerCallButton(facility, "401");
        Instant before = Instant.now();
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            Reply reply = client.heartbeat(new Heartbeat(88, -67, false, "1.4.2", 3600L));

            assertThat(reply.code()).isEqualTo("2.04");
            // Recorded before the device got its ACK: no waiting needed.
            DeviceStatus status = health.status(device).orElseThrow();
            assertThat(status.lastSeen()).isBetween(before, Instant.now());
            assertThat(status.batteryPercent()).isEqualTo(88);
            assertThat(status.rssiDbm()).isEqualTo(-67);
            assertThat(status.firmware()).isEqualTo("1.4.2");
            assertThat(status.tamper()).isFalse();
            assertThat(alertsOf(device)).isEmpty();
        }
    }

    @Test
    void low_battery_heartbeat_shows_battery_low_in_the_technical_alert_list() throws Exception {
        var device = TestServer.registerCallButton(facility, "402");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            assertThat(client.heartbeat(Heartbeat.ofBattery(12)).code()).isEqualTo("2.04");

            List<JsonNode> alerts = alertsOf(device);
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.get("kind").asString()).isEqualTo("BATTERY_LOW");
                assertThat(alert.get("roomId").asString()).isEqualTo("402");
                assertThat(alert.get("detail").asString()).contains("12");
                assertThat(Instant.parse(alert.get("raisedAt").asString())).isNotNull();
            });

            assertThat(client.heartbeat(Heartbeat.ofBattery(95)).code()).isEqualTo("2.04");
            assertThat(alertsOf(device)).isEmpty();
        }
    }

    @Test
    void tamper_heartbeat_shows_tamper_in_the_technical_alert_list() throws Exception {
        var device = TestServer.registerCallButton(facility, "403");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            assertThat(client.heartbeat(Heartbeat.ofBattery(70).withTamper(true))
                            .code())
                    .isEqualTo("2.04");
            assertThat(alertsOf(device))
                    .extracting(alert -> alert.get("kind").asString())
                    .containsExactly("TAMPER");
        }
    }

    @Test
    void malformed_heartbeat_gets_4_00_naming_the_field_and_changes_nothing() throws Exception {
        var device = TestServer.registerCallButton(facility, "404");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            byte[] badBattery = CBOR.writeValueAsBytes(Map.of("bat", 140));
            Reply reply = client.post(DeviceProtocol.HEARTBEAT_PATH, badBattery, DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(reply.code()).isEqualTo("4.00");
            assertThat(reply.diagnostic()).contains("bat");

            byte[] badTamper = CBOR.writeValueAsBytes(Map.of("bat", 50, "tmp", "open"));
            reply = client.post(DeviceProtocol.HEARTBEAT_PATH, badTamper, DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(reply.code()).isEqualTo("4.00");
            assertThat(reply.diagnostic()).contains("tmp");

            assertThat(health.status(device)).isEmpty();
        }
    }

    @Test
    void oversized_heartbeat_gets_4_13_and_wrong_content_format_4_15() throws Exception {
        var device = TestServer.registerCallButton(facility, "405");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            Reply tooLarge = client.post(
                    DeviceProtocol.HEARTBEAT_PATH,
                    new byte[DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES + 1],
                    DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(tooLarge.code()).isEqualTo("4.13");
            assertThat(tooLarge.diagnostic()).contains(Integer.toString(DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES));

            Reply wrongFormat = client.post(DeviceProtocol.HEARTBEAT_PATH, "bat=50".getBytes(), 0);
            assertThat(wrongFormat.code()).isEqualTo("4.15");
            assertThat(health.status(device)).isEmpty();
        }
    }

    @Test
    void heartbeat_from_a_valid_certificate_of_an_unregistered_device_gets_4_03() throws Exception {
        try (var client = TestServer.connect(endpoint, pki.device("call-998"))) {
            Reply reply = client.heartbeat(Heartbeat.ofBattery(5));
            assertThat(reply.code()).isEqualTo("4.03");
            assertThat(reply.diagnostic()).contains("call-998");
            assertThat(health.status("call-998")).isEmpty();
            assertThat(alertsOf("call-998")).isEmpty();
        }
    }

    @Test
    void a_call_press_counts_as_a_sign_of_life() throws Exception {
        var device = TestServer.registerCallButton(facility, "406");
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            assertThat(client.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
            // The tracker follows the call board's listeners, which run after the ACK.
            await().until(() -> health.status(device).isPresent());
        }
    }

    @Test
    void silence_detection_runs_on_its_own_schedule() {
        await().until(() -> health.lastCheck().isPresent());
        Instant first = health.lastCheck().orElseThrow();
        await().until(() -> health.lastCheck().orElseThrow().isAfter(first));
    }

    @Test
    void technical_alerts_need_a_login() throws Exception {
        assertThat(api().get("/api/technical-alerts", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/technical-alerts", token).statusCode()).isEqualTo(200);
    }

    private List<JsonNode> alertsOf(String deviceId) throws Exception {
        var response = api().get("/api/technical-alerts", token);
        assertThat(response.statusCode()).isEqualTo(200);
        var alerts = new ArrayList<JsonNode>();
        for (JsonNode alert : JSON.readTree(response.body())) {
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
