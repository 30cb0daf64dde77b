package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static no.pasientsignal.server.ApiResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.RestartableServer;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.report.AlarmHistories;
import no.pasientsignal.server.search.IndexedHistories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The reports through every real part, with nothing in between faked: an administrator builds a
 * ward of two zones over HTTP, a technician puts real devices in its rooms, they send their events
 * over real DTLS, carers answer over the handset API, the journal records it, the Lucene index
 * folds it into alarm histories, and a quality lead reads the figures from the report endpoints.
 *
 * <p>One day on the ward, on a clock moved by hand so every response time is known to the second.
 * The figures asserted below are worked out by hand from this timeline, in Europe/Oslo (the site's
 * default zone); every alarm is raised in the day shift of today, and the reports are read the next
 * morning (a benefit follow-up period must be over):
 *
 * <pre>
 *  10:00:00  room 101 (zone A)  fall sensor: FALL      accepted +20 s, present +45 s, resolved +120 s       (sykepleier)
 *  10:03:00  room 101 (zone A)  bed sensor: BED_EXIT   resolved +15 s as not actionable                     (sykepleier)
 *  10:04:00  room 102 (zone A)  call button: call      accepted +30 s, present +60 s, resolved +120 s       (sykepleier)
 *  10:06:00  room 201 (zone B)  call button: call      accepted +40 s, present +90 s, resolved +240 s       (helsefag)
 *  10:10:00  room 202 (zone B)  call button: call      accepted +50 s, resolved +90 s from the handset      (helsefag)
 *  10:12:00  room 102 (zone A)  call button: call      accepted +10 s, not resolved within 10 min: came
 *                                                      back at +610 s; present +620 s, resolved +640 s by
 *                                                      leaving the room                                     (sykepleier)
 *  23:00:00  room 201 (zone B)  night round: presence marked and cleared, no alarm                         (sykepleier)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsEndToEndIT {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The index is near real time (well under a second); this leaves room for a busy build machine. */
    private static final long CATCH_UP_SECONDS = 2;

    private RestartableServer server;
    private FixturePki pki;
    private MutableClock clock;

    private String admin;
    private String technician;
    private String nurse;
    private String carer;
    private String quality;

    private String site;
    private String ward;
    private String zoneA;
    private String zoneB;
    private String room101;
    private String room102;
    private String room201;
    private String room202;
    private String resident;

    /** Today, local: the report period (one day) and the date of every alarm. */
    private LocalDate day;
    /** 10:00 today, local: when the fall was raised. */
    private Instant fallRaised;
    /** 10:00 tomorrow, local: when the reports are read. */
    private Instant nextMorning;

    /** Every report as first read from the live index, by path: what rebuild and restart must give again. */
    private final Map<String, JsonNode> live = new LinkedHashMap<>();

    @BeforeAll
    void aDayOnTheWard() throws Exception {
        var prepared = TestServer.prepare("reports-end-to-end-it");
        pki = prepared.pki();
        server = RestartableServer.start(prepared.properties(TestServer.MUTABLE_CLOCK, "true"));
        // The reports must read the index, not a stand-in.
        assertThat(server.bean(AlarmHistories.class)).isInstanceOf(IndexedHistories.class);
        clock = server.bean(MutableClock.class);
        day = LocalDate.now(OSLO);
        fallRaised = day.atTime(LocalTime.of(10, 0)).atZone(OSLO).toInstant();
        nextMorning = day.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(OSLO).toInstant();
        clock.set(fallRaised);
        logIn();
        buildTheWard();
        putDevicesInService();

        // (a) A fall, from a fall sensor, answered in the room.
        String fall = raised(room101, "e2e-fall-101", EventKind.FALL, "FALL");
        after(20);
        ok(api().post("/api/alarms/" + fall + "/accept", "", nurse));
        after(25);
        presence(room101, true, nurse);
        after(75);
        ok(api().post("/api/alarms/" + fall + "/resolve", "", nurse));
        presence(room101, false, nurse);

        // (d) A passive alert the carer found needed nothing: not actionable.
        after(60);
        String bedExit = raised(room101, "e2e-bed-101", EventKind.BED_EXIT, "BED_EXIT");
        after(15);
        var judged = ok(api().post("/api/alarms/" + bedExit + "/resolve", "{\"notActionable\": true}", nurse));
        assertThat(judged.get("notActionable").asBoolean()).isTrue();

        // (b) Two calls accepted, answered in the room and resolved.
        after(45);
        String call102 = raised(room102, "e2e-call-102", EventKind.CALL_PRESSED, "PATIENT_CALL");
        after(30);
        ok(api().post("/api/alarms/" + call102 + "/accept", "", nurse));
        after(30);
        presence(room102, true, nurse);
        after(60);
        ok(api().post("/api/alarms/" + call102 + "/resolve", "", nurse));
        presence(room102, false, nurse);

        String call201 = raised(room201, "e2e-call-201", EventKind.CALL_PRESSED, "PATIENT_CALL");
        after(40);
        ok(api().post("/api/alarms/" + call201 + "/accept", "", carer));
        after(50);
        presence(room201, true, carer);
        after(150);
        ok(api().post("/api/alarms/" + call201 + "/resolve", "", carer));
        presence(room201, false, carer);

        // (c) A call accepted and then cleared from the handset without anyone going in.
        String call202 = raised(room202, "e2e-call-202", EventKind.CALL_PRESSED, "PATIENT_CALL");
        after(50);
        ok(api().post("/api/alarms/" + call202 + "/accept", "", carer));
        after(40);
        ok(api().post("/api/alarms/" + call202 + "/resolve", "", carer));

        // A call that came back: accepted, not resolved within 10 minutes, re-raised, then answered in
        // the room and resolved by leaving it.
        after(30);
        String again = raised(room102, "e2e-call-102", EventKind.CALL_PRESSED, "PATIENT_CALL");
        after(10);
        ok(api().post("/api/alarms/" + again + "/accept", "", nurse));
        after(600);
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode back = openAlarm(room102, "PATIENT_CALL");
            assertThat(back).as("the call in room 102").isNotNull();
            assertThat(back.get("id").asString()).isEqualTo(again);
            assertThat(back.get("returns").asInt()).isEqualTo(1);
        });
        after(10);
        presence(room102, true, nurse);
        after(20);
        presence(room102, false, nurse);
        assertThat(openAlarm(room102, "PATIENT_CALL")).isNull();

        // The night round: a physical visit at night, no alarm.
        clock.set(day.atTime(LocalTime.of(23, 0)).atZone(OSLO).toInstant());
        logIn();
        presence(room201, true, nurse);
        after(120);
        presence(room201, false, nurse);

        // The next morning, when today's benefit figures can be read too.
        clock.set(nextMorning);
        logIn();
        // The last record the reports read is the night visit: once they see it, they see all before it.
        await().atMost(CATCH_UP_SECONDS, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(
                                benefit().at("/indicators/2/figures/1/value").asDouble())
                        .as("night visits")
                        .isEqualTo(1.0));
        live.putAll(allReports());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_fall_is_counted_once_for_its_ward_month_week_hour_room_and_resident() throws Exception {
        String month = "%04d-%02d".formatted(day.getYear(), day.getMonthValue());
        String week =
                "%04d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        JsonNode byMonth = report("falls", "&by=month&per=ward");
        assertThat(byMonth.get("total").asLong()).isEqualTo(1);
        assertThat(byMonth.get("timeZone").asString()).isEqualTo("Europe/Oslo");
        assertThat(rows(byMonth)).containsExactly(ward + " " + month + " 1");
        // The hour in the site's zone, not UTC.
        assertThat(rows(report("falls", "&by=hour&per=ward"))).containsExactly(ward + " 10 1");
        assertThat(rows(report("falls", "&by=week&per=room"))).containsExactly(room101 + " " + week + " 1");
        assertThat(rows(report("falls", "&by=month&per=resident"))).containsExactly(resident + " " + month + " 1");

        var csv =
                api().get("/api/reports/falls.csv?site=" + site + "&from=" + day + "&to=" + day + "&by=hour", quality);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo("ward,hour,falls\r\n" + ward + ",10,1\r\n");
    }

    @Test
    void response_times_are_the_nearest_rank_percentiles_of_what_the_carers_did() throws Exception {
        JsonNode byPriority = report("response-times", "&by=priority");
        assertThat(keys(byPriority)).containsExactly("EMERGENCY", "HIGH", "NORMAL", "LOW");
        // The fall.
        assertThat(times(group(byPriority, "EMERGENCY")))
                .containsExactly(
                        "accepted n=1 p50=20.0 p90=20.0 p95=20.0 max=20.0",
                        "present n=1 p50=45.0 p90=45.0 p95=45.0 max=45.0",
                        "closed n=1 p50=120.0 p90=120.0 p95=120.0 max=120.0");
        // The bed exit: never accepted nor visited, closed after 15 s.
        assertThat(times(group(byPriority, "HIGH")))
                .containsExactly("accepted n=0", "present n=0", "closed n=1 p50=15.0 p90=15.0 p95=15.0 max=15.0");
        // Four calls: accepted 30, 40, 50, 10 s (the call that came back keeps its first acceptance);
        // present 60, 90, 620 s; closed 120, 240, 90, 640 s.
        assertThat(times(group(byPriority, "NORMAL")))
                .containsExactly(
                        "accepted n=4 p50=30.0 p90=50.0 p95=50.0 max=50.0",
                        "present n=3 p50=90.0 p90=620.0 p95=620.0 max=620.0",
                        "closed n=4 p50=120.0 p90=640.0 p95=640.0 max=640.0");
        assertThat(times(group(byPriority, "LOW"))).containsExactly("accepted n=0", "present n=0", "closed n=0");
        // All six: accepted 10, 20, 30, 40, 50; present 45, 60, 90, 620; closed 15, 90, 120, 120, 240, 640.
        assertThat(times(byPriority.get("total")))
                .containsExactly(
                        "accepted n=5 p50=30.0 p90=50.0 p95=50.0 max=50.0",
                        "present n=4 p50=60.0 p90=620.0 p95=620.0 max=620.0",
                        "closed n=6 p50=120.0 p90=640.0 p95=640.0 max=640.0");

        JsonNode byZone = report("response-times", "&by=zone");
        assertThat(keys(byZone)).containsExactlyElementsOf(sorted(zoneA, zoneB));
        // Zone A: the fall, the bed exit and both calls in room 102; zone B: the calls in 201 and 202.
        assertThat(times(group(byZone, zoneA)))
                .containsExactly(
                        "accepted n=3 p50=20.0 p90=30.0 p95=30.0 max=30.0",
                        "present n=3 p50=60.0 p90=620.0 p95=620.0 max=620.0",
                        "closed n=4 p50=120.0 p90=640.0 p95=640.0 max=640.0");
        assertThat(times(group(byZone, zoneB)))
                .containsExactly(
                        "accepted n=2 p50=40.0 p90=50.0 p95=50.0 max=50.0",
                        "present n=1 p50=90.0 p90=90.0 p95=90.0 max=90.0",
                        "closed n=2 p50=90.0 p90=240.0 p95=240.0 max=240.0");

        JsonNode byShift = report("response-times", "&by=shift");
        assertThat(keys(byShift)).containsExactly("day", "evening", "night");
        assertThat(times(group(byShift, "day"))).isEqualTo(times(byPriority.get("total")));
        assertThat(times(group(byShift, "evening"))).containsExactly("accepted n=0", "present n=0", "closed n=0");
        assertThat(times(group(byShift, "night"))).containsExactly("accepted n=0", "present n=0", "closed n=0");
    }

    @Test
    void the_call_cleared_from_the_handset_is_cleared_without_presence_and_the_one_that_came_back_re_raised()
            throws Exception {
        JsonNode clearance = report("clearance", "");

        // Calls only: the fall and the bed exit are passive alerts.
        assertThat(clearanceRow(clearance.get("total")))
                .isEqualTo("calls=4 closed=4 without=1 (0.25) reRaised=1 (0.25)");
        assertThat(clearance.get("byWard")).hasSize(1);
        assertThat(clearance.at("/byWard/0/key").asString()).isEqualTo(ward);
        assertThat(clearanceRow(clearance.at("/byWard/0"))).isEqualTo(clearanceRow(clearance.get("total")));
        var zones = new LinkedHashMap<String, String>();
        clearance.get("byZone").forEach(z -> zones.put(z.get("key").asString(), clearanceRow(z)));
        assertThat(zones)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        zoneA, "calls=2 closed=2 without=0 (0.0) reRaised=1 (0.5)",
                        zoneB, "calls=2 closed=2 without=1 (0.5) reRaised=0 (0.0)"));
    }

    @Test
    void the_bed_exit_resolved_as_not_actionable_is_counted_as_alarm_fatigue() throws Exception {
        JsonNode fatigue = report("fatigue", "");

        // Passive alerts only: the bed exit (not actionable) and the fall (a real one).
        assertThat(fatigueRows(fatigue.get("byType")))
                .containsExactly(
                        "BED_EXIT raised=1 judged=1 notActionable=1 (1.0)",
                        "FALL raised=1 judged=1 notActionable=0 (0.0)");
        assertThat(fatigueRows(fatigue.get("byWard")))
                .containsExactly(ward + " raised=2 judged=2 notActionable=1 (0.5)");
        assertThat(fatigueRows(List.of(fatigue.get("total"))))
                .containsExactly("total raised=2 judged=2 notActionable=1 (0.5)");
    }

    @Test
    void the_load_counts_what_each_carer_was_sent_accepted_and_resolved() throws Exception {
        JsonNode load = report("load", "");

        // No alarm at night (the night round raised none): tonight's night is listed, quiet.
        assertThat(load.get("nightShift").asString()).isEqualTo("night");
        assertThat(load.get("nights")).hasSize(1);
        JsonNode night = load.at("/nights/0");
        assertThat(night.get("date").asString()).isEqualTo(day.toString());
        assertThat(night.get("start").asString()).startsWith(day + "T22:00");
        assertThat(night.get("total").asLong()).isZero();
        // sykepleier: the fall (to the whole ward), the bed exit and both calls in room 102 (the one that
        // came back counts once); helsefag: the fall and the two calls in zone B. The bed exit was
        // closed without being accepted; the call that came back was resolved by leaving the room.
        var staff = new ArrayList<String>();
        load.get("staff")
                .forEach(s -> staff.add(s.get("staff").asString() + " dispatched="
                        + s.get("dispatched").asLong() + " accepted="
                        + s.get("accepted").asLong() + " resolved="
                        + s.get("resolved").asLong()));
        assertThat(staff)
                .containsExactly(
                        "helsefag dispatched=3 accepted=2 resolved=2", "sykepleier dispatched=4 accepted=3 resolved=4");
    }

    @Test
    void benefit_follow_up_reads_the_day_from_the_log_against_a_baseline_typed_in_by_hand() throws Exception {
        var csv = api().post("/api/reports/benefit.csv", benefitRequest(), quality);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        // The baseline: 30 days typed in; the follow-up: one day read from the log, per 30 days x 30.
        String before = ",Før,2025-01-01,2025-01-30,30,manual,";
        String today = ",I dag," + day + "," + day + ",1,log,";
        assertThat(csv.body().split("\r\n", -1))
                .containsExactly(
                        "indicator,unit,period,from,to,days,source,value,per_30_days,change,change_percent,note",
                        "FALLS,count" + before + "3,3,,,",
                        "FALLS,count" + today + "1,30,27,900,",
                        "FALL_ALARMS,count" + before + ",,,,not given",
                        "FALL_ALARMS,count" + today + "1,30,,,no baseline figure to compare with",
                        // Only the night round: the visits of the morning were by day.
                        "NIGHT_VISITS,count" + before + "60,60,,,",
                        "NIGHT_VISITS,count" + today + "1,30,-30,-50,",
                        "CALLS,count" + before + "120,120,,,",
                        "CALLS,count" + today + "4,120,0,0,",
                        "PASSIVE_ALERTS,count" + before + ",,,,not given",
                        "PASSIVE_ALERTS,count" + today + "2,60,,,no baseline figure to compare with",
                        // Accepted after 10, 20, 30, 40 and 50 s.
                        "MEDIAN_SECONDS_TO_ACCEPT,seconds" + before + "45,,,,",
                        "MEDIAN_SECONDS_TO_ACCEPT,seconds" + today + "30,,-15,-33.3,",
                        "P90_SECONDS_TO_ACCEPT,seconds" + before + ",,,,not given",
                        "P90_SECONDS_TO_ACCEPT,seconds" + today + "50,,,,no baseline figure to compare with",
                        "NOT_ACTIONABLE_SHARE,share" + before + ",,,,not given",
                        "NOT_ACTIONABLE_SHARE,share" + today + "0.5,,,,no baseline figure to compare with",
                        "DIGITAL_SUPERVISIONS,count" + before + ",,,,not given",
                        "DIGITAL_SUPERVISIONS,count" + today + ",,,,not recorded yet",
                        "");
    }

    @Test
    void a_nurse_gets_no_report_and_nobody_without_a_login() throws Exception {
        for (String path : reportPaths()) {
            assertThat(api().get(path, nurse).statusCode()).as(path).isEqualTo(403);
            assertThat(api().get(path, carer).statusCode()).as(path).isEqualTo(403);
            assertThat(api().get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(api().post("/api/reports/benefit", benefitRequest(), nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/reports/benefit.csv", benefitRequest(), carer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/reports/benefit", benefitRequest(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void each_report_is_journaled_as_a_search_with_the_quality_leads_name_and_is_itself_searchable() throws Exception {
        Journal journal = server.bean(Journal.class);
        long before = journal.lastSequence();

        report("falls", "&by=hour&per=room");
        report("response-times", "&by=zone");
        report("clearance", "");
        report("load", "");
        report("fatigue", "");
        benefit();

        var entries = new ArrayList<AuditLog.Entry>();
        journal.read(before + 1, r -> {
            if (r.type().equals(AuditLog.SEARCH)) {
                entries.add(AuditLog.decode(r.payload()));
            }
        });
        String from = day.toString();
        assertThat(entries)
                .containsExactly(
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.falls",
                                site,
                                null,
                                Map.of("from", from, "to", from, "by", "HOUR", "per", "ROOM", "format", "json")),
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.response-times",
                                site,
                                null,
                                Map.of("from", from, "to", from, "by", "ZONE", "format", "json")),
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.clearance",
                                site,
                                null,
                                Map.of("from", from, "to", from, "format", "json")),
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.load",
                                site,
                                null,
                                Map.of("from", from, "to", from, "format", "json")),
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.fatigue",
                                site,
                                null,
                                Map.of("from", from, "to", from, "format", "json")),
                        // The periods and their source, not the figures typed in.
                        new AuditLog.Entry(
                                "kvalitet",
                                "report.benefit",
                                site,
                                null,
                                Map.of(
                                        "indicators",
                                        "FALLS,FALL_ALARMS,NIGHT_VISITS,CALLS,PASSIVE_ALERTS,MEDIAN_SECONDS_TO_ACCEPT,"
                                                + "P90_SECONDS_TO_ACCEPT,NOT_ACTIONABLE_SHARE,DIGITAL_SUPERVISIONS",
                                        "baseline",
                                        "2025-01-01..2025-01-30 manual",
                                        "followUps",
                                        from + ".." + from + " log",
                                        "format",
                                        "json")));

        await().atMost(CATCH_UP_SECONDS, TimeUnit.SECONDS).untilAsserted(() -> {
            var actions = new ArrayList<String>();
            json(api().get(
                                    "/api/audit/search?kind=entry&type=search&actor=kvalitet&site=" + site
                                            + "&size=200",
                                    quality))
                    .get("hits")
                    .forEach(h -> actions.add(h.get("action").asString()));
            assertThat(actions)
                    .contains(
                            "report.falls",
                            "report.response-times",
                            "report.clearance",
                            "report.load",
                            "report.fatigue",
                            "report.benefit");
        });
    }

    @Test
    void an_index_rebuilt_from_the_journal_gives_the_same_reports_as_the_live_one() throws Exception {
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> json(api().get("/api/audit/index", admin))
                        .get("state")
                        .asString()
                        .equals("READY"));
        var started = api().post("/api/audit/index/rebuild", "", admin);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String startedAt = json(started).get("startedAt").asString();

        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode status = json(api().get("/api/audit/index", admin));
            assertThat(status.get("rebuildReason").asString()).isEqualTo("requested by admin");
            assertThat(status.get("startedAt").asString()).isEqualTo(startedAt);
            assertThat(status.get("state").asString()).isEqualTo("READY");
            assertThat(status.hasNonNull("finishedAt")).isTrue();
            assertThat(status.get("complete").asBoolean()).isTrue();
        });

        assertThat(allReports()).isEqualTo(live);
    }

    @Test
    void the_reports_are_the_same_after_a_restart() throws Exception {
        server.restart();
        // A new clock (the same next morning), a new index reader, new logins.
        clock = server.bean(MutableClock.class);
        clock.set(nextMorning);
        logIn();

        assertThat(allReports()).isEqualTo(live);
        // Read from the index as committed at shutdown, not from one rebuilt at start.
        JsonNode index = json(api().get("/api/audit/index", admin));
        assertThat(index.get("state").asString()).isEqualTo("READY");
        assertThat(index.get("complete").asBoolean()).isTrue();
        assertThat(index.has("rebuildReason")).as(index.toString()).isFalse();
    }

    // --- the ward -------------------------------------------------------------------------------

    private void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        technician = api().login("tekniker", "demo-tekniker");
        nurse = api().login("sykepleier", "demo-sykepleier");
        carer = api().login("helsefag", "demo-helsefag");
        quality = api().login("kvalitet", "demo-kvalitet");
    }

    /**
     * A site with one ward of two zones and four rooms; a resident in room 101 watched for falls and
     * bed exits with consent; by day sykepleier is primary carer (and shift lead) in zone A and
     * helsefag in zone B.
     */
    private void buildTheWard() throws Exception {
        site = id(api().post("/api/sites", "{\"name\":\"Rapportheim E2E\"}", admin));
        ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 3 Vest\"}", admin));
        zoneA = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        zoneB = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone B\"}", admin));
        room101 = room(zoneA, "101");
        room102 = room(zoneA, "102");
        room201 = room(zoneB, "201");
        room202 = room(zoneB, "202");

        ok(api().put(
                        "/api/sites/" + site + "/routing/roster",
                        "{\"assignments\":["
                                + "{\"shift\":\"day\",\"staff\":\"sykepleier\",\"wardId\":\"" + ward
                                + "\",\"zoneIds\":[\"" + zoneA + "\"],\"primary\":true,\"lead\":true},"
                                + "{\"shift\":\"day\",\"staff\":\"helsefag\",\"wardId\":\"" + ward
                                + "\",\"zoneIds\":[\"" + zoneB + "\"],\"primary\":true}]}",
                        admin));

        resident = id(api().post(
                        "/api/residents",
                        "{\"displayName\":\"Beboer 101\",\"roomId\":\"" + room101 + "\",\"needs\":[]}",
                        admin));
        JsonNode plan = ok(api().put(
                        "/api/residents/" + resident + "/care-plan",
                        "{\"rules\":[{\"kind\":\"FALL\"},{\"kind\":\"BED_EXIT\"}],\"bases\":[{\"kind\":\"CONSENT\","
                                + "\"recordedBy\":\"sykepleier\",\"validFrom\":\""
                                + fallRaised.minus(Duration.ofDays(1)) + "\"}]}",
                        admin));
        assertThat(plan.get("rulesActive").asBoolean()).isTrue();
    }

    private void putDevicesInService() throws Exception {
        register("e2e-fall-101", "FALL_SENSOR", bed(room101));
        register("e2e-bed-101", "BED_SENSOR", bed(room101));
        register("e2e-call-102", "CALL_BUTTON", bed(room102));
        register("e2e-call-201", "CALL_BUTTON", bed(room201));
        register("e2e-call-202", "CALL_BUTTON", bed(room202));
    }

    private String room(String zone, String number) throws Exception {
        return id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"" + number + "\",\"name\":\"Rom " + number
                                + "\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"},{\"kind\":\"BATHROOM\",\"label\":\"Bad\"}]}",
                        admin));
    }

    private String bed(String room) throws Exception {
        for (JsonNode location : json(api().get("/api/rooms/" + room + "/locations", technician))) {
            if (location.get("kind").asString().equals("BED")) {
                return location.get("id").asString();
            }
        }
        throw new AssertionError("no bed in room " + room);
    }

    private void register(String deviceId, String type, String location) throws Exception {
        var registered = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"" + deviceId + "\",\"type\":\"" + type + "\",\"serial\":\"SN-" + deviceId
                                + "\",\"locationId\":\"" + location + "\"}",
                        technician);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    // --- what happens on the ward ---------------------------------------------------------------

    /**
     * The device sends {@code kind} over DTLS (acknowledged once journaled); returns the id of the
     * alarm of {@code type} it raised in {@code room}, raised now by the server's clock.
     */
    private String raised(String room, String deviceId, EventKind kind, String type) throws Exception {
        Instant now = clock.instant();
        try (var device = TestServer.connect(server.bean(DeviceEndpoint.class), pki.device(deviceId))) {
            assertThat(device.send(DeviceEvent.now(kind)).code()).isEqualTo("2.04");
        }
        JsonNode[] alarm = {null};
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            alarm[0] = openAlarm(room, type);
            assertThat(alarm[0]).as("an open " + type + " in room " + room).isNotNull();
        });
        assertThat(Instant.parse(alarm[0].get("raisedAt").asString())).isEqualTo(now);
        return alarm[0].get("id").asString();
    }

    private JsonNode openAlarm(String room, String type) throws Exception {
        for (JsonNode alarm : json(api().get("/api/alarms", nurse))) {
            if (alarm.get("roomId").asString().equals(room)
                    && alarm.get("type").asString().equals(type)) {
                return alarm;
            }
        }
        return null;
    }

    private void presence(String room, boolean present, String token) throws Exception {
        ok(api().post("/api/rooms/" + room + "/presence", "{\"present\":" + present + "}", token));
    }

    private void after(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    // --- reading the reports --------------------------------------------------------------------

    private List<String> reportPaths() {
        var paths = new ArrayList<String>();
        for (String query : List.of(
                "falls?by=month&per=ward",
                "falls?by=hour&per=ward",
                "falls?by=week&per=room",
                "falls?by=month&per=resident",
                "response-times?by=priority",
                "response-times?by=zone",
                "response-times?by=shift",
                "clearance?",
                "load?",
                "fatigue?")) {
            paths.add("/api/reports/" + query + (query.endsWith("?") ? "" : "&") + "site=" + site + "&from=" + day
                    + "&to=" + day);
        }
        return paths;
    }

    /** Every report of the day as JSON, by path (the benefit follow-up under "benefit"). */
    private Map<String, JsonNode> allReports() throws Exception {
        var reports = new LinkedHashMap<String, JsonNode>();
        for (String path : reportPaths()) {
            reports.put(path, json(api().get(path, quality)));
        }
        reports.put("benefit", benefit());
        return reports;
    }

    /**
     * Every indicator for today, read from the log, against a baseline of 30 days typed in from
     * paper records: 3 falls, 60 night visits, 120 calls and a median of 45 s to accept.
     */
    private String benefitRequest() {
        return "{\"site\":\"" + site + "\",\"indicators\":[\"falls\",\"fall-alarms\",\"night-visits\",\"calls\","
                + "\"passive-alerts\",\"median-seconds-to-accept\",\"p90-seconds-to-accept\",\"not-actionable-share\","
                + "\"digital-supervisions\"],"
                + "\"baseline\":{\"label\":\"Før\",\"from\":\"2025-01-01\",\"to\":\"2025-01-30\","
                + "\"values\":{\"FALLS\":3,\"NIGHT_VISITS\":60,\"CALLS\":120,\"MEDIAN_SECONDS_TO_ACCEPT\":45}},"
                + "\"followUps\":[{\"label\":\"I dag\",\"from\":\"" + day + "\",\"to\":\"" + day + "\"}]}";
    }

    private JsonNode benefit() throws Exception {
        return json(api().post("/api/reports/benefit", benefitRequest(), quality));
    }

    private JsonNode report(String name, String query) throws Exception {
        return json(
                api().get("/api/reports/" + name + "?site=" + site + "&from=" + day + "&to=" + day + query, quality));
    }

    private static List<String> rows(JsonNode falls) {
        var rows = new ArrayList<String>();
        falls.path("rows")
                .forEach(r -> rows.add(r.get("group").asString() + " "
                        + r.get("bucket").asString() + " " + r.get("falls").asLong()));
        return rows;
    }

    private static List<String> keys(JsonNode times) {
        var keys = new ArrayList<String>();
        times.get("groups").forEach(g -> keys.add(g.get("key").asString()));
        return keys;
    }

    private static JsonNode group(JsonNode times, String key) {
        for (JsonNode g : times.get("groups")) {
            if (g.get("key").asString().equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + times);
    }

    /** The three measures of a group as "measure n=count p50=… p90=… p95=… max=…" (seconds). */
    private static List<String> times(JsonNode group) {
        var measures = new ArrayList<String>();
        for (var m : List.of(
                Map.entry("accepted", "toAccepted"),
                Map.entry("present", "toPresent"),
                Map.entry("closed", "toClosed"))) {
            JsonNode p = group.path(m.getValue());
            var text = new StringBuilder(m.getKey() + " n=" + p.path("count").asInt());
            for (String figure : List.of("p50", "p90", "p95", "max")) {
                if (p.hasNonNull(figure)) {
                    text.append(' ')
                            .append(figure)
                            .append('=')
                            .append(p.get(figure).asDouble());
                }
            }
            measures.add(text.toString());
        }
        return measures;
    }

    private static String clearanceRow(JsonNode row) {
        return "calls=" + row.path("calls").asLong() + " closed="
                + row.path("closed").asLong() + " without="
                + row.path("clearedWithoutPresence").asLong() + " ("
                + share(row, "clearedWithoutPresenceShare") + ") reRaised="
                + row.path("reRaised").asLong() + " ("
                + share(row, "reRaisedShare") + ")";
    }

    private static List<String> fatigueRows(Iterable<JsonNode> rows) {
        var out = new ArrayList<String>();
        rows.forEach(r ->
                out.add(r.get("key").asString() + " raised=" + r.path("raised").asLong() + " judged="
                        + r.path("judged").asLong() + " notActionable="
                        + r.path("notActionable").asLong() + " ("
                        + share(r, "notActionableShare") + ")"));
        return out;
    }

    private static String share(JsonNode row, String field) {
        return row.hasNonNull(field) ? String.valueOf(row.get(field).asDouble()) : "none";
    }

    private static List<String> sorted(String... values) {
        return java.util.Arrays.stream(values).sorted().toList();
    }

    private ApiClient api() {
        return server.api();
    }
}
