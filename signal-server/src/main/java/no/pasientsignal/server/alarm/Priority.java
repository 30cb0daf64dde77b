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

    /**
     * Emergency and high-priority alarms are never dropped by chatter limits: a real bed exit
     * during a burst must reach staff. (A burst while the alarm is open only counts repeats on it,
     * so staff are not flooded either way.)
     */
    public boolean neverSuppressed() {
        return this == EMERGENCY || this == HIGH;
    }

    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
