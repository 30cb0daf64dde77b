package no.pasientsignal.server.alarm;

import java.time.Duration;
import java.util.Objects;

/**
 * One passive rule of a care plan: what to watch for, when, and (for timed rules) how long.
 *
 * @param threshold how long out of bed (OUT_OF_BED_TOO_LONG) or without movement (INACTIVITY);
 *     null for the other kinds
 */
public record PassiveRule(Kind kind, TimeWindow window, Duration threshold) {

    public enum Kind {
        BED_EXIT(AlarmType.BED_EXIT),
        OUT_OF_BED_TOO_LONG(AlarmType.OUT_OF_BED_TOO_LONG),
        DOOR_OPENED(AlarmType.DOOR_OPENED_AT_NIGHT),
        INACTIVITY(AlarmType.INACTIVITY),
        FALL(AlarmType.FALL),
        INCONTINENCE(AlarmType.INCONTINENCE),
        EPILEPSY(AlarmType.EPILEPSY);

        private final AlarmType raises;

        Kind(AlarmType raises) {
            this.raises = raises;
        }

        public AlarmType raises() {
            return raises;
        }

        public boolean timed() {
            return this == OUT_OF_BED_TOO_LONG || this == INACTIVITY;
        }
    }

    public PassiveRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (kind.timed() && (threshold == null || threshold.isNegative() || threshold.isZero())) {
            throw new IllegalArgumentException(kind + " needs a positive threshold");
        }
        if (!kind.timed() && threshold != null) {
            throw new IllegalArgumentException(kind + " takes no threshold");
        }
    }
}
