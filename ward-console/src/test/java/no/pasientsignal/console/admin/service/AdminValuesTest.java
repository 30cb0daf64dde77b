package no.pasientsignal.console.admin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Form values to the API's text and back: times of day, Norwegian dates and times, thresholds in minutes. */
class AdminValuesTest {

    @Test
    void a_time_of_day_goes_to_the_api_as_hours_and_minutes_and_back() {
        assertThat(AdminValues.timeOfDay(LocalTime.of(7, 5, 59))).isEqualTo("07:05");
        assertThat(AdminValues.parseTimeOfDay("22:00")).isEqualTo(LocalTime.of(22, 0));
        assertThat(AdminValues.timeOfDay(null)).isNull();
        assertThat(AdminValues.parseTimeOfDay(" ")).isNull();
    }

    @Test
    void a_date_entered_in_norwegian_time_carries_the_offset_of_its_season() {
        assertThat(AdminValues.instantText(LocalDateTime.of(2026, 1, 15, 12, 0)))
                .isEqualTo("2026-01-15T12:00+01:00");
        assertThat(AdminValues.instantText(LocalDateTime.of(2026, 7, 15, 12, 0)))
                .isEqualTo("2026-07-15T12:00+02:00");
        assertThat(AdminValues.localDateTime("2026-07-15T10:00:00Z")).isEqualTo(LocalDateTime.of(2026, 7, 15, 12, 0));
        assertThat(AdminValues.instantText(null)).isNull();
        assertThat(AdminValues.localDateTime(null)).isNull();
    }

    @Test
    void a_threshold_in_seconds_shows_as_whole_minutes_never_shorter() {
        assertThat(AdminValues.minutes(1800)).isEqualTo(30);
        assertThat(AdminValues.minutes(90)).isEqualTo(2);
        assertThat(AdminValues.seconds(30)).isEqualTo(1800);
        assertThat(AdminValues.minutes(null)).isNull();
    }

    @Test
    void only_out_of_bed_too_long_and_inactivity_need_a_threshold() {
        assertThat(AdminValues.isTimed("OUT_OF_BED_TOO_LONG")).isTrue();
        assertThat(AdminValues.isTimed("INACTIVITY")).isTrue();
        assertThat(AdminValues.isTimed("BED_EXIT")).isFalse();
        assertThat(AdminValues.isTimed(null)).isFalse();
    }
}
