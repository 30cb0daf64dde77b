package no.pasientsignal.console.board.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitingTimeTest {

    @Test
    void minutes_and_seconds_under_an_hour() {
        assertThat(WaitingTime.format(Duration.ofSeconds(0))).isEqualTo("0:00");
        assertThat(WaitingTime.format(Duration.ofSeconds(42))).isEqualTo("0:42");
        assertThat(WaitingTime.format(Duration.ofMinutes(12).plusSeconds(5))).isEqualTo("12:05");
    }

    @Test
    void hours_minutes_and_seconds_from_an_hour() {
        assertThat(WaitingTime.format(Duration.ofHours(1).plusMinutes(2).plusSeconds(5)))
                .isEqualTo("1:02:05");
    }

    @Test
    void a_raise_time_slightly_in_the_future_shows_zero() {
        assertThat(WaitingTime.format(Duration.ofSeconds(-3))).isEqualTo("0:00");
    }
}
