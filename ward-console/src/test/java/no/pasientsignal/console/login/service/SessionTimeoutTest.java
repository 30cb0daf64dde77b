package no.pasientsignal.console.login.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.SignalServerClient;
import org.junit.jupiter.api.Test;

/** Who is logged out after how long without doing anything. */
class SessionTimeoutTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private final AuthenticationService authentication = new AuthenticationService(
            new SignalServerClient(URI.create("http://127.0.0.1:9")),
            token -> {},
            token -> {},
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(30));

    private static ConsoleUser user(String role, Duration tokenLeft) {
        return new ConsoleUser("x", List.of(role), new AccessToken("t", NOW.plus(tokenLeft)));
    }

    @Test
    void care_staff_watching_the_board_stay_logged_in_until_their_server_login_ends() {
        assertThat(authentication.sessionTimeout(user("NURSE", Duration.ofHours(11))))
                .isEqualTo(Duration.ofHours(11));
        assertThat(authentication.sessionTimeout(user("NIGHT_STAFF", Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void technicians_quality_leads_and_administrators_time_out_after_the_idle_timeout() {
        assertThat(authentication.sessionTimeout(user("TECHNICIAN", Duration.ofHours(11))))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(authentication.sessionTimeout(user("QUALITY_LEAD", Duration.ofHours(11))))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(authentication.sessionTimeout(user("ADMINISTRATOR", Duration.ofHours(11))))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_login_about_to_expire_still_gets_a_minute() {
        assertThat(authentication.sessionTimeout(user("NURSE", Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
