package no.pasientsignal.server.report;

import java.time.Instant;
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
}
