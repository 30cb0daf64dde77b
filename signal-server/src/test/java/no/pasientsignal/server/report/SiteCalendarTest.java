package no.pasientsignal.server.report;

import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.oslo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;
import org.junit.jupiter.api.Test;

class SiteCalendarTest {

    private final SiteCalendar calendar = new SiteCalendar(ShiftPlan.dayEveningNight(OSLO));

    @Test
    void the_night_shift_across_midnight_belongs_to_the_date_it_started_on() {
        assertThat(calendar.nightShift().name()).isEqualTo("night");
        assertThat(calendar.nightOf(oslo("2026-03-04 22:00"))).contains(LocalDate.of(2026, 3, 4));
        assertThat(calendar.nightOf(oslo("2026-03-05 02:00"))).contains(LocalDate.of(2026, 3, 4));
        assertThat(calendar.nightOf(oslo("2026-03-05 06:59:59"))).contains(LocalDate.of(2026, 3, 4));
        assertThat(calendar.nightOf(oslo("2026-03-05 07:00"))).isEmpty();
        assertThat(calendar.nightOf(oslo("2026-03-04 21:59:59"))).isEmpty();
    }

    @Test
    void nights_are_read_in_local_time_so_daylight_saving_makes_them_shorter_or_longer() {
        // Spring forward 29 March 2026 02:00 -> 03:00: 22:00 CET to 07:00 CEST is 8 hours.
        LocalDate spring = LocalDate.of(2026, 3, 28);
        assertThat(calendar.nightStart(spring)).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(calendar.nightEnd(spring)).isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(Duration.between(calendar.nightStart(spring), calendar.nightEnd(spring)))
                .isEqualTo(Duration.ofHours(8));
        // Fall back 25 October 2026 03:00 -> 02:00: 22:00 CEST to 07:00 CET is 10 hours.
        LocalDate autumn = LocalDate.of(2026, 10, 24);
        assertThat(Duration.between(calendar.nightStart(autumn), calendar.nightEnd(autumn)))
                .isEqualTo(Duration.ofHours(10));
        // 02:30 happens twice that night (00:30Z in summer time, 01:30Z in winter time): both count.
        assertThat(calendar.nightOf(Instant.parse("2026-10-25T00:30:00Z"))).contains(autumn);
        assertThat(calendar.nightOf(Instant.parse("2026-10-25T01:30:00Z"))).contains(autumn);
    }

    @Test
    void the_shift_is_taken_from_local_time_on_either_side_of_daylight_saving() {
        // 05:30 UTC is 06:30 in winter (night shift) but 07:30 in summer (day shift).
        assertThat(calendar.shift(Instant.parse("2026-03-28T05:30:00Z"))).isEqualTo("night");
        assertThat(calendar.shift(Instant.parse("2026-03-29T05:30:00Z"))).isEqualTo("day");
        assertThat(calendar.shift(oslo("2026-03-02 15:00"))).isEqualTo("evening");
        assertThat(calendar.shift(oslo("2026-03-02 14:59:59"))).isEqualTo("day");
    }

    @Test
    void months_weeks_and_hours_are_local_and_iso_weeks_cross_the_new_year() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Oslo.
        assertThat(calendar.month(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("2026-02");
        assertThat(calendar.hour(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("00");
        // ISO weeks start on Monday; week 1 holds the year's first Thursday.
        assertThat(calendar.isoWeek(oslo("2025-12-29 12:00"))).isEqualTo("2026-W01");
        assertThat(calendar.isoWeek(oslo("2026-01-01 00:30"))).isEqualTo("2026-W01");
        assertThat(calendar.isoWeek(oslo("2027-01-01 12:00"))).isEqualTo("2026-W53");
        assertThat(calendar.isoWeek(oslo("2026-02-01 23:59"))).isEqualTo("2026-W05");
        assertThat(calendar.isoWeek(oslo("2026-02-02 00:00"))).isEqualTo("2026-W06");
    }

    @Test
    void the_night_is_whichever_shift_covers_three_in_the_morning_whatever_it_is_called() {
        var natt = new SiteCalendar(new ShiftPlan(
                OSLO,
                List.of(
                        new Shift("dag", LocalTime.of(7, 0), LocalTime.of(15, 0)),
                        new Shift("kveld", LocalTime.of(15, 0), LocalTime.of(23, 0)),
                        new Shift("natt", LocalTime.of(23, 0), LocalTime.of(7, 0)))));
        assertThat(natt.nightShift().name()).isEqualTo("natt");
        assertThat(natt.nightOf(oslo("2026-03-04 22:30"))).isEmpty();
        assertThat(natt.atNight(oslo("2026-03-04 23:00"))).isTrue();

        // A night shift that starts at midnight does not wrap: it is named by its own date.
        var fromMidnight = new SiteCalendar(new ShiftPlan(
                OSLO,
                List.of(
                        new Shift("night", LocalTime.MIDNIGHT, LocalTime.of(8, 0)),
                        new Shift("day", LocalTime.of(8, 0), LocalTime.MIDNIGHT))));
        assertThat(fromMidnight.nightOf(oslo("2026-03-05 02:00"))).contains(LocalDate.of(2026, 3, 5));
        assertThat(fromMidnight.nightEnd(LocalDate.of(2026, 3, 5))).isEqualTo(oslo("2026-03-05 08:00"));
    }
}
