package no.pasientsignal.server.report;

import static no.pasientsignal.server.alarm.AlarmType.BED_EXIT;
import static no.pasientsignal.server.alarm.AlarmType.FALL;
import static no.pasientsignal.server.alarm.AlarmType.PATIENT_CALL;
import static no.pasientsignal.server.report.BenefitReport.BASELINE_ZERO;
import static no.pasientsignal.server.report.BenefitReport.NOT_GIVEN;
import static no.pasientsignal.server.report.BenefitReport.NOT_RECORDED;
import static no.pasientsignal.server.report.BenefitReport.NO_BASELINE;
import static no.pasientsignal.server.report.BenefitReport.NO_DATA;
import static no.pasientsignal.server.report.HistoryBuilder.OSLO;
import static no.pasientsignal.server.report.HistoryBuilder.SITE;
import static no.pasientsignal.server.report.HistoryBuilder.alarm;
import static no.pasientsignal.server.report.HistoryBuilder.oslo;
import static no.pasientsignal.server.report.Indicator.CALLS;
import static no.pasientsignal.server.report.Indicator.DIGITAL_SUPERVISIONS;
import static no.pasientsignal.server.report.Indicator.FALLS;
import static no.pasientsignal.server.report.Indicator.MEDIAN_SECONDS_TO_ACCEPT;
import static no.pasientsignal.server.report.Indicator.NIGHT_VISITS;
import static no.pasientsignal.server.report.Indicator.NOT_ACTIONABLE_SHARE;
import static no.pasientsignal.server.report.Indicator.P90_SECONDS_TO_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.report.BenefitReport.Figure;
import no.pasientsignal.server.report.BenefitReport.IndicatorRow;
import no.pasientsignal.server.report.BenefitReport.PeriodRow;
import no.pasientsignal.server.report.BenefitRequest.Measurement;
import no.pasientsignal.server.routing.RoutingTables;
import org.junit.jupiter.api.Test;

class BenefitReportTest {

    /** 31 + 28 + 31 = 90 days. */
    private static final Period Q1_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    /** 31 days. */
    private static final Period JAN_2026 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
    /** 28 days. */
    private static final Period FEB_2026 = new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
    /** 31 days. */
    private static final Period MAR_2026 = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    /** 30 days. */
    private static final Period APR_2026 = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    private final InMemoryHistories histories = new InMemoryHistories();
    private final Reports reports = new Reports(histories, new RoutingTables(OSLO));

    /**
     * January 2026: 3 calls accepted after 60, 120, 180 s; no falls.
     *
     * <p>February 2026: 3 fall alarms (one resolved as not actionable: 2 falls); 5 calls accepted
     * after 10, 20, 30, 40, 50 s; 2 bed exits (one resolved, one not actionable: share 0.5);
     * visits at 23:00 and 03:00 (night), 07:00 and 21:59 (not night), and one on 31 January 23:30
     * (night, but outside February).
     */
    private void log() {
        histories.add(
                alarm(PATIENT_CALL, "2026-01-10 10:00").accepted(60, "kari"),
                alarm(PATIENT_CALL, "2026-01-11 10:00").accepted(120, "kari"),
                alarm(PATIENT_CALL, "2026-01-12 10:00").accepted(180, "kari"),
                alarm(FALL, "2026-02-03 02:00"),
                alarm(FALL, "2026-02-04 02:00").resolved(300, "ola"),
                alarm(FALL, "2026-02-05 02:00").notActionable(60, "ola"),
                alarm(PATIENT_CALL, "2026-02-10 10:00").accepted(10, "kari"),
                alarm(PATIENT_CALL, "2026-02-11 10:00").accepted(20, "kari"),
                alarm(PATIENT_CALL, "2026-02-12 10:00").accepted(30, "kari"),
                alarm(PATIENT_CALL, "2026-02-13 10:00").accepted(40, "kari"),
                alarm(PATIENT_CALL, "2026-02-14 10:00").accepted(50, "kari"),
                alarm(BED_EXIT, "2026-02-15 01:00").resolved(100, "ola"),
                alarm(BED_EXIT, "2026-02-16 01:00").notActionable(100, "ola"));
        histories
                .visit("101", oslo("2026-02-10 23:00"))
                .visit("101", oslo("2026-02-11 03:00"))
                .visit("101", oslo("2026-02-11 07:00"))
                .visit("101", oslo("2026-02-11 21:59"))
                .visit("101", oslo("2026-01-31 23:30"));
    }

    private static Figure figure(BenefitReport report, Indicator indicator, int period) {
        return report.indicators().stream()
                .filter(r -> r.indicator() == indicator)
                .findFirst()
                .orElseThrow()
                .figures()
                .get(period);
    }

    @Test
    void a_baseline_typed_in_from_paper_records_against_a_follow_up_read_from_the_log() {
        log();
        var request = new BenefitRequest(
                SITE,
                List.of(
                        FALLS,
                        NIGHT_VISITS,
                        CALLS,
                        MEDIAN_SECONDS_TO_ACCEPT,
                        NOT_ACTIONABLE_SHARE,
                        DIGITAL_SUPERVISIONS),
                Measurement.manual("Før", Q1_2025, Map.of(FALLS, 12.0, NIGHT_VISITS, 1800.0, CALLS, 900.0)),
                List.of(Measurement.fromLog("Februar", FEB_2026)));

        BenefitReport report = reports.benefit(request);

        assertThat(report.periods())
                .containsExactly(
                        new PeriodRow("Før", Q1_2025.from(), Q1_2025.to(), 90, "manual", true),
                        new PeriodRow("Februar", FEB_2026.from(), FEB_2026.to(), 28, "log", false));
        // Falls: 12 x 30 / 90 = 4.0 before; 2 x 30 / 28 = 2.142.. -> 2.14 after;
        // change 2.14 - 4.0 = -1.86, -1.86 / 4.0 = -46.5 %.
        assertThat(figure(report, FALLS, 0)).isEqualTo(new Figure("Før", 12.0, 4.0, null, null, null));
        assertThat(figure(report, FALLS, 1)).isEqualTo(new Figure("Februar", 2.0, 2.14, -1.86, -46.5, null));
        // Night visits: 1800 x 30 / 90 = 600.0; 2 at night in February -> 2.14;
        // change -597.86, -597.86 / 600 = -99.64 % -> -99.6.
        assertThat(figure(report, NIGHT_VISITS, 1)).isEqualTo(new Figure("Februar", 2.0, 2.14, -597.86, -99.6, null));
        // Calls: 900 x 30 / 90 = 300.0; 5 x 30 / 28 = 5.357.. -> 5.36; -294.64; -98.21.. -> -98.2 %.
        assertThat(figure(report, CALLS, 1)).isEqualTo(new Figure("Februar", 5.0, 5.36, -294.64, -98.2, null));
        // Median to accept of [10, 20, 30, 40, 50]: rank ceil(2.5) = 3 -> 30 s; not normalised,
        // and the paper baseline has no figure for it.
        assertThat(figure(report, MEDIAN_SECONDS_TO_ACCEPT, 0))
                .isEqualTo(new Figure("Før", null, null, null, null, NOT_GIVEN));
        assertThat(figure(report, MEDIAN_SECONDS_TO_ACCEPT, 1))
                .isEqualTo(new Figure("Februar", 30.0, null, null, null, NO_BASELINE));
        assertThat(figure(report, NOT_ACTIONABLE_SHARE, 1))
                .isEqualTo(new Figure("Februar", 0.5, null, null, null, NO_BASELINE));
        // Digital supervisions are not in the log yet: no figure, never 0.
        assertThat(figure(report, DIGITAL_SUPERVISIONS, 1))
                .isEqualTo(new Figure("Februar", null, null, null, null, NOT_RECORDED));
    }

    @Test
    void a_baseline_read_from_the_log_compared_with_log_manual_and_empty_follow_ups() {
        log();
        var request = new BenefitRequest(
                SITE,
                List.of(FALLS, CALLS, MEDIAN_SECONDS_TO_ACCEPT, P90_SECONDS_TO_ACCEPT),
                Measurement.fromLog("Januar", JAN_2026),
                List.of(
                        Measurement.fromLog("Februar", FEB_2026),
                        Measurement.manual("Mars (papir)", MAR_2026, Map.of(FALLS, 1.0)),
                        Measurement.fromLog("April", APR_2026)));

        BenefitReport report = reports.benefit(request);

        // Falls: none in January (0.0 per 30 days); a change from 0 has no percentage.
        assertThat(figure(report, FALLS, 0)).isEqualTo(new Figure("Januar", 0.0, 0.0, null, null, null));
        assertThat(figure(report, FALLS, 1)).isEqualTo(new Figure("Februar", 2.0, 2.14, 2.14, null, BASELINE_ZERO));
        // March typed in: 1 x 30 / 31 = 0.967.. -> 0.97.
        assertThat(figure(report, FALLS, 2))
                .isEqualTo(new Figure("Mars (papir)", 1.0, 0.97, 0.97, null, BASELINE_ZERO));
        // April from the log, empty: a real 0, not a missing figure.
        assertThat(figure(report, FALLS, 3)).isEqualTo(new Figure("April", 0.0, 0.0, 0.0, null, BASELINE_ZERO));
        // Calls: 3 x 30 / 31 = 2.903.. -> 2.9; February 5.36; change 2.46; 2.46 / 2.9 = 84.83 % -> 84.8.
        assertThat(figure(report, CALLS, 0).per30Days()).isEqualTo(2.9);
        assertThat(figure(report, CALLS, 1)).isEqualTo(new Figure("Februar", 5.0, 5.36, 2.46, 84.8, null));
        assertThat(figure(report, CALLS, 2)).isEqualTo(new Figure("Mars (papir)", null, null, null, null, NOT_GIVEN));
        // Median to accept: January [60, 120, 180] -> rank 2 = 120 s; February 30 s: -90 s, -75 %.
        // P90: January rank ceil(2.7) = 3 -> 180; February rank ceil(4.5) = 5 -> 50: -130, -72.2 %.
        assertThat(figure(report, MEDIAN_SECONDS_TO_ACCEPT, 1))
                .isEqualTo(new Figure("Februar", 30.0, null, -90.0, -75.0, null));
        assertThat(figure(report, P90_SECONDS_TO_ACCEPT, 1))
                .isEqualTo(new Figure("Februar", 50.0, null, -130.0, -72.2, null));
        // April had nothing accepted: no median at all.
        assertThat(figure(report, MEDIAN_SECONDS_TO_ACCEPT, 3))
                .isEqualTo(new Figure("April", null, null, null, null, NO_DATA));
        assertThat(report.indicators()).extracting(IndicatorRow::normalised).containsExactly(true, true, false, false);
    }

    @Test
    void the_csv_has_one_line_per_indicator_and_period_with_quoted_labels_and_notes() {
        log();
        var request = new BenefitRequest(
                SITE,
                List.of(FALLS, DIGITAL_SUPERVISIONS),
                Measurement.manual("Før, papir", Q1_2025, Map.of(FALLS, 12.0, DIGITAL_SUPERVISIONS, 0.0)),
                List.of(Measurement.fromLog("Etter \"3 mnd\"", FEB_2026)));

        String csv = reports.benefit(request).table().csv();

        assertThat(csv)
                .isEqualTo("indicator,unit,period,from,to,days,source,value,per_30_days,change,change_percent,note\r\n"
                        + "FALLS,count,\"Før, papir\",2025-01-01,2025-03-31,90,manual,12,4,,,\r\n"
                        + "FALLS,count,\"Etter \"\"3 mnd\"\"\",2026-02-01,2026-02-28,28,log,2,2.14,-1.86,-46.5,\r\n"
                        + "DIGITAL_SUPERVISIONS,count,\"Før, papir\",2025-01-01,2025-03-31,90,manual,0,0,,,\r\n"
                        + "DIGITAL_SUPERVISIONS,count,\"Etter \"\"3 mnd\"\"\",2026-02-01,2026-02-28,28,log,,,,,"
                        + "not recorded yet\r\n");
    }

    @Test
    void a_request_needs_indicators_once_each_a_follow_up_and_distinct_labels() {
        var base = Measurement.fromLog("Før", JAN_2026);
        var after = Measurement.fromLog("Etter", FEB_2026);

        assertThatThrownBy(() -> new BenefitRequest(SITE, List.of(), base, List.of(after)))
                .hasMessageContaining("indicator");
        assertThatThrownBy(() -> new BenefitRequest(SITE, List.of(FALLS, FALLS), base, List.of(after)))
                .hasMessageContaining("indicator");
        assertThatThrownBy(() -> new BenefitRequest(SITE, List.of(FALLS), base, List.of()))
                .hasMessageContaining("follow-up");
        assertThatThrownBy(() ->
                        new BenefitRequest(SITE, List.of(FALLS), base, List.of(Measurement.fromLog("Før", FEB_2026))))
                .hasMessageContaining("'Før' is used twice");
    }
}
