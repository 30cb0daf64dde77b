package no.pasientsignal.server.api;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do over the API, into the audit journal ({@link AuditLog}): logins and every change
 * of configuration (facility, staff, residents, care plans, routing, devices).
 *
 * <p>A change is answered only once its entry is durable, so the API never reports a change done
 * without its record. If the journal cannot write it (disk full or failing) the change is already
 * made and in force, so {@link NotRecorded} answers 503 saying exactly that; the journal keeps the
 * entry and writes it when the disk recovers.
 *
 * <p>Logins are recorded but not waited for: staff must be able to log in while the disk is
 * failing, since calls are still routed to them.
 *
 * <p>Entries name staff by user name, residents by pseudonym and devices by id; never a password,
 * an enrolment secret or a resident's name.
 */
@Singleton
final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    /** Far above a group commit's few milliseconds; only a stuck disk takes this long. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /**
     * Appends a change without waiting: call it where the change is ordered (inside the lock that
     * serialises such changes), so the journal has them in the order they took effect; then
     * {@link #await} outside the lock.
     */
    CompletableFuture<Long> record(
            String actor, String action, String siteId, String subject, Map<String, String> details) {
        return log.record(AuditLog.CONFIG_CHANGE, new AuditLog.Entry(actor, action, siteId, subject, details));
    }

    /** Waits until an entry is durable; throws {@link NotRecorded} (503) when it could not be written. */
    void await(CompletableFuture<Long> entry) {
        try {
            entry.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JournalException) {
                throw new NotRecorded(cause.getMessage().replaceFirst("^journal write failed: ", ""));
            }
            throw new IllegalStateException("audit entry failed", cause);
        } catch (TimeoutException e) {
            throw new NotRecorded("the disk did not answer within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRecorded("interrupted while waiting for the disk");
        }
    }

    /** Records a change made and waits until the entry is durable (see {@link #await}). */
    void changed(String actor, String action, String siteId, String subject, Map<String, String> details) {
        await(record(actor, action, siteId, subject, details));
    }

    /**
     * A search or report over the audit trail, journaled and waited for before any result leaves
     * the server: nobody reads the trail without a trace. Refused with 503 when it cannot be
     * recorded ({@code what} says what was not given, e.g. "the report was not run").
     */
    void searched(String actor, String action, String siteId, Map<String, String> details, String what) {
        var entry = log.record(AuditLog.SEARCH, new AuditLog.Entry(actor, action, siteId, null, details));
        try {
            await(entry);
        } catch (NotRecorded e) {
            throw Refusal.unavailable(
                    what + " because it could not be recorded in the audit journal; the disk needs attention");
        }
    }

    /** A login attempt, by the user name given (never the password); not waited for. */
    void login(String username, boolean succeeded, String address) {
        var entry = new AuditLog.Entry(
                username, succeeded ? "login.succeeded" : "login.failed", null, username, details("address", address));
        log.record(AuditLog.LOGIN, entry).whenComplete((sequence, failure) -> {
            if (failure != null) {
                LOG.warn("Login of {} not yet in the audit journal: {}", username, failure.getMessage());
            }
        });
    }

    /** A logout; not waited for, like a login. */
    void logout(String username) {
        log.record(AuditLog.LOGIN, new AuditLog.Entry(username, "logout", null, username, Map.of()));
    }

    /** Details from key/value pairs, leaving out null values; values as text. */
    static Map<String, String> details(Object... keyValues) {
        var details = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                details.put(keyValues[i].toString(), keyValues[i + 1].toString());
            }
        }
        return details;
    }
}
