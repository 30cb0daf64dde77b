package no.pasientsignal.server.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.server.alarm.AlarmType;

/**
 * Which alarm histories a report reads: raised in {@code [from, to)}, of one site, optionally one
 * ward or zone, optionally only some types (empty: all types).
 */
public record HistoryFilter(
        String siteId, Instant from, Instant to, String wardId, String zoneId, Set<AlarmType> types) {
    public HistoryFilter {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        types = Set.copyOf(types);
    }

    public static HistoryFilter of(String siteId, Instant from, Instant to) {
        return new HistoryFilter(siteId, from, to, null, null, Set.of());
    }

    public HistoryFilter types(Set<AlarmType> only) {
        return new HistoryFilter(siteId, from, to, wardId, zoneId, only);
    }

    public boolean matches(AlarmHistory h) {
        return h.siteId().equals(siteId)
                && !h.raisedAt().isBefore(from)
                && h.raisedAt().isBefore(to)
                && (wardId == null || wardId.equals(h.wardId()))
                && (zoneId == null || zoneId.equals(h.zoneId()))
                && (types.isEmpty() || types.contains(h.type()));
    }
}
