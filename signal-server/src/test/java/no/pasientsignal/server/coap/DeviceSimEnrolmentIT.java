package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.persistence.JdbcEnrolmentStore;
import no.pasientsignal.sim.DeviceSim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * device-sim's commands against a running server, as README and demo.sh use them: enrol a device
 * (credential from the HTTP API as the demo technician, or given on the command line), then press,
 * cancel and heartbeat with the enrolled wallet; the demo enrols its ward on first run only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceSimEnrolmentIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    JdbcEnrolmentStore enrolments;

    @TempDir
    Path dir;

    private Technician technician;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("device-sim-it").properties();
    }

    @BeforeAll
    void logIn() throws Exception {
        technician = new Technician(
                new ApiClient(http.getPort()), new ApiClient(http.getPort()).login("tekniker", "demo-tekniker"));
    }

    @Test
    void enrolled_wallet_presses_cancels_and_sends_heartbeats() {
        Path wallet = dir.resolve("wallet");

        assertThat(sim("enrol", "203", "--api", api(), "--devices", wallet.toString()))
                .isZero();

        assertThat(wallet.resolve("call-203.pem")).exists();
        assertThat(wallet.resolve("call-203-key.pem")).exists();
        assertThat(sim("press", "203", "--devices", wallet.toString())).isZero();
        assertThat(sim("heartbeat", "203", "--battery", "77", "--devices", wallet.toString()))
                .isZero();
        assertThat(sim("cancel", "203", "--devices", wallet.toString())).isZero();
        assertThat(sim("send", "203", "--event", "emergency", "--devices", wallet.toString()))
                .isZero();
        // A call button cannot report smoke: the server answers 4.00 and the command fails.
        assertThat(sim("send", "203", "--event", "smoke", "--devices", wallet.toString()))
                .isEqualTo(1);
    }

    @Test
    void enrol_takes_a_credential_from_the_command_line() throws Exception {
        var credential = Technician.credential(technician.newCredential("call-204"));
        Path wallet = dir.resolve("given");

        assertThat(sim(
                        "enrol",
                        "204",
                        "--identity",
                        credential.identity(),
                        "--secret",
                        credential.secretHex(),
                        "--devices",
                        wallet.toString()))
                .isZero();
        assertThat(sim("press", "204", "--devices", wallet.toString())).isZero();
        // Spent: the same credential cannot enrol again.
        assertThat(sim(
                        "enrol",
                        "204",
                        "--identity",
                        credential.identity(),
                        "--secret",
                        credential.secretHex(),
                        "--devices",
                        dir.resolve("again").toString()))
                .isEqualTo(2);
    }

    @Test
    void demo_enrols_its_devices_on_first_run_and_reuses_the_wallet_later() throws Exception {
        Path wallet = dir.resolve("demo");

        assertThat(demo(wallet)).isZero();
        String first205 = serial(wallet, "call-205");
        String first206 = serial(wallet, "call-206");

        assertThat(demo(wallet)).isZero();

        assertThat(serial(wallet, "call-205")).isEqualTo(first205);
        assertThat(serial(wallet, "call-206")).isEqualTo(first206);
        assertThat(enrolments.certificates("call-205")).singleElement().satisfies(c -> {
            assertThat(c.serial()).isEqualTo(first205);
            assertThat(c.revokedAt()).isNull();
        });
        assertThat(Files.list(wallet).map(p -> p.getFileName().toString()).sorted())
                .containsExactly("call-205-key.pem", "call-205.pem", "call-206-key.pem", "call-206.pem");
    }

    private int demo(Path wallet) {
        return sim("demo", "--rooms", "205-206", "--duration", "0.5", "--api", api(), "--devices", wallet.toString());
    }

    private static String serial(Path wallet, String deviceId) throws Exception {
        return DeviceCredentials.load(wallet, deviceId)
                .certificate()
                .getSerialNumber()
                .toString(16);
    }

    /** Runs a device-sim command in this JVM against the test server; returns its exit code. */
    private int sim(String... args) {
        var command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--server", "127.0.0.1:" + endpoint.address().getPort()));
        return DeviceSim.run(command.toArray(String[]::new));
    }

    private String api() {
        return "http://127.0.0.1:" + http.getPort();
    }
}
