package no.pasientsignal.server.api;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.JournalException;

/**
 * Every report is a search of the audit trail and is journaled before it is answered: a report
 * that cannot be recorded is not given (503), so nobody reads the trail without a trace.
 */
final class ReportAudit {

    /** Group commit fsyncs within milliseconds; this long means the disk is in trouble. */
    private static final long WAIT_SECONDS = 10;

    private final AuditLog log;

    ReportAudit(AuditLog log) {
        this.log = log;
    }

    void record(String user, String report, String siteId, Map<String, String> params) {
        var entry = new AuditLog.Entry(user, "report." + report, siteId, null, params);
        try {
            log.record(AuditLog.SEARCH, entry).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | JournalException e) {
            throw Refusal.unavailable(
                    "the report was not run because it could not be recorded in the audit journal; the disk needs attention");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable("the report was interrupted before it was recorded in the audit journal");
        }
    }
}
