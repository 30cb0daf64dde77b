package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load benchmark at small size, end to end: a fresh signal-server in demo mode, {@code
 * device-sim load} setting up its devices through the API and enrolment, real DTLS sessions, the
 * baseline and saturation phases, and a staff client on the alarm stream. Proves the benchmark
 * works; its figures (printed here, kept in the log) are not asserted: this machine runs other
 * things.
 */
class LoadBenchmarkIT {

    @Test
    void every_event_sent_is_delivered_to_the_alarm_stream() throws Exception {
        try (var system = new SystemUnderTest()) {
            system.startServer();

            String out = system.simOutput(
                    Duration.ofSeconds(90),
                    "load",
                    "--api",
                    system.apiUrl(),
                    "--count",
                    "20",
                    "--rate",
                    "40",
                    "--duration",
                    "3",
                    "--grace",
                    "5",
                    "--saturation-seconds",
                    "1",
                    "--baseline-devices",
                    "10",
                    "--saturation-concurrency",
                    "8");

            String line = out.strip().lines().reduce((first, last) -> last).orElse("");
            System.out.println("load benchmark (small): " + line);
            JsonNode result = JsonMapper.builder().build().readTree(line);
            assertThat(result.path("devices").asInt()).isEqualTo(20);
            assertThat(result.path("sent").asLong()).isPositive();
            assertThat(result.path("delivered").asLong())
                    .isEqualTo(result.path("sent").asLong());
            assertThat(result.path("lost").asLong()).isZero();
            assertThat(result.path("handshakesFailed").asInt()).isZero();
            assertThat(result.has("deliveryP99Ms")).isTrue();
            assertThat(result.has("baselineThroughput")).isTrue();
            assertThat(result.has("ourThroughput")).isTrue();
            assertThat(result.path("heartbeatsSent").asLong()).isPositive();
        }
    }
}
