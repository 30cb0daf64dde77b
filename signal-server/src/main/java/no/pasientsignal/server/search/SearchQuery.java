package no.pasientsignal.server.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search of the audit trail as a quality lead asks it.
 *
 * @param text full text, in Lucene query syntax or plain words (all must match); blank: everything
 * @param filters exact values of the fields in {@link #FILTERS}
 * @param from recorded (an entry) or raised (an alarm) at or after, or null
 * @param to before, or null
 * @param sort one of {@link #SORTS}
 * @param descending newest, longest or largest first
 * @param page from 0
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 */
public record SearchQuery(
        String text,
        Map<String, String> filters,
        Instant from,
        Instant to,
        String sort,
        boolean descending,
        int page,
        int size) {

    public static final List<String> FILTERS = List.of(
            IndexSchema.SITE,
            IndexSchema.WARD,
            IndexSchema.ZONE,
            IndexSchema.ROOM,
            IndexSchema.TYPE,
            IndexSchema.PRIORITY,
            IndexSchema.OUTCOME,
            IndexSchema.ACTOR,
            IndexSchema.RESIDENT,
            IndexSchema.KIND);

    public static final List<String> SORTS = List.of(
            IndexSchema.TIME,
            IndexSchema.RAISED_AT,
            IndexSchema.NOTIFIED_AT,
            IndexSchema.ACCEPTED_AT,
            IndexSchema.PRESENT_AT,
            IndexSchema.CLOSED_AT,
            IndexSchema.TIME_TO_NOTIFY,
            IndexSchema.TIME_TO_ACCEPT,
            IndexSchema.TIME_TO_PRESENT,
            IndexSchema.TIME_TO_CLOSE,
            IndexSchema.PRIORITY,
            IndexSchema.RETURNS,
            IndexSchema.REPEATS,
            IndexSchema.ESCALATIONS,
            IndexSchema.SITE,
            IndexSchema.WARD,
            IndexSchema.ZONE,
            IndexSchema.ROOM,
            IndexSchema.TYPE,
            IndexSchema.OUTCOME);

    public static final int MAX_SIZE = 200;
    /** Pages beyond this many hits are refused: the CSV export streams any number. */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        filters = filters == null ? Map.of() : new LinkedHashMap<>(filters);
        sort = sort == null ? IndexSchema.TIME : sort;
        for (String field : filters.keySet()) {
            if (!FILTERS.contains(field)) {
                throw new InvalidSearch(field + " cannot be filtered on; use one of " + FILTERS + ".");
            }
        }
        if (!SORTS.contains(sort)) {
            throw new InvalidSearch("sort must be one of " + SORTS + ".");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidSearch("from must be before to.");
        }
        if (page < 0) {
            throw new InvalidSearch("page starts at 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearch("size must be from 1 to " + MAX_SIZE + ".");
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new InvalidSearch("pages go to hit " + MAX_WINDOW + "; narrow the search or export it as CSV.");
        }
    }

    /** A search refused before it ran, with the plain sentence that says why. */
    public static final class InvalidSearch extends RuntimeException {
        public InvalidSearch(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
