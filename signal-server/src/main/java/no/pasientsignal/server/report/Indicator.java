package no.pasientsignal.server.report;

/**
 * A result indicator for benefit follow-up (the national programme's "resultatindikator"). Counts
 * are normalised per 30 days so periods of different length compare; times and shares are not.
 */
public enum Indicator {
    /** Fall alarms staff did not resolve as not actionable (as in {@link FallCounts}). */
    FALLS(Unit.COUNT, true),
    /** Every fall alarm raised, false ones included. */
    FALL_ALARMS(Unit.COUNT, true),
    /** Presence marked in a room during the night shift: a physical visit at night. */
    NIGHT_VISITS(Unit.COUNT, true),
    /** Active calls raised (call button, pull cord, bathroom, staff assist, emergency). */
    CALLS(Unit.COUNT, true),
    /** Passive alerts raised (sensor alerts from care-plan rules). */
    PASSIVE_ALERTS(Unit.COUNT, true),
    /** Median (nearest rank) of raised to first acceptance, calls and passive alerts. */
    MEDIAN_SECONDS_TO_ACCEPT(Unit.SECONDS, true),
    /** 90th percentile (nearest rank) of raised to first acceptance, calls and passive alerts. */
    P90_SECONDS_TO_ACCEPT(Unit.SECONDS, true),
    /** Passive alerts resolved as not actionable, of those staff resolved (as in {@link Fatigue}). */
    NOT_ACTIONABLE_SHARE(Unit.SHARE, true),
    /** Digital supervisions (camera or sensor look-ins): not in the audit trail yet. */
    DIGITAL_SUPERVISIONS(Unit.COUNT, false);

    /** What a figure is measured in. */
    public enum Unit {
        COUNT,
        SECONDS,
        SHARE
    }

    private final Unit unit;
    private final boolean recorded;

    Indicator(Unit unit, boolean recorded) {
        this.unit = unit;
        this.recorded = recorded;
    }

    public Unit unit() {
        return unit;
    }

    /** Counts are normalised per 30 days and compared per 30 days; times and shares as they are. */
    public boolean normalised() {
        return unit == Unit.COUNT;
    }

    /** Whether the audit trail records it yet; if not, a period read from the log has no figure. */
    public boolean recordedInLog() {
        return recorded;
    }
}
