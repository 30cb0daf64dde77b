package no.pasientsignal.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;

/**
 * A site's local time for reports: its time zone, which shift an instant falls in, and which night
 * it belongs to. Everything is read in local wall-clock time, so a night shift is 22:00-07:00 on
 * both sides of a daylight-saving change (and one hour shorter or longer in real time).
 */
public final class SiteCalendar {

    /** The night shift is the one covering this local time: a plan's names are free text. */
    static final LocalTime DEEP_NIGHT = LocalTime.of(3, 0);

    private final ShiftPlan plan;
    private final Shift night;

    public SiteCalendar(ShiftPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.night = plan.shifts().stream()
                .filter(s -> s.covers(DEEP_NIGHT))
                .findFirst()
                .orElseThrow();
    }

    public ZoneId zone() {
        return plan.zone();
    }

    public ShiftPlan plan() {
        return plan;
    }

    public Shift nightShift() {
        return night;
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(plan.zone());
    }

    public String shift(Instant instant) {
        return plan.at(instant).name();
    }

    public boolean atNight(Instant instant) {
        return night.covers(local(instant).toLocalTime());
    }

    /**
     * The night an instant belongs to, named by the local date the night shift started on (an
     * alarm at 02:00 on 5 March belongs to the night of 4 March), or empty outside the night shift.
     */
    public Optional<LocalDate> nightOf(Instant instant) {
        ZonedDateTime local = local(instant);
        if (!night.covers(local.toLocalTime())) {
            return Optional.empty();
        }
        boolean afterMidnight = wraps() && local.toLocalTime().isBefore(night.end());
        return Optional.of(afterMidnight ? local.toLocalDate().minusDays(1) : local.toLocalDate());
    }

    /** When the night of {@code date} starts (a time skipped by daylight saving moves forward). */
    public Instant nightStart(LocalDate date) {
        return date.atTime(night.start()).atZone(plan.zone()).toInstant();
    }

    /** When the night of {@code date} ends. */
    public Instant nightEnd(LocalDate date) {
        LocalDate endDate = wraps() ? date.plusDays(1) : date;
        return endDate.atTime(night.end()).atZone(plan.zone()).toInstant();
    }

    /** Calendar month, e.g. {@code 2026-03}. */
    public String month(Instant instant) {
        ZonedDateTime local = local(instant);
        return "%04d-%02d".formatted(local.getYear(), local.getMonthValue());
    }

    /** ISO 8601 week, e.g. {@code 2026-W09} (the week-based year: 29 Dec 2025 is 2026-W01). */
    public String isoWeek(Instant instant) {
        ZonedDateTime local = local(instant);
        return "%04d-W%02d"
                .formatted(local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Local hour of day, {@code 00} to {@code 23}. */
    public String hour(Instant instant) {
        return "%02d".formatted(local(instant).getHour());
    }

    private boolean wraps() {
        return night.end().isBefore(night.start());
    }
}
