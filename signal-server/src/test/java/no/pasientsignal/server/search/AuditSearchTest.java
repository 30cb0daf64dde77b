package no.pasientsignal.server.search;

import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.AlarmScript;
import no.pasientsignal.server.report.HistoryFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Searches over a small day of a ward, known by heart: room 201 (zone A) has 3 patient calls
 * accepted after 10, 20 and 30 s and one fall; room 205 (zone B) has 2 bed exits closed as not
 * actionable and one still open; plus 1,100 configuration changes (more than one export chunk).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest {

    private static final Placement ROOM_301 = new Placement("301", "Rom 301", "zone-c", "ward-2", "BED");

    private Path data;
    private Journal journal;
    private AuditIndex index;
    private AuditSearch search;
    private Instant start;
    private final List<UUID> calls = new ArrayList<>();

    @BeforeAll
    void aDayOfTheWard() throws Exception {
        data = Files.createTempDirectory("audit-search-test");
        var clock = AlarmScript.dayShift();
        start = clock.instant();
        journal = Journal.open(data.resolve("journal"), clock, 1 << 20, 10_000);
        var script = new AlarmScript(
                clock, (type, payload) -> journal.append(type, payload).join());
        for (int i = 1; i <= 3; i++) {
            UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
            script.after(Duration.ofSeconds(10L * i));
            script.accept(call, "kari");
            script.resolve(call, "kari", false);
            calls.add(call);
            script.after(Duration.ofMinutes(30));
        }
        UUID fall = script.raise(AlarmType.FALL, ROOM_201_BED, "R-201");
        script.accept(fall, "ola");
        script.resolve(fall, "ola", false);
        for (int i = 0; i < 2; i++) {
            UUID exit = script.raise(AlarmType.BED_EXIT, ROOM_205_BED, "R-205");
            script.resolve(exit, "per", true);
            script.after(Duration.ofMinutes(10));
        }
        script.raise(AlarmType.BED_EXIT, ROOM_205_BED, "R-205");
        script.raise(AlarmType.PATIENT_CALL, ROOM_301, "R-301");
        var audit = new AuditLog(journal);
        for (int i = 0; i < 1_100; i++) {
            audit.record(
                    AuditLog.CONFIG_CHANGE,
                    new AuditLog.Entry("admin", "facility.room.rename", "site-1", "room-" + i, Map.of()));
        }
        audit.record(AuditLog.CONFIG_CHANGE, new AuditLog.Entry("admin", "staff.create", "site-1", "x", Map.of()))
                .join();
        index = AuditIndex.open(data.resolve("index"), journal, AuditIndex.Settings.defaults(), clock);
        search = new AuditSearch(index);
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> index.status().state() == AuditIndex.State.READY
                        && index.lastIndexedSequence() == journal.lastSequence()
                        && search.count(query(Map.of(), null)) > 1_100);
    }

    @AfterAll
    void close() {
        index.close();
        journal.close();
    }

    private static SearchQuery query(Map<String, String> filters, String text) {
        return new SearchQuery(text, filters, null, null, "time", true, 0, 50);
    }

    private static SearchQuery sorted(
            Map<String, String> filters, String sort, boolean descending, int page, int size) {
        return new SearchQuery(null, filters, null, null, sort, descending, page, size);
    }

    @Test
    void facets_count_the_matches_of_the_current_query() {
        var result = search.search(query(Map.of("kind", "alarm", "ward", "ward-1"), null));

        assertThat(result.total()).isEqualTo(7);
        assertThat(result.facets().get("type"))
                .containsExactlyInAnyOrder(
                        new AuditSearch.FacetCount("PATIENT_CALL", 3),
                        new AuditSearch.FacetCount("BED_EXIT", 3),
                        new AuditSearch.FacetCount("FALL", 1));
        assertThat(result.facets().get("outcome"))
                .containsExactlyInAnyOrder(
                        new AuditSearch.FacetCount("RESOLVED", 4),
                        new AuditSearch.FacetCount("NOT_ACTIONABLE", 2),
                        new AuditSearch.FacetCount("OPEN", 1));
        assertThat(result.facets().get("zone"))
                .containsExactlyInAnyOrder(
                        new AuditSearch.FacetCount("zone-a", 4), new AuditSearch.FacetCount("zone-b", 3));
        assertThat(result.facets().get("ward")).containsExactly(new AuditSearch.FacetCount("ward-1", 7));
        assertThat(result.facets().keySet()).containsExactly("site", "ward", "zone", "type", "priority", "outcome");

        var falls = search.search(query(Map.of("type", "FALL"), null));
        assertThat(falls.facets().get("priority")).containsExactly(new AuditSearch.FacetCount("EMERGENCY", 1));
    }

    @Test
    void hits_sort_by_time_to_accept_with_alarms_never_accepted_last_and_pages_do_not_overlap() {
        var alarms = Map.of("kind", "alarm");
        var first = search.search(sorted(alarms, "timeToAccept", false, 0, 3));
        var second = search.search(sorted(alarms, "timeToAccept", false, 1, 3));
        var third = search.search(sorted(alarms, "timeToAccept", false, 2, 3));

        assertThat(first.total()).isEqualTo(8);
        assertThat(first.hits())
                .extracting(h -> h.alarm().toAccepted().orElseThrow())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(second.hits().getFirst().alarm().toAccepted()).contains(Duration.ofSeconds(30));
        assertThat(second.hits().subList(1, 3))
                .allSatisfy(h -> assertThat(h.alarm().acceptedAt()).isNull());
        assertThat(third.hits())
                .hasSize(2)
                .allSatisfy(h -> assertThat(h.alarm().acceptedAt()).isNull());
        var ids = new java.util.HashSet<String>();
        for (var page : List.of(first, second, third)) {
            page.hits()
                    .forEach(h -> assertThat(ids.add(h.id()))
                            .as("on one page only: " + h.id())
                            .isTrue());
        }

        var slowestFirst = search.search(sorted(alarms, "timeToAccept", true, 0, 1));
        assertThat(slowestFirst.hits().getFirst().alarm().alarmId()).isEqualTo(calls.get(2));
    }

    @Test
    void hits_sort_by_raised_time_either_way() {
        var newest = search.search(sorted(Map.of("type", "PATIENT_CALL", "room", "201"), "raisedAt", true, 0, 10));
        var oldest = search.search(sorted(Map.of("type", "PATIENT_CALL", "room", "201"), "raisedAt", false, 0, 10));

        assertThat(oldest.hits()).extracting(h -> h.alarm().alarmId()).containsExactlyElementsOf(calls);
        assertThat(newest.hits()).extracting(h -> h.alarm().alarmId()).containsExactlyElementsOf(calls.reversed());
    }

    @Test
    void plain_words_and_lucene_syntax_search_the_full_text() {
        assertThat(search.search(query(Map.of("kind", "alarm"), "Fall")).hits())
                .singleElement()
                .satisfies(h -> assertThat(h.alarm().type()).isEqualTo(AlarmType.FALL));
        assertThat(search.search(query(Map.of(), "type:BED_EXIT AND outcome:NOT_ACTIONABLE"))
                        .total())
                .isEqualTo(2);
        assertThat(search.search(query(Map.of(), "kari AND type:PATIENT_CALL")).total())
                .isEqualTo(3);
        assertThat(search.search(query(Map.of(), "staff.create")).hits())
                .singleElement()
                .satisfies(h -> assertThat(h.entry().action()).isEqualTo("staff.create"));
        assertThat(search.search(query(Map.of("actor", "ola"), null)).hits())
                .singleElement()
                .satisfies(h -> assertThat(h.alarm().type()).isEqualTo(AlarmType.FALL));
        assertThat(search.search(query(Map.of("resident", "R-205", "kind", "alarm"), null))
                        .total())
                .isEqualTo(3);
    }

    @Test
    void text_that_is_not_a_query_is_refused_with_a_sentence() {
        assertThatThrownBy(() -> search.search(query(Map.of(), "type:(FALL AND")))
                .isInstanceOf(SearchQuery.InvalidSearch.class)
                .hasMessageStartingWith("q could not be read as a query")
                .hasMessageEndingWith(".");
        assertThatThrownBy(() -> search.search(query(Map.of(), "*all"))).isInstanceOf(SearchQuery.InvalidSearch.class);
        assertThatThrownBy(() -> sorted(Map.of(), "loudness", true, 0, 10))
                .hasMessageStartingWith("sort must be one of");
        assertThatThrownBy(() -> sorted(Map.of("colour", "red"), "time", true, 0, 10))
                .hasMessageStartingWith("colour cannot be filtered on");
        assertThatThrownBy(() -> sorted(Map.of(), "time", true, 0, 201)).hasMessageContaining("200");
        assertThatThrownBy(() -> sorted(Map.of(), "time", true, 100, 200)).hasMessageContaining("CSV");
    }

    @Test
    void a_time_range_keeps_what_was_raised_or_recorded_inside_it() {
        Instant from = start.plus(Duration.ofMinutes(30));
        Instant to = start.plus(Duration.ofMinutes(90));
        var range = new SearchQuery(null, Map.of("kind", "alarm"), from, to, "raisedAt", false, 0, 50);

        assertThat(search.search(range).hits())
                .extracting(h -> h.alarm().alarmId())
                .containsExactly(calls.get(1), calls.get(2));
    }

    @Test
    void an_export_walks_every_match_in_order_past_one_chunk() {
        var changes = sorted(Map.of("type", "config-change"), "time", false, 0, 1);
        var sequences = new ArrayList<Long>();
        try (var cursor = search.export(changes)) {
            for (var chunk = cursor.next(); !chunk.isEmpty(); chunk = cursor.next()) {
                chunk.forEach(h -> sequences.add(h.sequence()));
            }
        }
        assertThat(sequences).hasSize(1_101).isSorted().doesNotHaveDuplicates();
        assertThat(search.count(changes)).isEqualTo(1_101);
    }

    @Test
    void reports_read_histories_by_site_time_ward_zone_and_type() {
        var histories = new IndexedHistories(index);
        var day = HistoryFilter.of(AlarmScript.SITE, start, start.plus(Duration.ofDays(1)));

        assertThat(collect(histories, day)).hasSize(8);
        assertThat(collect(
                        histories,
                        new HistoryFilter(
                                AlarmScript.SITE, start, start.plus(Duration.ofDays(1)), "ward-1", "zone-b", Set.of())))
                .hasSize(3)
                .allSatisfy(h -> assertThat(h.roomId()).isEqualTo("205"));
        assertThat(collect(histories, day.types(Set.of(AlarmType.FALL, AlarmType.BED_EXIT))))
                .hasSize(4);
        assertThat(collect(histories, HistoryFilter.of(AlarmScript.SITE, start, start.plusSeconds(1))))
                .singleElement()
                .satisfies(h -> assertThat(h.alarmId()).isEqualTo(calls.getFirst()));
        assertThat(collect(histories, HistoryFilter.of("site-2", start, start.plus(Duration.ofDays(1)))))
                .isEmpty();
    }

    private static List<AlarmHistory> collect(IndexedHistories histories, HistoryFilter filter) {
        var out = new ArrayList<AlarmHistory>();
        histories.forEach(filter, out::add);
        return out;
    }
}
