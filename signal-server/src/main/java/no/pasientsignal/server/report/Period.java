package no.pasientsignal.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A report period: whole local days from {@code from} to {@code to}, both inclusive, in the site's
 * time zone. Quality leads think in calendar days ("January", "weeks 10-12"), and a day is a day
 * even when daylight saving makes it 23 or 25 hours long.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Midnight starting {@code from}, local to {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Midnight ending {@code to} (exclusive), local to {@code zone}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Calendar days in the period: what counts are normalised by. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public HistoryFilter filter(String siteId, ZoneId zone) {
        return HistoryFilter.of(siteId, start(zone), end(zone));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
