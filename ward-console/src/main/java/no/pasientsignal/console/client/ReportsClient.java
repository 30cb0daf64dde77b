package no.pasientsignal.console.client;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The report API for quality leads and administrators: falls, response times and benefit follow-up, each as JSON and
 * as the server's own CSV (so the file matches the screen to the digit). While the audit trail cannot be read whole
 * the server answers 503 with a sentence ({@link SignalServerException.Reason#UNAVAILABLE}).
 */
public final class ReportsClient {

    private static final String CSV = "text/csv";

    private final ApiClient api;

    public ReportsClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Falls {@code by} month, week or hour, {@code per} ward, room or resident. */
    public FallReport falls(String site, LocalDate from, LocalDate to, String by, String per, AccessToken token) {
        return api.get("/api/reports/falls", fallQuery(site, from, to, by, per), token, FallReport.class);
    }

    public byte[] fallsCsv(String site, LocalDate from, LocalDate to, String by, String per, AccessToken token) {
        return api.getBytes("/api/reports/falls.csv", fallQuery(site, from, to, by, per), token, CSV);
    }

    /** Response-time percentiles {@code by} shift, zone or priority. */
    public ResponseTimeReport responseTimes(String site, LocalDate from, LocalDate to, String by, AccessToken token) {
        return api.get(
                "/api/reports/response-times", period(site, from, to).and("by", by), token, ResponseTimeReport.class);
    }

    public byte[] responseTimesCsv(String site, LocalDate from, LocalDate to, String by, AccessToken token) {
        return api.getBytes(
                "/api/reports/response-times.csv", period(site, from, to).and("by", by), token, CSV);
    }

    public BenefitResult benefit(BenefitRequest request, AccessToken token) {
        return api.post("/api/reports/benefit", token, request, BenefitResult.class);
    }

    public byte[] benefitCsv(BenefitRequest request, AccessToken token) {
        return api.postBytes("/api/reports/benefit.csv", token, request, CSV);
    }

    private static Query fallQuery(String site, LocalDate from, LocalDate to, String by, String per) {
        return period(site, from, to).and("by", by).and("per", per);
    }

    private static Query period(String site, LocalDate from, LocalDate to) {
        return Query.none().and("site", site).and("from", from).and("to", to);
    }
}
