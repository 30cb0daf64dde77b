package no.pasientsignal.server.report;

import static no.pasientsignal.server.alarm.AlarmType.BED_EXIT;
import static no.pasientsignal.server.alarm.AlarmType.FALL;
import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.SITE;
import static no.pasientsignal.server.report.HistoryBuilder.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.report.FallCounts.By;
import no.pasientsignal.server.report.FallCounts.Per;
import no.pasientsignal.server.report.FallCounts.Row;
import no.pasientsignal.server.routing.RoutingTables;
import org.junit.jupiter.api.Test;

class FallCountsTest {

    private static final Period JAN_FEB = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));

    private final InMemoryHistories histories = new InMemoryHistories();
    private final Reports reports = new Reports(histories, new RoutingTables(OSLO));

    /**
     * Five falls in January-February 2026 (Oslo time), and four alarms that are not counted:
     *
     * <pre>
     * fall  ward    room resident  local time          month    ISO week  hour
     * F1    ward-B  201  R-3       Thu 1 Jan  00:20    2026-01  2026-W01  00   (31 Dec in UTC)
     * F2    ward-A  101  R-1       Sat 31 Jan 23:30    2026-01  2026-W05  23
     * F3    ward-A  101  R-1       Sun 1 Feb  00:30    2026-02  2026-W05  00   (31 Jan in UTC)
     * F4    ward-A  102  R-2       Mon 2 Feb  08:05    2026-02  2026-W06  08
     * F5    ward-B  201  (none)    Tue 10 Feb 14:00    2026-02  2026-W07  14
     * not counted: a fall resolved as not actionable, a bed exit, a fall on 1 March 00:10 local
     * (still 28 February in UTC), a fall on 31 December 23:50 local.
     * </pre>
     */
    private void fiveFalls() {
        histories.add(
                alarm(FALL, "2026-01-01 00:20").in("ward-B", "zone-3", "201").resident("R-3"),
                alarm(FALL, "2026-01-31 23:30").in("ward-A", "zone-1", "101").resident("R-1"),
                alarm(FALL, "2026-02-01 00:30").in("ward-A", "zone-1", "101").resident("R-1"),
                alarm(FALL, "2026-02-02 08:05").in("ward-A", "zone-1", "102").resident("R-2"),
                alarm(FALL, "2026-02-10 14:00").in("ward-B", "zone-3", "201"),
                alarm(FALL, "2026-02-03 09:00")
                        .in("ward-A", "zone-1", "102")
                        .resident("R-2")
                        .notActionable(60, "kari"),
                alarm(BED_EXIT, "2026-02-03 10:00")
                        .in("ward-A", "zone-1", "102")
                        .resident("R-2"),
                alarm(FALL, "2026-03-01 00:10").in("ward-A", "zone-1", "101").resident("R-1"),
                alarm(FALL, "2025-12-31 23:50").in("ward-A", "zone-1", "101").resident("R-1"));
    }

    @Test
    void falls_per_ward_by_month_are_counted_in_local_time() {
        fiveFalls();

        FallCounts falls = reports.falls(SITE, JAN_FEB, By.MONTH, Per.WARD);

        // ward-A: F2 in January; F3, F4 in February. ward-B: F1 in January; F5 in February.
        assertThat(falls.rows())
                .containsExactly(
                        new Row("ward-A", "2026-01", 1),
                        new Row("ward-A", "2026-02", 2),
                        new Row("ward-B", "2026-01", 1),
                        new Row("ward-B", "2026-02", 1));
        assertThat(falls.total()).isEqualTo(5);
        assertThat(falls.timeZone()).isEqualTo("Europe/Oslo");
    }

    @Test
    void falls_per_room_by_iso_week() {
        fiveFalls();

        FallCounts falls = reports.falls(SITE, JAN_FEB, By.WEEK, Per.ROOM);

        // 101: F2 and F3 are both in week 5 (Saturday and Sunday). 102: F4. 201: F1, F5.
        assertThat(falls.rows())
                .containsExactly(
                        new Row("101", "2026-W05", 2),
                        new Row("102", "2026-W06", 1),
                        new Row("201", "2026-W01", 1),
                        new Row("201", "2026-W07", 1));
    }

    @Test
    void falls_per_resident_by_hour_of_day_with_no_resident_shown_as_none() {
        fiveFalls();

        FallCounts falls = reports.falls(SITE, JAN_FEB, By.HOUR, Per.RESIDENT);

        assertThat(falls.rows())
                .containsExactly(
                        new Row(FallCounts.NONE, "14", 1),
                        new Row("R-1", "00", 1),
                        new Row("R-1", "23", 1),
                        new Row("R-2", "08", 1),
                        new Row("R-3", "00", 1));
        assertThat(falls.total()).isEqualTo(5);
    }

    @Test
    void the_index_is_asked_for_falls_only_between_local_midnights() {
        reports.falls(SITE, JAN_FEB, By.MONTH, Per.WARD);

        assertThat(histories.asked).singleElement().satisfies(filter -> {
            assertThat(filter.types()).isEqualTo(Set.of(AlarmType.FALL));
            // Midnight in Oslo in winter is 23:00 UTC the day before.
            assertThat(filter.from()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
            assertThat(filter.to()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        });
    }

    @Test
    void the_repeated_hour_when_clocks_go_back_counts_both_falls_in_hour_two() {
        // 25 October 2026: 00:30Z is 02:30 summer time, 01:30Z is 02:30 winter time.
        histories.add(
                alarm(FALL, Instant.parse("2026-10-25T00:30:00Z")),
                alarm(FALL, Instant.parse("2026-10-25T01:30:00Z")),
                alarm(FALL, Instant.parse("2026-10-25T02:30:00Z")));
        var day = new Period(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25));

        assertThat(reports.falls(SITE, day, By.HOUR, Per.WARD).rows())
                .containsExactly(new Row("ward-1", "02", 2), new Row("ward-1", "03", 1));
    }

    @Test
    void an_empty_period_has_no_rows_and_a_total_of_zero() {
        fiveFalls();
        var quiet = new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

        FallCounts falls = reports.falls(SITE, quiet, By.MONTH, Per.WARD);

        assertThat(falls.rows()).isEmpty();
        assertThat(falls.total()).isZero();
        assertThat(falls.table().csv()).isEqualTo("ward,month,falls\r\n");
    }

    @Test
    void the_table_has_one_line_per_row() {
        fiveFalls();

        assertThat(reports.falls(SITE, JAN_FEB, By.MONTH, Per.WARD).table().csv())
                .isEqualTo("ward,month,falls\r\n"
                        + "ward-A,2026-01,1\r\n"
                        + "ward-A,2026-02,2\r\n"
                        + "ward-B,2026-01,1\r\n"
                        + "ward-B,2026-02,1\r\n");
    }
}
