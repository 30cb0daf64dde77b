package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.json;
import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The audit search API over the real server: calls pressed on devices over real DTLS, searched by a
 * quality lead over HTTP, exported as CSV; every search journaled and itself searchable; the
 * index rebuilt on an administrator's request while it keeps answering.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchIT implements TestPropertyProvider {

    /** The zone of this test's rooms, so other tests' alarms do not count. */
    private static final String ZONE = "zone-audit";

    private FixturePki pki;

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    FacilityDirectory facility;

    @Inject
    Journal journal;

    private String quality;
    private String admin;
    private String nurse;
    private final List<String> calls = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("audit-search-it");
        pki = server.pki();
        return server.properties();
    }

    @BeforeAll
    void threeCallsInTheZone() throws Exception {
        quality = api().login("kvalitet", "demo-kvalitet");
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
        press("931", EventKind.CALL_PRESSED);
        press("932", EventKind.EMERGENCY_PRESSED);
        press("933", EventKind.CALL_PRESSED);
        await().atMost(2, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(search("zone=" + ZONE + "&kind=alarm&sort=raisedAt&order=asc")
                                .get("total")
                                .asLong())
                        .isEqualTo(3));
        for (JsonNode hit :
                search("zone=" + ZONE + "&kind=alarm&sort=raisedAt&order=asc").get("hits")) {
            calls.add(hit.get("id").asString());
        }
        var resolved = api().post("/api/alarms/" + calls.get(2) + "/resolve", "{\"notActionable\":true}", admin);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        await().atMost(1, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(search("zone=" + ZONE + "&outcome=NOT_ACTIONABLE")
                                .get("total")
                                .asLong())
                        .isEqualTo(1));
    }

    @Test
    void a_call_pressed_on_a_device_is_found_within_a_second() throws Exception {
        String device = press("934", EventKind.CALL_PRESSED);
        long pressed = System.nanoTime();

        await().atMost(1, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode found = search("room=934&kind=alarm");
            assertThat(found.get("total").asLong()).isEqualTo(1);
            assertThat(found.get("complete").asBoolean()).isTrue();
            assertThat(found.get("hits")).hasSize(1);
            JsonNode call = found.at("/hits/0");
            assertThat(call.get("type").asString()).isEqualTo("PATIENT_CALL");
            assertThat(call.get("device").asString()).isEqualTo(device);
            assertThat(call.get("zone").asString()).isEqualTo(ZONE);
            assertThat(call.get("outcome").asString()).isEqualTo("OPEN");
        });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pressed)).isLessThan(1000);
        JsonNode event = search("room=934&kind=entry&type=device-event").at("/hits/0");
        assertThat(event.get("actor").asString()).isEqualTo(device);
        assertThat(event.at("/details/outcome").asString()).isEqualTo("RAISED");
    }

    @Test
    void facets_count_the_current_query_and_pages_follow_the_sort() throws Exception {
        JsonNode threeRooms = search("zone=" + ZONE + "&kind=alarm&q=" + encode("room:(931 OR 932 OR 933)"));
        assertThat(counts(threeRooms.at("/facets/type"))).isEqualTo(Map.of("PATIENT_CALL", 2L, "EMERGENCY", 1L));
        assertThat(counts(threeRooms.at("/facets/priority"))).isEqualTo(Map.of("NORMAL", 2L, "EMERGENCY", 1L));
        assertThat(counts(threeRooms.at("/facets/outcome"))).isEqualTo(Map.of("OPEN", 2L, "NOT_ACTIONABLE", 1L));
        assertThat(counts(threeRooms.at("/facets/zone"))).isEqualTo(Map.of(ZONE, 3L));

        String rooms = "zone=" + ZONE + "&kind=alarm&q=" + encode("room:(931 OR 932 OR 933)");
        JsonNode first = search(rooms + "&sort=raisedAt&order=asc&size=2&page=0");
        JsonNode second = search(rooms + "&sort=raisedAt&order=asc&size=2&page=1");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(calls.get(0), calls.get(1));
        assertThat(ids(second)).containsExactly(calls.get(2));
        assertThat(ids(search(rooms + "&sort=raisedAt&order=desc"))).containsExactlyElementsOf(calls.reversed());
        assertThat(ids(search(rooms + "&sort=priority&order=asc")).getFirst()).isEqualTo(calls.get(1));
        assertThat(ids(search(rooms + "&sort=closedAt&order=desc")).getFirst()).isEqualTo(calls.get(2));
    }

    @Test
    void every_match_exports_as_csv_with_a_header() throws Exception {
        var response = api().get(
                        "/api/audit/search.csv?zone=" + ZONE + "&kind=alarm&q=" + encode("room:(931 OR 932 OR 933)")
                                + "&sort=raisedAt&order=asc",
                        quality);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("kind,id,sequence,time,site,ward,zone,room,");
        for (int i = 0; i < 3; i++) {
            assertThat(lines[i + 1]).startsWith("alarm," + calls.get(i) + ",");
        }
        assertThat(lines[3]).contains(",NOT_ACTIONABLE,");
    }

    @Test
    void only_quality_leads_and_administrators_search_and_only_administrators_rebuild() throws Exception {
        assertThat(api().get("/api/audit/search", nurse).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/audit/search.csv", nurse).statusCode()).isEqualTo(403);
        assertThat(api().get("/api/audit/index", nurse).statusCode()).isEqualTo(403);
        String technician = api().login("tekniker", "demo-tekniker");
        assertThat(api().get("/api/audit/search", technician).statusCode()).isEqualTo(403);
        assertThat(api().post("/api/audit/index/rebuild", "", quality).statusCode())
                .isEqualTo(403);
        assertThat(api().get("/api/audit/search", null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/audit/search?kind=alarm", admin).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_search_is_journaled_with_who_asked_what_and_the_hit_count_and_is_itself_searchable() throws Exception {
        json(api().get("/api/audit/search?q=zebrafinch&ward=ward-1", quality));

        JsonNode journaled = lastSearchInJournal();
        assertThat(journaled.get("actor").asString()).isEqualTo("kvalitet");
        assertThat(journaled.get("action").asString()).isEqualTo("audit.search");
        assertThat(journaled.at("/details/q").asString()).isEqualTo("zebrafinch");
        assertThat(journaled.at("/details/ward").asString()).isEqualTo("ward-1");
        assertThat(journaled.at("/details/hits").asString()).isEqualTo("0");

        await().atMost(1, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode found = search("kind=entry&type=search&actor=kvalitet&q=zebrafinch&sort=time&order=asc");
            assertThat(found.get("hits")).isNotEmpty();
            JsonNode first = found.at("/hits/0");
            assertThat(first.get("action").asString()).isEqualTo("audit.search");
            assertThat(first.at("/details/q").asString()).isEqualTo("zebrafinch");
            assertThat(first.at("/details/hits").asString()).isEqualTo("0");
        });

        api().get("/api/audit/search.csv?type=FALL", quality);
        assertThat(lastSearchInJournal().get("action").asString()).isEqualTo("audit.export");
    }

    @Test
    void a_query_that_cannot_be_read_is_refused_with_a_sentence() throws Exception {
        var bad = api().get("/api/audit/search?q=" + encode("type:(FALL AND"), quality);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(message(bad)).startsWith("q could not be read as a query").endsWith(".");

        assertThat(api().get("/api/audit/search.csv?q=" + encode("ward:\"unclosed"), quality)
                        .statusCode())
                .isEqualTo(400);
        var badTime = api().get("/api/audit/search?from=yesterday", quality);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(message(badTime)).contains("ISO-8601");
        assertThat(message(api().get("/api/audit/search?size=500", quality))).contains("200");
        assertThat(message(api().get("/api/audit/search?sort=colour", quality))).startsWith("sort must be one of");
        assertThat(message(api().get("/api/audit/search?order=up", quality))).isEqualTo("order must be asc or desc.");
    }

    @Test
    void an_administrator_rebuilds_the_index_and_follows_its_progress_while_search_keeps_answering() throws Exception {
        var started = api().post("/api/audit/index/rebuild", "", admin);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json(started).get("rebuildReason").asString()).isEqualTo("requested by admin");

        assertThat(search("zone=" + ZONE + "&kind=alarm").get("total").asLong()).isGreaterThanOrEqualTo(3);
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode status = json(api().get("/api/audit/index", admin));
            assertThat(status.get("state").asString()).isEqualTo("READY");
            assertThat(status.hasNonNull("finishedAt")).isTrue();
            assertThat(status.get("recordsDone").asLong())
                    .isPositive()
                    .isEqualTo(status.get("recordsTotal").asLong());
            assertThat(status.get("recordsPerSecond").asDouble()).isPositive();
            assertThat(status.get("complete").asBoolean()).isTrue();
            assertThat(status.get("lastIndexedSequence").asLong())
                    .isEqualTo(status.get("journalSequence").asLong());
        });
        assertThat(ids(search("zone=" + ZONE + "&kind=alarm&sort=raisedAt&order=asc")))
                .containsSubsequence(calls);
        assertThat(json(api().get("/api/audit/index", quality)).get("state").asString())
                .isEqualTo("READY");
        var rebuildEntries = new ArrayList<String>();
        journal.read(1, r -> {
            if (r.type().equals(AuditLog.CONFIG_CHANGE)) {
                rebuildEntries.add(AuditLog.decode(r.payload()).action() + " by "
                        + AuditLog.decode(r.payload()).actor());
            }
        });
        assertThat(rebuildEntries).contains("audit.index.rebuild by admin");
    }

    private JsonNode lastSearchInJournal() {
        JsonNode[] last = {null};
        journal.read(1, r -> {
            if (r.type().equals(AuditLog.SEARCH)) {
                last[0] =
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.payload());
            }
        });
        assertThat(last[0]).as("a search entry in the journal").isNotNull();
        return last[0];
    }

    private String press(String room, EventKind kind) throws Exception {
        String device = TestServer.registerDevice(facility, DeviceType.CALL_BUTTON, room, ZONE, LocationKind.BED);
        try (var client = TestServer.connect(endpoint, pki.device(device))) {
            assertThat(client.send(DeviceEvent.now(kind)).code()).isEqualTo("2.04");
        }
        return device;
    }

    private JsonNode search(String query) throws Exception {
        return json(api().get("/api/audit/search?" + query, quality));
    }

    private static List<String> ids(JsonNode result) {
        var ids = new ArrayList<String>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    private static Map<String, Long> counts(JsonNode facet) {
        var counts = new java.util.HashMap<String, Long>();
        facet.forEach(f -> counts.put(f.get("value").asString(), f.get("count").asLong()));
        return counts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
