package no.pasientsignal.server.alarm;

/** Where an alarm is in its life. RESOLVED and CANCELLED are final. */
public enum AlarmState {
    /** Recorded; nobody has been reached yet (or nobody could be). */
    RAISED,
    /** Delivered to at least one recipient. */
    NOTIFIED,
    /** A carer said "I'm going": escalation stops, the return timer starts. */
    ACCEPTED,
    /** Staff presence is marked in the room. */
    PRESENT,
    /** Staff closed it. */
    RESOLVED,
    /** Cancelled at the source (the resident or carer at the device). */
    CANCELLED;

    public boolean isOpen() {
        return this != RESOLVED && this != CANCELLED;
    }

    /** Still waiting for someone to take it: escalation runs only in these states. */
    public boolean awaitsResponse() {
        return this == RAISED || this == NOTIFIED;
    }
}
