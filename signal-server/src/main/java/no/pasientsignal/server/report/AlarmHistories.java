package no.pasientsignal.server.report;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where reports read the audit trail from (the search index implements it). Both methods stream
 * in no particular order; reports must not depend on one.
 */
public interface AlarmHistories {

    /** Every alarm history matching the filter. */
    void forEach(HistoryFilter filter, Consumer<AlarmHistory> sink);

    /** Every physical visit (presence marked) in a site in {@code [from, to)}. */
    void forEachVisit(String siteId, Instant from, Instant to, Consumer<Visit> sink);

    /**
     * Why the histories miss part of the trail right now (an index being rebuilt from the journal
     * holds only the newest records), or empty when they are whole. A report must not be given
     * from an incomplete trail: last year's falls would read 0.
     */
    default Optional<String> incomplete() {
        return Optional.empty();
    }
}
