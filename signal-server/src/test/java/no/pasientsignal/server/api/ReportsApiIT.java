package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.json;
import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.report.AlarmHistories;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.HistoryFilter;
import no.pasientsignal.server.report.Visit;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.SiteRouting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The report API over real HTTP, on alarm histories put in by hand (a stand-in for the search
 * index, which provides the real {@link AlarmHistories}): roles, parameters, JSON and CSV, and the
 * journal entry each report leaves.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsApiIT implements TestPropertyProvider {

    static final String HAND_MADE = "test.hand-made-histories";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** Alarm histories the test writes; replaces the index's. */
    @Singleton
    @Requires(property = HAND_MADE, value = "true")
    @Replaces(AlarmHistories.class)
    static class HandMadeHistories implements AlarmHistories {
        final List<AlarmHistory> histories = new CopyOnWriteArrayList<>();
        final List<Visit> visits = new CopyOnWriteArrayList<>();
        volatile String incomplete;

        @Override
        public Optional<String> incomplete() {
            return Optional.ofNullable(incomplete);
        }

        @Override
        public void forEach(HistoryFilter filter, Consumer<AlarmHistory> sink) {
            histories.stream().filter(filter::matches).forEach(sink);
        }

        @Override
        public void forEachVisit(String siteId, Instant from, Instant to, Consumer<Visit> sink) {
            visits.stream()
                    .filter(v -> v.siteId().equals(siteId) && !v.at().isBefore(from) && v.at().isBefore(to))
                    .forEach(sink);
        }
    }

    @Inject
    EmbeddedServer http;

    @Inject
    HandMadeHistories histories;

    @Inject
    JdbcFacilityStore facility;

    @Inject
    RoutingTables routing;

    @Inject
    Journal journal;

    private String site;
    private String quality;
    private String admin;
    private String nurse;
    private String night;
    private String technician;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("reports-api-it").properties(HAND_MADE, "true");
    }

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(OSLO).toInstant();
    }

    private AlarmHistory fall(String ward, String local, AlarmHistory.Outcome outcome) {
        Instant at = oslo(local);
        boolean closed = outcome != AlarmHistory.Outcome.OPEN;
        return new AlarmHistory(
                UUID.randomUUID(),
                site,
                ward,
                "zone-1",
                "101",
                "BED",
                "R-1",
                AlarmType.FALL,
                AlarmType.FALL.defaultPriority(),
                "fall-101",
                at,
                at,
                at.plusSeconds(30),
                at.plusSeconds(90),
                closed ? at.plusSeconds(300) : null,
                outcome,
                "sykepleier",
                closed ? "sykepleier" : null,
                0,
                0,
                0,
                false,
                List.of("sykepleier"));
    }

    @BeforeAll
    void setUp() throws Exception {
        site = facility.createSite("Rapportheim").id();
        routing.put(site, SiteRouting.unconfigured(OSLO));
        quality = api().login("kvalitet", "demo-kvalitet");
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
        night = api().login("natt", "demo-natt");
        technician = api().login("tekniker", "demo-tekniker");
        // January: ward-A one fall (00:30 on 1 Feb local is 31 Jan in UTC: February). February:
        // ward-A two falls, ward-B one; one false fall alarm that does not count.
        histories.histories.addAll(List.of(
                fall("ward-A", "2026-01-20 10:00", AlarmHistory.Outcome.RESOLVED),
                fall("ward-A", "2026-02-01 00:30", AlarmHistory.Outcome.RESOLVED),
                fall("ward-A", "2026-02-14 16:00", AlarmHistory.Outcome.OPEN),
                fall("ward-B", "2026-02-20 03:00", AlarmHistory.Outcome.RESOLVED),
                fall("ward-B", "2026-02-21 03:00", AlarmHistory.Outcome.NOT_ACTIONABLE)));
        histories.visits.add(new Visit(site, "101", "natt", oslo("2026-02-10 23:00")));
    }

    private String falls(String query) {
        return "/api/reports/falls?site=" + site + query;
    }

    @Test
    void a_quality_lead_gets_falls_per_ward_by_month_and_the_request_is_journaled() throws Exception {
        long before = journal.lastSequence();

        JsonNode falls = json(api().get(falls("&from=2026-01-01&to=2026-02-28&by=month&per=ward"), quality));

        assertThat(falls.get("total").asInt()).isEqualTo(4);
        assertThat(falls.get("timeZone").asString()).isEqualTo("Europe/Oslo");
        assertThat(falls.get("rows").toString())
                .isEqualTo("[{\"group\":\"ward-A\",\"bucket\":\"2026-01\",\"falls\":1},"
                        + "{\"group\":\"ward-A\",\"bucket\":\"2026-02\",\"falls\":2},"
                        + "{\"group\":\"ward-B\",\"bucket\":\"2026-02\",\"falls\":1}]");
        var entries = new ArrayList<AuditLog.Entry>();
        journal.read(before + 1, r -> {
            if (r.type().equals(AuditLog.SEARCH)) {
                entries.add(AuditLog.decode(r.payload()));
            }
        });
        assertThat(entries)
                .contains(new AuditLog.Entry(
                        "kvalitet",
                        "report.falls",
                        site,
                        null,
                        Map.of(
                                "from",
                                "2026-01-01",
                                "to",
                                "2026-02-28",
                                "by",
                                "MONTH",
                                "per",
                                "WARD",
                                "format",
                                "json")));
    }

    @Test
    void while_the_trail_is_incomplete_no_report_is_given() throws Exception {
        histories.incomplete = "the audit index is being rebuilt from the journal (10 of 20 records read)";
        try {
            var response = api().get(falls("&from=2026-01-01&to=2026-02-28&by=month&per=ward"), quality);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(message(response))
                    .isEqualTo("reports are not given while the audit index is being rebuilt from the journal"
                            + " (10 of 20 records read); try again when it is done.");
        } finally {
            histories.incomplete = null;
        }
    }

    @Test
    void csv_by_path_or_by_accept_header() throws Exception {
        var byPath =
                api().get("/api/reports/falls.csv?site=" + site + "&from=2026-02-01&to=2026-02-28&by=hour", quality);
        var byHeader = send(
                HttpRequest.newBuilder(api().uri(falls("&from=2026-02-01&to=2026-02-28&by=hour")))
                        .header("Accept", "text/csv")
                        .GET(),
                admin);

        for (var response : List.of(byPath, byHeader)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            // ward-A: 00:30 and 16:00; ward-B: 03:00 (the false alarm at 03:00 on the 21st not counted).
            assertThat(response.body()).isEqualTo("ward,hour,falls\r\nward-A,00,1\r\nward-A,16,1\r\nward-B,03,1\r\n");
        }
    }

    @Test
    void the_other_reports_answer_in_json() throws Exception {
        String period = "?site=" + site + "&from=2026-02-01&to=2026-02-28";

        JsonNode times = json(api().get("/api/reports/response-times" + period + "&by=priority", quality));
        assertThat(times.at("/groups/0/key").asString()).isEqualTo("EMERGENCY");
        // Four fall alarms in February (the false one too: staff still answered it), each accepted after 30 s.
        assertThat(times.at("/groups/0/toAccepted/count").asInt()).isEqualTo(4);
        assertThat(times.at("/groups/0/toAccepted/p50").asDouble()).isEqualTo(30.0);
        JsonNode load = json(api().get("/api/reports/load" + period, quality));
        assertThat(load.get("nights")).hasSize(28);
        assertThat(load.at("/nights/0/start").asString()).isEqualTo("2026-02-01T22:00:00+01:00");
        assertThat(load.at("/staff/0/staff").asString()).isEqualTo("sykepleier");
        JsonNode fatigue = json(api().get("/api/reports/fatigue" + period, quality));
        assertThat(fatigue.at("/total/notActionable").asInt()).isEqualTo(1);
        JsonNode clearance = json(api().get("/api/reports/clearance" + period, quality));
        assertThat(clearance.at("/total/calls").asInt()).isZero();
    }

    @Test
    void benefit_follow_up_against_a_baseline_typed_in_by_hand_as_json_and_csv() throws Exception {
        String body = """
                {"site":"%s","indicators":["falls","night-visits","digital-supervisions"],
                 "baseline":{"label":"Før","from":"2025-01-01","to":"2025-03-31","values":{"FALLS":12,"NIGHT_VISITS":1800}},
                 "followUps":[{"label":"Februar","from":"2026-02-01","to":"2026-02-28"}]}""".formatted(site);

        JsonNode report = json(api().post("/api/reports/benefit", body, quality));
        var csv = api().post("/api/reports/benefit.csv", body, quality);

        // Falls: 12 x 30 / 90 = 4.0 before; 3 x 30 / 28 = 3.21 after; -0.79, -19.8 %.
        JsonNode falls = report.at("/indicators/0/figures/1");
        assertThat(falls.get("per30Days").asDouble()).isEqualTo(3.21);
        assertThat(falls.get("change").asDouble()).isEqualTo(-0.79);
        assertThat(falls.get("changePercent").asDouble()).isEqualTo(-19.8);
        assertThat(report.at("/indicators/1/figures/1/value").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/indicators/2/figures/1/note").asString()).isEqualTo("not recorded yet");
        assertThat(report.at("/indicators/2/figures/1/value").isMissingNode()
                        || report.at("/indicators/2/figures/1/value").isNull())
                .isTrue();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("indicator,unit,period,from,to,days,source,value,per_30_days,change,change_percent,note\r\n"
                        + "FALLS,count,Før,2025-01-01,2025-03-31,90,manual,12,4,,,\r\n"
                        + "FALLS,count,Februar,2026-02-01,2026-02-28,28,log,3,3.21,-0.79,-19.8,\r\n");
    }

    @Test
    void care_staff_and_technicians_are_refused() throws Exception {
        String path = falls("&from=2026-01-01&to=2026-01-31");
        for (String token : List.of(nurse, night, technician)) {
            assertThat(api().get(path, token).statusCode()).isEqualTo(403);
        }
        assertThat(api().post("/api/reports/benefit", "{}", nurse).statusCode()).isEqualTo(403);
        assertThat(api().get(path, null).statusCode()).isEqualTo(401);
        assertThat(api().get(path, admin).statusCode()).isEqualTo(200);
    }

    @Test
    void bad_parameters_are_refused_with_a_sentence_naming_them() throws Exception {
        var badBy = api().get(falls("&from=2026-01-01&to=2026-01-31&by=year"), quality);
        var backwards = api().get("/api/reports/load?site=" + site + "&from=2026-02-01&to=2026-01-01", quality);
        var noFrom = api().get("/api/reports/fatigue?site=" + site + "&to=2026-01-01", quality);
        var unknownSite = api().get("/api/reports/clearance?site=nowhere&from=2026-01-01&to=2026-01-31", quality);
        var running = api().post("/api/reports/benefit", """
                {"site":"%s","indicators":["calls"],"baseline":{"from":"2026-01-01","to":"2026-01-31"},
                 "followUps":[{"from":"2026-02-01","to":"2026-12-31"}]}""".formatted(site), quality);

        assertThat(badBy.statusCode()).isEqualTo(400);
        assertThat(message(badBy)).isEqualTo("by: must be one of month, week, hour.");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(message(backwards)).isEqualTo("to: must not be before from (2026-02-01).");
        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(message(noFrom)).startsWith("from: is required");
        assertThat(unknownSite.statusCode()).isEqualTo(404);
        assertThat(message(unknownSite)).isEqualTo("no site nowhere.");
        assertThat(running.statusCode()).isEqualTo(400);
        assertThat(message(running)).startsWith("followUps[0].to: the period is not over yet");
    }

    @Test
    void the_report_routes_are_in_the_openapi_document_with_their_roles() throws Exception {
        var document = api().get("/openapi.json", null);
        var options = new ParseOptions();
        options.setResolve(true);
        // Valid as a whole with the report routes in it (OpenApiIT runs without them).
        assertThat(new OpenAPIV3Parser()
                        .readContents(document.body(), null, options)
                        .getMessages())
                .isEmpty();
        JsonNode paths = json(document).get("paths");

        for (String path : List.of("falls", "falls.csv", "response-times", "clearance", "load", "fatigue")) {
            assertThat(paths.at("/~1api~1reports~1" + path + "/get/x-roles").toString())
                    .as(path)
                    .isEqualTo("[\"QUALITY_LEAD\",\"ADMINISTRATOR\"]");
        }
        assertThat(paths.at("/~1api~1reports~1benefit/post/requestBody").isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1api~1reports~1falls/get/parameters").toString())
                .contains("\"site\"", "\"from\"", "\"to\"", "\"by\"", "\"per\"");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String bearer) throws Exception {
        builder.header("Authorization", "Bearer " + bearer);
        try (var client = HttpClient.newHttpClient()) {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
