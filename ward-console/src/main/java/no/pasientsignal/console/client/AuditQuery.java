package no.pasientsignal.console.client;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search of the audit trail as the quality lead asks it: full text, exact filters, a time range and a sort. The
 * same query serves the page ({@code GET /api/audit/search}) and the CSV export ({@code GET /api/audit/search.csv}),
 * so the file holds exactly what the screen counted.
 *
 * @param text full text (Lucene syntax or plain words); blank: everything
 * @param filters exact values of {@link #FILTERS}; blank values are left out
 * @param from at or after, or null
 * @param to before, or null
 * @param sort one of the server's sort fields; null: by time
 * @param descending newest (longest, largest) first
 */
public record AuditQuery(
        String text,
        Map<String, String> filters,
        OffsetDateTime from,
        OffsetDateTime to,
        String sort,
        boolean descending) {

    /** The fields the server filters on exactly, in the order its API lists them. */
    public static final List<String> FILTERS =
            List.of("site", "ward", "zone", "room", "type", "priority", "outcome", "actor", "resident", "kind");

    public AuditQuery {
        var kept = new LinkedHashMap<String, String>();
        if (filters != null) {
            filters.forEach((field, value) -> {
                if (!FILTERS.contains(field)) {
                    throw new IllegalArgumentException(field + " is not a filter of the audit search");
                }
                if (value != null && !value.isBlank()) {
                    kept.put(field, value.strip());
                }
            });
        }
        filters = Map.copyOf(kept);
        text = text == null ? "" : text.strip();
    }

    /** Everything, newest first. */
    public static AuditQuery everything() {
        return new AuditQuery("", Map.of(), null, null, null, true);
    }

    /** The query string for the search and the export (without paging). */
    public Query toQuery() {
        Query query = Query.none().and("q", text);
        for (String field : FILTERS) {
            query = query.and(field, filters.get(field));
        }
        return query.and("from", from == null ? null : from.toString())
                .and("to", to == null ? null : to.toString())
                .and("sort", sort)
                .and("order", descending ? "desc" : "asc");
    }
}
