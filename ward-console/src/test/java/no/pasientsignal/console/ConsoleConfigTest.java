package no.pasientsignal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleConfigTest {

    @Test
    void defaults_apply_when_nothing_is_set() {
        ConsoleConfig config = ConsoleConfig.from(name -> null);

        assertThat(config.signalServerUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void values_are_read_and_trimmed() {
        Map<String, String> env = Map.of("SIGNAL_SERVER_URL", " https://signal.example.org:8443 ", "CONSOLE_PORT", "0");

        ConsoleConfig config = ConsoleConfig.from(env::get);

        assertThat(config.signalServerUrl()).isEqualTo(URI.create("https://signal.example.org:8443"));
        assertThat(config.port()).isZero();
    }

    @Test
    void a_port_that_is_not_a_number_is_refused_with_a_plain_sentence() {
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("CONSOLE_PORT", "eighty")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONSOLE_PORT must be a whole number, not 'eighty'.");
    }

    @Test
    void a_port_out_of_range_is_refused() {
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("CONSOLE_PORT", "70000")::get))
                .hasMessage("CONSOLE_PORT must be between 0 and 65535, not 70000.");
    }

    @Test
    void a_signal_server_address_that_is_not_http_is_refused() {
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("SIGNAL_SERVER_URL", "ftp://signal")::get))
                .hasMessage("SIGNAL_SERVER_URL must be an http:// or https:// address, not 'ftp://signal'.");
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("SIGNAL_SERVER_URL", "signal:8081")::get))
                .hasMessageStartingWith("SIGNAL_SERVER_URL must be an http:// or https:// address");
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("SIGNAL_SERVER_URL", "http://exa mple")::get))
                .hasMessage("SIGNAL_SERVER_URL is not a valid address: 'http://exa mple'.");
    }

    @Test
    void the_idle_timeout_is_read_in_minutes_and_bounded() {
        assertThat(ConsoleConfig.from(name -> null).idleTimeout()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(ConsoleConfig.from(Map.of("CONSOLE_IDLE_TIMEOUT_MINUTES", "15")::get)
                        .idleTimeout())
                .isEqualTo(java.time.Duration.ofMinutes(15));
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("CONSOLE_IDLE_TIMEOUT_MINUTES", "0")::get))
                .hasMessage("CONSOLE_IDLE_TIMEOUT_MINUTES must be between 1 and 1440 minutes, not 0.");
        assertThatThrownBy(() -> ConsoleConfig.from(Map.of("CONSOLE_IDLE_TIMEOUT_MINUTES", "half an hour")::get))
                .hasMessage("CONSOLE_IDLE_TIMEOUT_MINUTES must be a whole number of minutes, not 'half an hour'.");
    }
}
