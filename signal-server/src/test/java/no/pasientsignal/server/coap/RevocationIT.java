package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;
import no.pasientsignal.sim.EstEnrolment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Taking devices out of service over real HTTP and DTLS: a decommissioned or replaced device's
 * certificate is refused at the handshake, its open session is dropped and cannot be resumed,
 * and a replacement takes over the location. Refused requests write nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationIT implements TestPropertyProvider {

    /** Short retry budget: these tests expect requests that get no answer. */
    private static final ClientTiming QUICK =
            new ClientTiming(Duration.ofMillis(300), 1.5f, 1.5f, 1, Duration.ofMillis(300), 1);

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    JdbcFacilityStore store;

    private Technician technician;
    private String nurse;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("revocation-it").properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        technician = new Technician(api(), api().login("tekniker", "demo-tekniker"));
        nurse = api().login("sykepleier", "demo-sykepleier");
    }

    @Test
    void decommissioned_device_is_refused_at_handshake_and_its_open_session_is_dropped() throws Exception {
        var credentials = enrolled("call-701", Technician.newBed(store, "701"));
        try (var open = DeviceClient.connect(credentials, TestServer.address(endpoint), QUICK)) {
            assertThat(open.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
            assertThat(endpoint.hasSession(seenFrom(open))).isTrue();

            var decommissioned = technician.decommission("call-701");

            assertThat(decommissioned.statusCode()).as(decommissioned.body()).isEqualTo(200);
            assertThat(Technician.JSON
                            .readTree(decommissioned.body())
                            .get("state")
                            .asString())
                    .isEqualTo("DECOMMISSIONED");
            await().atMost(Duration.ofSeconds(5)).until(() -> !endpoint.hasSession(seenFrom(open)));
            // The server forgot the session: the device's next request gets no answer at all.
            assertThatThrownBy(() -> open.send(DeviceEvent.now(EventKind.CALL_CANCELLED)))
                    .isInstanceOf(DeviceClient.SendFailedException.class);
        }
        try (var fresh = DeviceClient.connect(credentials, TestServer.address(endpoint), QUICK)) {
            assertThatThrownBy(() -> fresh.send(DeviceEvent.now(EventKind.CALL_PRESSED)))
                    .isInstanceOf(DeviceClient.SendFailedException.class);
        }
        assertThat(technician.decommission("call-701").statusCode()).isEqualTo(409);
    }

    @Test
    void a_decommissioned_device_cannot_resume_its_session() throws Exception {
        var credentials = enrolled("call-702", Technician.newBed(store, "702"));
        try (var device = DeviceClient.connect(credentials, TestServer.address(endpoint), QUICK)) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
            assertThat(technician.decommission("call-702").statusCode()).isEqualTo(200);

            // An abbreviated handshake would skip the certificate; the server offers none.
            device.forceResumption();

            assertThatThrownBy(() -> device.send(DeviceEvent.now(EventKind.CALL_PRESSED)))
                    .isInstanceOf(DeviceClient.SendFailedException.class);
        }
    }

    @Test
    void the_server_offers_no_session_resumption_even_to_devices_in_service() throws Exception {
        var credentials = enrolled("call-703", Technician.newBed(store, "703"));
        try (var device = DeviceClient.connect(credentials, TestServer.address(endpoint), QUICK)) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
            // No session id in the server's hello: nothing to resume.
            assertThat(device.sessionId()).isEmpty();
            device.forceResumption();

            // Falls back to a full handshake, which checks the (still valid) certificate again.
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_CANCELLED)).code())
                    .isEqualTo("2.04");
        }
    }

    @Test
    void replaced_device_hands_its_location_to_the_new_one_and_is_refused() throws Exception {
        String bed = Technician.newBed(store, "704");
        var old = enrolled("call-704", bed);

        var replaced = technician.replace("call-704", "call-704b", "SN-704B");

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        var body = Technician.JSON.readTree(replaced.body());
        assertThat(body.get("deviceId").asString()).isEqualTo("call-704b");
        assertThat(body.get("locationId").asString()).isEqualTo(bed);
        assertThat(body.get("state").asString()).isEqualTo("REGISTERED");
        var replacement = EstEnrolment.enrol(
                "call-704b",
                Technician.credential(body.get("enrolment")),
                TestServer.address(endpoint),
                ClientTiming.CALL);
        try (var device = TestServer.connect(endpoint, replacement)) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
        }
        assertThat(api().get("/api/alarms", nurse).body()).contains("Rom 704").contains("call-704b");
        try (var device = DeviceClient.connect(old, TestServer.address(endpoint), QUICK)) {
            assertThatThrownBy(() -> device.send(DeviceEvent.now(EventKind.CALL_PRESSED)))
                    .isInstanceOf(DeviceClient.SendFailedException.class);
        }
        var oldRecord = technician.device("call-704");
        assertThat(oldRecord.get("state").asString()).isEqualTo("REPLACED");
        assertThat(oldRecord.hasNonNull("locationId")).isFalse();
        assertThat(technician.replace("call-704", "call-704c", "SN-704C").statusCode())
                .isEqualTo(409);
    }

    @Test
    void refused_lifecycle_requests_name_the_problem_and_write_nothing() throws Exception {
        var credentials = enrolled("call-705", Technician.newBed(store, "705"));

        var badId = technician.replace("call-705", "bad id!", "SN-X");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("newDeviceId");
        var blankSerial = technician.replace("call-705", "call-705b", " ");
        assertThat(blankSerial.statusCode()).isEqualTo(400);
        assertThat(blankSerial.body()).contains("serial");
        assertThat(technician.replace("no-such-device", "call-705b", "SN-705B").statusCode())
                .isEqualTo(404);
        assertThat(technician.decommission("no-such-device").statusCode()).isEqualTo(404);
        // The demo ward's call button has this serial already.
        var takenSerial = technician.replace("call-705", "call-705b", "DEMO-call-201");
        assertThat(takenSerial.statusCode()).isEqualTo(409);
        assertThat(takenSerial.body()).contains("Nothing was saved");
        assertThat(api().post("/api/devices/call-705/decommission", "{}", nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().post(
                                "/api/devices/call-705/replace",
                                "{\"newDeviceId\":\"call-705b\",\"serial\":\"SN-705B\"}",
                                nurse)
                        .statusCode())
                .isEqualTo(403);

        assertThat(technician.device("call-705").get("state").asString()).isEqualTo("ACTIVE");
        assertThat(technician.lookUp("call-705b").statusCode()).isEqualTo(404);
        try (var device = TestServer.connect(endpoint, credentials)) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
        }
    }

    private DeviceCredentials enrolled(String deviceId, String bed) throws Exception {
        return EstEnrolment.enrol(
                deviceId, technician.registered(deviceId, bed), TestServer.address(endpoint), ClientTiming.CALL);
    }

    /** The device's address as the server sees it (the client binds the wildcard address). */
    private static InetSocketAddress seenFrom(DeviceClient device) {
        return new InetSocketAddress("127.0.0.1", device.localAddress().getPort());
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
