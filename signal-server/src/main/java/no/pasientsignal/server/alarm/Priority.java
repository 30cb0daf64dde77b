package no.pasientsignal.server.alarm;

/** How urgent an alarm is. Lower ordinal = more urgent; the board sorts by it. */
public enum Priority {
    /** Life at risk: emergency/code, staff assist, fall, smoke, seizure. Never rate-limited. */
    EMERGENCY,
    /** Needs someone now: bathroom call, pull cord, bed exit at night, door at night. */
    HIGH,
    /** An ordinary call from the resident. */
    NORMAL,
    /** Can wait for the next round: incontinence, technical. */
    LOW;

    /** High-priority alarms are never suppressed, merged away or delayed by chatter limits. */
    public boolean neverSuppressed() {
        return this == EMERGENCY;
    }

    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
