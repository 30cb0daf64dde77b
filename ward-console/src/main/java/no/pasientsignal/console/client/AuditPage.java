package no.pasientsignal.console.client;

import java.util.List;
import java.util.Map;

/**
 * A page of the audit search: the hits, how many match in all, and the facet counts of all matches.
 *
 * @param facets per field (site, ward, zone, type, priority, outcome), the values with their counts, most first
 * @param complete false while the index is being filled from the journal: older records may be missing
 */
public record AuditPage(
        long total, int page, int size, List<AuditHit> hits, Map<String, List<FacetCount>> facets, boolean complete) {

    public AuditPage {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** One value of a facet and how many matches have it. */
    public record FacetCount(String value, long count) {}

    /** The counts of one facet field, empty when none. */
    public List<FacetCount> facet(String field) {
        List<FacetCount> counts = facets.get(field);
        return counts == null ? List.of() : counts;
    }

    /** The number of pages of {@code size} hits, at least 1. */
    public int pages() {
        return size <= 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
    }
}
