package no.pasientsignal.server.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The port over lists, honouring the filter the way the index must. */
final class InMemoryHistories implements AlarmHistories {

    private final List<AlarmHistory> histories = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    final List<HistoryFilter> asked = new ArrayList<>();

    InMemoryHistories add(HistoryBuilder... builders) {
        for (HistoryBuilder b : builders) {
            histories.add(b.build());
        }
        return this;
    }

    InMemoryHistories visit(String roomId, Instant at) {
        visits.add(new Visit(HistoryBuilder.SITE, roomId, "kari", at));
        return this;
    }

    @Override
    public void forEach(HistoryFilter filter, Consumer<AlarmHistory> sink) {
        asked.add(filter);
        // Reversed: reports must not depend on the order.
        histories.reversed().stream().filter(filter::matches).forEach(sink);
    }

    @Override
    public void forEachVisit(String siteId, Instant from, Instant to, Consumer<Visit> sink) {
        visits.stream()
                .filter(v -> v.siteId().equals(siteId) && !v.at().isBefore(from) && v.at().isBefore(to))
                .forEach(sink);
    }
}
