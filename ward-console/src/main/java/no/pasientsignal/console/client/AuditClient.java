package no.pasientsignal.console.client;

import java.util.Objects;

/**
 * The audit search API for quality leads and administrators (others get 403): a page of hits with facet counts, the
 * same search as CSV, and the index's state. Every search and export is journaled by the server.
 */
public final class AuditClient {

    /** The most hits the server gives in one page. */
    public static final int MAX_PAGE_SIZE = 200;

    private final ApiClient api;

    public AuditClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Page {@code page} (from 0) of {@code size} hits. */
    public AuditPage search(AuditQuery query, int page, int size, AccessToken token) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_PAGE_SIZE);
        }
        return api.get(
                "/api/audit/search", query.toQuery().and("page", page).and("size", size), token, AuditPage.class);
    }

    /** Every match of {@code query} as CSV (UTF-8, header row), in the query's order. */
    public byte[] exportCsv(AuditQuery query, AccessToken token) {
        return api.getBytes("/api/audit/search.csv", query.toQuery(), token, "text/csv");
    }

    public AuditIndexStatus indexStatus(AccessToken token) {
        return api.get("/api/audit/index", Query.none(), token, AuditIndexStatus.class);
    }
}
