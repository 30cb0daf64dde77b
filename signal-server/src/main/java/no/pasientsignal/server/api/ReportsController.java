package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.QUALITY_LEAD;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.report.AlarmHistories;
import no.pasientsignal.server.report.BenefitReport;
import no.pasientsignal.server.report.BenefitRequest;
import no.pasientsignal.server.report.FallCounts;
import no.pasientsignal.server.report.Period;
import no.pasientsignal.server.report.Reports;
import no.pasientsignal.server.report.ResponseTimes;
import no.pasientsignal.server.report.Table;
import no.pasientsignal.server.routing.RoutingTables;

/**
 * Reports for quality leads (and administrators), from the audit trail: falls, response times,
 * clearance, alarm load, alarm fatigue and benefit follow-up; see docs/reports.md for what each
 * figure counts. Periods are local dates in the site's time zone, both inclusive. Each answer is
 * JSON, or CSV for a path ending in {@code .csv} or {@code Accept: text/csv}. Every request is
 * journaled (who, which report, which parameters) before it is answered; if the journal cannot
 * take it the answer is 503 and no report. Residents appear only by pseudonym.
 *
 * <p>Only present once something provides {@link AlarmHistories} (the search index).
 */
@Controller("/api/reports")
@Requires(beans = AlarmHistories.class)
@Secured({QUALITY_LEAD, ADMINISTRATOR})
@ExecuteOn(TaskExecutors.BLOCKING) // reads the index and waits for the journal
@Tag(name = "Reports")
public class ReportsController {

    static final String CSV = "text/csv";

    private final AlarmHistories histories;
    private final Reports reports;
    private final RoutingTables routing;
    private final JdbcFacilityStore facility;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportsController(
            AlarmHistories histories,
            RoutingTables routing,
            JdbcFacilityStore facility,
            AuditTrail audit,
            Clock clock) {
        this.histories = histories;
        this.reports = new Reports(histories, routing);
        this.routing = routing;
        this.facility = facility;
        this.audit = audit;
        this.clock = clock;
    }

    /** Falls {@code by} month, week or hour, {@code per} ward, room or resident. */
    @Get(uris = {"/falls", "/falls.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> falls(
            HttpRequest<?> request,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String by,
            @Nullable @QueryValue String per,
            Authentication authentication) {
        String siteId = knownSite(site);
        Period period = ReportParams.period(from, to);
        var byBucket = ReportParams.choice("by", by, FallCounts.By.class, FallCounts.By.MONTH);
        var perGroup = ReportParams.choice("per", per, FallCounts.Per.class, FallCounts.Per.WARD);
        audit(authentication, "falls", siteId, request, period, "by", byBucket.name(), "per", perGroup.name());
        FallCounts falls = reports.falls(siteId, period, byBucket, perGroup);
        return answer(request, "falls", falls, falls::table);
    }

    /** Raised to accepted, present and closed, as percentiles {@code by} shift, zone or priority. */
    @Get(uris = {"/response-times", "/response-times.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> responseTimes(
            HttpRequest<?> request,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String by,
            Authentication authentication) {
        String siteId = knownSite(site);
        Period period = ReportParams.period(from, to);
        var groups = ReportParams.choice("by", by, ResponseTimes.By.class, ResponseTimes.By.SHIFT);
        audit(authentication, "response-times", siteId, request, period, "by", groups.name());
        ResponseTimes times = reports.responseTimes(siteId, period, groups);
        return answer(request, "response-times", times, times::table);
    }

    /** Calls cleared without presence and re-raised calls, per ward, per zone and in total. */
    @Get(uris = {"/clearance", "/clearance.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> clearance(
            HttpRequest<?> request,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            Authentication authentication) {
        String siteId = knownSite(site);
        Period period = ReportParams.period(from, to);
        audit(authentication, "clearance", siteId, request, period);
        var clearance = reports.clearance(siteId, period);
        return answer(request, "clearance", clearance, clearance::table);
    }

    /** Alarms per night (by kind) and per staff member. */
    @Get(uris = {"/load", "/load.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> load(
            HttpRequest<?> request,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            Authentication authentication) {
        String siteId = knownSite(site);
        Period period = ReportParams.period(from, to);
        audit(authentication, "load", siteId, request, period);
        var load = reports.load(siteId, period);
        return answer(request, "load", load, load::table);
    }

    /** Passive alerts resolved as not actionable, per type, per ward and in total. */
    @Get(uris = {"/fatigue", "/fatigue.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> fatigue(
            HttpRequest<?> request,
            @Nullable @QueryValue String site,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            Authentication authentication) {
        String siteId = knownSite(site);
        Period period = ReportParams.period(from, to);
        audit(authentication, "fatigue", siteId, request, period);
        var fatigue = reports.fatigue(siteId, period);
        return answer(request, "fatigue", fatigue, fatigue::table);
    }

    /** Chosen indicators for a baseline (typed in or from the log) and follow-up periods. */
    @Post(uris = {"/benefit", "/benefit.csv"})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public HttpResponse<?> benefit(
            HttpRequest<?> request, @Body @Nullable ReportParams.BenefitBody body, Authentication authentication) {
        if (body == null) {
            throw Refusal.badRequest("body", "is required: site, indicators, baseline and followUps");
        }
        String siteId = knownSite(body.site());
        LocalDate today = LocalDate.now(clock.withZone(routing.forSite(siteId).zone()));
        BenefitRequest benefit = ReportParams.benefit(body, today);
        var params = new LinkedHashMap<>(ReportParams.describe(benefit));
        params.put("format", csv(request) ? "csv" : "json");
        audit.searched(authentication.getName(), "report.benefit", siteId, params, "the report was not run");
        BenefitReport report = reports.benefit(benefit);
        return answer(request, "benefit", report, report::table);
    }

    /** The site asked for, once it is known that it exists and that the trail can be read whole. */
    private String knownSite(String site) {
        String siteId = ReportParams.site(site);
        if (facility.findSite(siteId).isEmpty()) {
            throw Refusal.notFound("no site " + siteId);
        }
        histories.incomplete().ifPresent(why -> {
            throw Refusal.unavailable("reports are not given while " + why + "; try again when it is done");
        });
        return siteId;
    }

    private void audit(
            Authentication authentication,
            String report,
            String siteId,
            HttpRequest<?> request,
            Period period,
            String... more) {
        var params = new LinkedHashMap<String, String>();
        params.put("from", period.from().toString());
        params.put("to", period.to().toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        params.put("format", csv(request) ? "csv" : "json");
        audit.searched(authentication.getName(), "report." + report, siteId, params, "the report was not run");
    }

    private static boolean csv(HttpRequest<?> request) {
        return request.getPath().endsWith(".csv")
                || request.accept().stream().anyMatch(t -> CSV.equalsIgnoreCase(t.getName()));
    }

    private static HttpResponse<?> answer(HttpRequest<?> request, String name, Object report, Supplier<Table> table) {
        if (!csv(request)) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(table.get().csvBytes())
                .contentType(CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
    }
}
