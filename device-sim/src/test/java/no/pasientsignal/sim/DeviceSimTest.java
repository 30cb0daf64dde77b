package no.pasientsignal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeviceSimTest {

    @TempDir
    Path dir;

    @Test
    void room_ranges_and_lists_expand() {
        assertThat(DeviceSim.rooms("201-204")).containsExactly("201", "202", "203", "204");
        assertThat(DeviceSim.rooms("101, 105,110-111")).containsExactly("101", "105", "110", "111");
    }

    @Test
    void bad_room_specs_are_refused() {
        assertThatThrownBy(() -> DeviceSim.rooms("208-201")).hasMessageContaining("208-201");
        assertThatThrownBy(() -> DeviceSim.rooms(" , ")).hasMessageContaining("no rooms");
    }

    @Test
    void press_without_credentials_or_site_ca_says_what_to_do() {
        var err = new StringWriter();
        int exit = command(err)
                .execute(
                        "press",
                        "203",
                        "--pki",
                        dir.resolve("pki").toString(),
                        "--devices",
                        dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no credentials for call-203").contains("start the signal-server first");
    }

    @Test
    void malformed_server_address_is_refused() {
        var err = new StringWriter();
        int exit = command(err).execute("press", "203", "--server", "no-port-here");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("host:port");
    }

    @Test
    void call_timing_gives_up_well_within_a_minute_and_retries_inside_the_five_second_budget() {
        var timing = ClientTiming.CALL;
        // The last CoAP retransmission leaves before the 5 s button-to-staff budget is spent.
        double lastSend = 0;
        for (int i = 0; i < timing.maxRetransmit(); i++) {
            lastSend +=
                    timing.ackTimeout().toMillis() * timing.ackRandomFactor() * Math.pow(timing.ackTimeoutScale(), i);
        }
        assertThat(lastSend).isLessThan(5000);
        assertThat(Duration.ofMillis(timing.totalTimeoutMillis())).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new ClientTiming(Duration.ZERO, 1.5f, 1.5f, 4, Duration.ofMillis(500), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heartbeat_with_an_impossible_battery_level_is_refused_before_connecting() {
        var err = new StringWriter();
        int exit = command(err)
                .execute(
                        "heartbeat",
                        "203",
                        "--battery",
                        "150",
                        "--pki",
                        dir.resolve("pki").toString(),
                        "--devices",
                        dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("0-100");
    }

    @Test
    void heartbeat_requires_a_battery_level() {
        var err = new StringWriter();
        int exit = command(err).execute("heartbeat", "203");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--battery");
    }

    private static CommandLine command(StringWriter err) {
        return DeviceSim.commandLine().setErr(new PrintWriter(err, true));
    }
}
