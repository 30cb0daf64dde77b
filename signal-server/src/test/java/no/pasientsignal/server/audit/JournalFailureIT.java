package no.pasientsignal.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.SignalSettings;
import no.pasientsignal.server.SseProbe;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.EventOutcome;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full disk under a running server, over real DTLS and HTTP: the journal's segment files sit on
 * a {@link FailingDisk} (the only test part; the rest is wired as in production). Calls still
 * reach staff, devices are told to retry, technicians get an alert and /health says so; when the
 * disk recovers the device's resend is acknowledged, the alert clears and the journal holds the
 * records of the failure period, in order, with the hash chain intact.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalFailureIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FixturePki pki;

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    FacilityDirectory facility;

    @Inject
    FailingDisk disk;

    @Inject
    SignalSettings settings;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("journal-failure-it");
        pki = server.pki();
        return server.properties(TestServer.FAILING_DISK, "true", "signal.journal.check-every", "100ms");
    }

    @Test
    void full_disk_raises_a_technical_alert_and_calls_still_reach_staff() throws Exception {
        String nurse = api().login("sykepleier", "demo-sykepleier");
        String technician = api().login("tekniker", "demo-tekniker");
        String admin = api().login("admin", "demo-admin");
        String button = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, "901", "zone-1", LocationKind.BED);
        var press = DeviceEvent.now(EventKind.CALL_PRESSED);
        Instant recovered;
        try (var board = probe("/api/alarms/stream", nurse, "alarm");
                var technical = probe("/api/technical-alerts/stream", technician, "technical");
                var device = TestServer.connect(endpoint, pki.device(button))) {
            disk.fail();

            // The device is told to retry, but the call is on the board all the same.
            var refused = device.send(press);
            assertThat(refused.code()).isEqualTo("5.03");
            assertThat(refused.diagnostic()).contains("retry");
            JsonNode raised =
                    next(board, "alarm", a -> a.at("/alarm/roomId").asString().equals("901"));
            assertThat(raised.get("eventId").asString())
                    .isEqualTo(press.eventId().toString());

            // Technicians are told, in a sentence, on their stream and in the list.
            JsonNode alert =
                    next(technical, "technical", a -> a.get("kind").asString().equals("JOURNAL_FAILING"));
            assertThat(alert.get("deviceId").asString()).isEqualTo("signal-server");
            assertThat(alert.get("detail").asString())
                    .contains(FailingDisk.NO_SPACE)
                    .contains("Calls still reach staff");
            assertThat(alert.path("clearedAt").isNull()
                            || alert.path("clearedAt").isMissingNode())
                    .isTrue();
            assertThat(api().get("/api/technical-alerts", technician).body()).contains("JOURNAL_FAILING");

            // Health: degraded (503), the journal component down with the reason, devices still reach us.
            var health = api().get("/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(body.at("/components/journal/status").asString()).isEqualTo("DOWN");
            assertThat(body.at("/components/journal/detail").asString()).contains(FailingDisk.NO_SPACE);
            assertThat(body.at("/components/deviceEndpoint/status").asString()).isEqualTo("UP");

            // Staff can still log in; a configuration change is made, and the answer says it is not journaled yet.
            assertThat(api().login("helsefag", "demo-helsefag")).isNotBlank();
            var created = api().post(
                            "/api/staff",
                            "{\"username\":\"vikar-1\",\"displayName\":\"Vikar\",\"roles\":[\"NURSE\"],"
                                    + "\"password\":\"long-enough-password\"}",
                            admin);
            assertThat(created.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(created.body()).get("message").asString())
                    .startsWith("Saved and in force, but not yet recorded in the audit journal")
                    .contains(FailingDisk.NO_SPACE);
            assertThat(api().get("/api/staff/vikar-1", admin).statusCode()).isEqualTo(200);

            recovered = Instant.now();
            disk.recover();

            JsonNode cleared =
                    next(technical, "technical", a -> a.get("kind").asString().equals("JOURNAL_FAILING"));
            assertThat(cleared.get("clearedAt").asString()).isNotBlank();
            await().untilAsserted(() ->
                    assertThat(api().get("/health", null).statusCode()).isEqualTo(200));
            JsonNode healthy = JSON.readTree(api().get("/health", null).body());
            assertThat(healthy.get("status").asString()).isEqualTo("UP");
            assertThat(healthy.at("/components/journal/detail").asString()).startsWith("last sequence ");
            assertThat(api().get("/api/technical-alerts", technician).body()).doesNotContain("JOURNAL_FAILING");

            // The device sends the same event again: a duplicate now, acknowledged once it is on disk.
            assertThat(device.send(press).code()).isEqualTo("2.04");
        }

        // The journal holds the failure period, in order, with the times things happened.
        Path dir = Path.of(settings.dataDir(), "journal");
        var records = new ArrayList<JournalRecord>();
        Journal.readDirectory(dir, 1, records::add);
        List<JournalRecord> ofPress = records.stream()
                .filter(r ->
                        r.type().equals(AlarmRecords.DEVICE_EVENT) || r.type().equals(AlarmRecords.ALARM))
                .filter(r -> new String(r.payload()).contains(press.eventId().toString()))
                .toList();
        assertThat(ofPress).extracting(JournalRecord::type).startsWith(AlarmRecords.DEVICE_EVENT, AlarmRecords.ALARM);
        assertThat(ofPress.getLast().type()).isEqualTo(AlarmRecords.DEVICE_EVENT);
        var first = AlarmRecords.decode(ofPress.getFirst().payload(), AlarmRecords.DeviceEventRecord.class);
        var resend = AlarmRecords.decode(ofPress.getLast().payload(), AlarmRecords.DeviceEventRecord.class);
        assertThat(first.outcome()).isEqualTo(EventOutcome.RAISED);
        assertThat(resend.outcome()).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(ofPress.getFirst().recordedAt()).isBefore(recovered);
        assertThat(ofPress.getLast().recordedAt()).isAfter(recovered);
        var raisedRecord = AlarmRecords.decode(ofPress.get(1).payload(), AlarmRecords.AlarmRecord.class);
        assertThat(raisedRecord.alarm().place().roomId()).isEqualTo("901");

        assertThat(records.stream()
                        .filter(r -> r.type().equals(AuditLog.CONFIG_CHANGE))
                        .map(r -> AuditLog.decode(r.payload())))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("staff.create");
                    assertThat(e.subject()).isEqualTo("vikar-1");
                    assertThat(e.actor()).isEqualTo("admin");
                });
        var report = JournalVerifier.verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
    }

    private SseProbe probe(String path, String token, String event) throws Exception {
        var probe = new SseProbe(api().uri(path), token, event);
        await().until(() -> probe.status() == 200);
        return probe;
    }

    /** The next event on the probe that matches; other events are skipped. */
    private static JsonNode next(SseProbe probe, String what, java.util.function.Predicate<JsonNode> matches)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String data = probe.data().poll(200, TimeUnit.MILLISECONDS);
            if (data != null) {
                JsonNode event = JSON.readTree(data);
                if (matches.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no matching " + what + " event within 10 s");
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
