package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.QUALITY_LEAD;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.search.AuditIndex;
import no.pasientsignal.server.search.AuditSearch;
import no.pasientsignal.server.search.SearchHit;
import no.pasientsignal.server.search.SearchQuery;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Searching the audit trail, for quality leads and administrators (other roles are refused: the
 * trail says who was where and when).
 *
 * <ul>
 *   <li>{@code GET /api/audit/search}: full text ({@code q}, Lucene syntax or plain words), exact
 *       filters, a time range, facet counts, a sorted page of hits.
 *   <li>{@code GET /api/audit/search.csv}: every match of the same query as CSV, streamed.
 *   <li>{@code GET /api/audit/index}: the index's state and rebuild progress; {@code POST
 *       /api/audit/index/rebuild} (administrators) rebuilds it from the journal.
 * </ul>
 *
 * Every search and export is journaled (who, the query, the hit count) before it is answered; if
 * the journal cannot take the entry the answer is 503 and no results leave the server.
 */
@Controller("/api/audit")
@Secured({QUALITY_LEAD, ADMINISTRATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit search")
public class AuditSearchController {

    private final AuditSearch search;
    private final AuditIndex index;
    private final AuditTrail audit;

    public AuditSearchController(AuditSearch search, AuditIndex index, AuditTrail audit) {
        this.search = search;
        this.index = index;
        this.audit = audit;
    }

    @Get("/search")
    @Operation(summary = "Search the audit trail: hits, total and facet counts")
    public HttpResponse<?> search(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String ward,
            @Nullable @QueryValue String zone,
            @Nullable @QueryValue String room,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String priority,
            @Nullable @QueryValue String outcome,
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue String resident,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String sort,
            @Nullable @QueryValue String order,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            Authentication authentication) {
        SearchQuery query;
        AuditSearch.Result result;
        try {
            query = query(
                    q,
                    filters(site, ward, zone, room, type, priority, outcome, actor, resident, kind),
                    from,
                    to,
                    sort,
                    order,
                    page == null ? 0 : page,
                    size == null ? 50 : size);
            result = search.search(query);
        } catch (SearchQuery.InvalidSearch refused) {
            return HttpResponse.badRequest(new ApiError(refused.getMessage()));
        }
        audited("audit.search", authentication, query, result.total());
        return HttpResponse.ok(AuditDtos.SearchResultDto.of(
                result, query.page(), query.size(), index.status().complete()));
    }

    @Get(
            value = "/search.csv",
            produces = {"text/csv", MediaType.APPLICATION_JSON}) // errors are JSON
    @Operation(summary = "Every match of a search as CSV (UTF-8, header row), streamed")
    public HttpResponse<?> export(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String ward,
            @Nullable @QueryValue String zone,
            @Nullable @QueryValue String room,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String priority,
            @Nullable @QueryValue String outcome,
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue String resident,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String sort,
            @Nullable @QueryValue String order,
            Authentication authentication) {
        SearchQuery query;
        long count;
        try {
            query = query(
                    q,
                    filters(site, ward, zone, room, type, priority, outcome, actor, resident, kind),
                    from,
                    to,
                    sort,
                    order,
                    0,
                    1);
            count = search.count(query);
        } catch (SearchQuery.InvalidSearch refused) {
            return HttpResponse.badRequest(new ApiError(refused.getMessage()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        try {
            audited("audit.export", authentication, query, count);
        } catch (Refusal unaudited) { // answered here: this endpoint's errors are JSON, not CSV
            return HttpResponse.status(unaudited.status())
                    .body(new ApiError(unaudited.getMessage()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        // The cursor holds one point-in-time searcher from the first row to the last.
        Flux<byte[]> rows = Flux.using(
                () -> search.export(query),
                cursor -> Flux.<List<SearchHit>>generate(sink -> {
                            List<SearchHit> next = cursor.next();
                            if (next.isEmpty()) {
                                sink.complete();
                            } else {
                                sink.next(next);
                            }
                        })
                        .map(AuditSearchController::csv),
                AuditSearch.Cursor::close);
        Flux<byte[]> body = Flux.concat(Flux.just(AuditCsv.header().getBytes(StandardCharsets.UTF_8)), rows)
                .subscribeOn(Schedulers.boundedElastic());
        return HttpResponse.ok(body)
                .contentType(new MediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-search.csv\"");
    }

    @Get("/index")
    @Operation(summary = "The search index: state, how far it has read the journal, rebuild progress")
    public AuditDtos.IndexStatusDto indexStatus() {
        return AuditDtos.IndexStatusDto.of(index.status());
    }

    @Post("/index/rebuild")
    @Secured(ADMINISTRATOR)
    @Operation(summary = "Rebuild the search index from the journal (searches keep working meanwhile)")
    public HttpResponse<?> rebuild(Authentication authentication) {
        try {
            audit.await(audit.record(authentication.getName(), "audit.index.rebuild", null, null, Map.of()));
        } catch (NotRecorded e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("not rebuilt: the request could not be recorded in the audit journal"));
        }
        if (!index.rebuild("requested by " + authentication.getName())) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ApiError("a rebuild is already running; follow it at GET /api/audit/index"));
        }
        return HttpResponse.accepted().body(AuditDtos.IndexStatusDto.of(index.status()));
    }

    private static byte[] csv(List<SearchHit> hits) {
        var out = new StringBuilder(hits.size() * 256);
        hits.forEach(h -> out.append(AuditCsv.row(AuditDtos.HitDto.of(h))));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> filters(String... values) {
        var filters = new LinkedHashMap<String, String>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                filters.put(SearchQuery.FILTERS.get(i), values[i].strip());
            }
        }
        return filters;
    }

    private static SearchQuery query(
            String q,
            Map<String, String> filters,
            String from,
            String to,
            String sort,
            String order,
            int page,
            int size) {
        boolean descending;
        if (order == null || order.equalsIgnoreCase("desc")) {
            descending = true;
        } else if (order.equalsIgnoreCase("asc")) {
            descending = false;
        } else {
            throw new SearchQuery.InvalidSearch("order must be asc or desc.");
        }
        return new SearchQuery(q, filters, time("from", from), time("to", to), sort, descending, page, size);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new SearchQuery.InvalidSearch(
                    name
                            + " must be an ISO-8601 time with its offset, such as 2026-03-01T00:00:00+01:00 or 2026-03-01T00:00:00Z.");
        }
    }

    /** Journals the search (who, every parameter, the hit count); false if the journal refused it. */
    private void audited(String action, Authentication who, SearchQuery query, long hits) {
        var details = new LinkedHashMap<String, String>();
        if (query.text() != null && !query.text().isBlank()) {
            details.put("q", query.text());
        }
        details.putAll(query.filters());
        if (query.from() != null) {
            details.put("from", query.from().toString());
        }
        if (query.to() != null) {
            details.put("to", query.to().toString());
        }
        details.put("sort", query.sort());
        details.put("order", query.descending() ? "desc" : "asc");
        if (action.equals("audit.search")) {
            details.put("page", Integer.toString(query.page()));
            details.put("size", Integer.toString(query.size()));
        }
        details.put("hits", Long.toString(hits));
        audit.searched(who.getName(), action, query.filters().get("site"), details, "the search gave no results");
    }
}
