package no.pasientsignal.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.coap.DeviceEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open alarms survive a restart of the whole server: started twice on the same data folder, with
 * the demo ward's call buttons pressing over real DTLS. With a clean shutdown the checkpoint is
 * written; without one (as after a crash) the journal alone brings everything back.
 */
class AlarmRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "checkpoint kept: {0}")
    @ValueSource(booleans = {true, false})
    void open_alarms_come_back_after_a_restart_with_who_accepted_them(boolean keepCheckpoint) throws Exception {
        var server = TestServer.prepare("alarm-restart-it");
        Map<String, Object> properties = new HashMap<>(server.properties());
        DeviceEvent pressIn202 = DeviceEvent.now(EventKind.CALL_PRESSED);

        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
            var endpoint = first.getApplicationContext().getBean(DeviceEndpoint.class);
            var api = new ApiClient(first.getPort());
            String nurse = api.login("sykepleier", "demo-sykepleier");
            try (var call201 = TestServer.connect(endpoint, server.pki().device("call-201"));
                    var call202 = TestServer.connect(endpoint, server.pki().device("call-202"))) {
                assertThat(call201.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                        .isEqualTo("2.04");
                assertThat(call202.send(pressIn202).code()).isEqualTo("2.04");
            }
            String id = openIn(api, nurse, "Rom 201").get("id").asString();
            assertThat(api.post("/api/alarms/" + id + "/accept", "", nurse).statusCode())
                    .isEqualTo(200);
        }
        Path checkpoint = Path.of(properties.get("signal.data-dir").toString(), "alarms", "checkpoint.json");
        assertThat(checkpoint).exists();
        if (!keepCheckpoint) {
            Files.delete(checkpoint);
        }

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
            var endpoint = second.getApplicationContext().getBean(DeviceEndpoint.class);
            var api = new ApiClient(second.getPort());
            String nurse = api.login("sykepleier", "demo-sykepleier");

            JsonNode accepted = openIn(api, nurse, "Rom 201");
            assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("acceptedBy").asString()).isEqualTo("sykepleier");
            JsonNode waiting = openIn(api, nurse, "Rom 202");
            assertThat(waiting.get("originEventId").asString())
                    .isEqualTo(pressIn202.eventId().toString());

            // The device re-sends the event it pressed before the restart: acknowledged, not a repeat.
            try (var call202 = TestServer.connect(endpoint, server.pki().device("call-202"))) {
                assertThat(call202.send(pressIn202).code()).isEqualTo("2.04");
            }
            assertThat(openIn(api, nurse, "Rom 202").get("repeats").asInt()).isZero();
            assertThat(JSON.readTree(api.get("/api/alarms", nurse).body()).size())
                    .isEqualTo(2);
        }
    }

    private static JsonNode openIn(ApiClient api, String token, String roomName) throws Exception {
        for (JsonNode alarm : JSON.readTree(api.get("/api/alarms", token).body())) {
            if (alarm.get("roomName").asString().equals(roomName)) {
                return alarm;
            }
        }
        throw new AssertionError("no open alarm in " + roomName);
    }
}
