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
    void press_without_enrolled_credentials_says_to_enrol_first() {
        var err = new StringWriter();
        int exit = command(err)
                .execute("press", "203", "--devices", dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no credentials for call-203").contains("enrol the device first");
    }

    @Test
    void the_site_ca_key_is_no_option_any_more() {
        var err = new StringWriter();
        int exit =
                command(err).execute("press", "203", "--pki", dir.resolve("pki").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--pki");
    }

    @Test
    void enrol_needs_identity_and_secret_together() {
        var err = new StringWriter();
        int exit = command(err).execute("enrol", "203", "--identity", "enrol-1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--identity and --secret go together");
    }

    @Test
    void enrol_refuses_a_secret_that_is_not_256_bits_of_hex_before_connecting() {
        var err = new StringWriter();
        int exit = command(err).execute("enrol", "203", "--identity", "enrol-1", "--secret", "abc");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("64 hex digits");
    }

    @Test
    void enrol_without_a_reachable_api_says_so() {
        var err = new StringWriter();
        int exit = command(err)
                .execute(
                        "enrol",
                        "203",
                        "--api",
                        "http://127.0.0.1:1",
                        "--devices",
                        dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach the signal-server at http://127.0.0.1:1");
        assertThat(dir.resolve("devices")).doesNotExist();
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
                        "--devices",
                        dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("0-100");
    }

    @Test
    void send_with_an_unknown_event_is_refused_before_connecting() {
        var err = new StringWriter();
        int exit = command(err)
                .execute(
                        "send",
                        "203",
                        "--event",
                        "fire",
                        "--devices",
                        dir.resolve("devices").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --event 'fire'");
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
