package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.HealthSettings;
import no.pasientsignal.server.provisioning.TechnicalAlertKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What devices report is written behind their backs and survives a restart: the server is started
 * twice on the same data folder. The API shows the stored status after the restart, while silence
 * still counts from the restart (a restart must not raise every device at once, nor hide one).
 */
class DeviceStatusRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEVICE = "call-201";

    @Test
    void the_last_reported_status_is_written_behind_and_shown_after_a_restart_while_silence_counts_from_start()
            throws Exception {
        var server = TestServer.prepare("device-status-restart-it");
        Map<String, Object> properties = new HashMap<>(server.properties(
                TestServer.MUTABLE_CLOCK,
                "true",
                // Long: the test decides when the scheduled write happens.
                "signal.health.persist-every",
                "1h"));
        Instant heard;

        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
            var context = first.getApplicationContext();
            var store = context.getBean(JdbcFacilityStore.class);
            var clock = context.getBean(MutableClock.class);
            // Heard long before the restart: if silence counted from this, the device would be
            // reported silent the moment the server came back.
            // Whole milliseconds: both databases keep microseconds.
            clock.set(Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS));
            heard = clock.instant();

            try (var device = TestServer.connect(
                    context.getBean(DeviceEndpoint.class), server.pki().device(DEVICE))) {
                assertThat(device.heartbeat(new Heartbeat(55, -71, false, "3.0.1", 100L))
                                .code())
                        .isEqualTo("2.04");
                // Acknowledged without touching the database.
                assertThat(store.findDevice(DEVICE).orElseThrow().lastSeen()).isNull();

                context.getBean(DeviceStatusWriter.class).flush();
                assertThat(store.findDevice(DEVICE)).hasValueSatisfying(d -> {
                    assertThat(d.lastSeen()).isEqualTo(heard);
                    assertThat(d.batteryPercent()).isEqualTo(55);
                    assertThat(d.firmware()).isEqualTo("3.0.1");
                });

                // The last report before shutdown is written at shutdown.
                assertThat(device.heartbeat(new Heartbeat(54, -72, false, null, 110L))
                                .code())
                        .isEqualTo("2.04");
            }
        }

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
            var context = second.getApplicationContext();
            var health = context.getBean(DeviceHealth.class);
            var clock = context.getBean(MutableClock.class);
            Instant started = clock.instant();
            var api = new ApiClient(second.getPort());
            String technician = api.login("tekniker", "demo-tekniker");

            JsonNode status = JSON.readTree(
                    api.get("/api/devices/" + DEVICE + "/status", technician).body());
            assertThat(status.get("statusSource").asString()).isEqualTo("STORED");
            assertThat(status.get("lastSeen").asString()).isEqualTo(heard.toString());
            assertThat(status.get("batteryPercent").asInt()).isEqualTo(54);
            assertThat(status.get("rssiDbm").asInt()).isEqualTo(-72);
            assertThat(status.get("firmware").asString()).isEqualTo("3.0.1");
            assertThat(status.get("state").asString()).isIn("REGISTERED", "ACTIVE");
            assertThat(status.get("inService").asBoolean()).isTrue();
            assertThat(status.get("locationKind").asString()).isEqualTo("BED");
            // Micronaut Serde leaves empty lists out.
            assertThat(status.has("alerts") ? status.get("alerts").size() : 0).isZero();

            // The demo resident of room 201 sees the stored figures in the protection view.
            String nurse = api.login("sykepleier", "demo-sykepleier");
            JsonNode astrid = null;
            for (JsonNode p :
                    JSON.readTree(api.get("/api/protection?all=true", nurse).body())) {
                if (p.get("roomName").asString().equals("Rom 201")) {
                    astrid = p;
                }
            }
            assertThat(astrid)
                    .as(api.get("/api/protection?all=true", nurse).body())
                    .isNotNull();
            assertThat(astrid.get("needs").get(0).get("batteryPercent").asInt()).isEqualTo(54);
            assertThat(astrid.get("needs").get(0).get("lastSeen").asString()).isEqualTo(heard.toString());

            Duration bound = context.getBean(HealthSettings.class).silentAfter(DeviceType.CALL_BUTTON);
            clock.set(started.plus(bound).minusSeconds(1));
            health.check();
            assertThat(silent(health)).doesNotContain(DEVICE);
            clock.set(started.plus(bound));
            health.check();
            assertThat(silent(health)).contains(DEVICE);
        }
    }

    @Test
    void a_heartbeat_interval_that_would_report_silence_too_late_stops_the_server_naming_the_setting() {
        var server = TestServer.prepare("device-status-bad-interval-it");
        Map<String, Object> properties = new HashMap<>(server.properties("signal.health.intervals.call-button", "40s"));

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties))
                .satisfies(e -> assertThat(messages(e))
                        .contains("signal.health.intervals.call-button")
                        .contains("100 s"));
    }

    private static List<String> silent(DeviceHealth health) {
        return health.activeTechnicalAlerts().stream()
                .filter(a -> a.kind() == TechnicalAlertKind.DEVICE_SILENT)
                .map(a -> a.deviceId())
                .toList();
    }

    private static String messages(Throwable e) {
        var all = new ArrayList<String>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.add(String.valueOf(t.getMessage()));
        }
        return String.join(" | ", all);
    }
}
