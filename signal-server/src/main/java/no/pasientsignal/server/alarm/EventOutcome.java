package no.pasientsignal.server.alarm;

/**
 * What the board did with a device event. Every outcome is a success from the device's point of
 * view (it may stop retransmitting); the distinction matters for logs, tests and statistics.
 */
public enum EventOutcome {
    /** A new call was raised. */
    RAISED,
    /** The room's call was cancelled. */
    CANCELLED,
    /** A cancel with no active call to cancel (e.g. pressed twice). */
    NOTHING_TO_CANCEL,
    /** The event id was seen before: a retransmission or re-send. Nothing changed. */
    DUPLICATE,
    /** Merged into the alarm already open for this room and type (counted as a repeat). */
    REPEATED,
    /** Dropped as chatter from a sensor over its limit (never for emergency-priority types). */
    SUPPRESSED,
    /** A cancel outside the bathroom while only a bathroom call is open: the call stays. */
    CANCEL_REFUSED_NOT_IN_BATHROOM,
    /** Staff presence was marked in the room. */
    PRESENCE_MARKED,
    /** Staff presence in the room was cleared. */
    PRESENCE_CLEARED,
    /** A sensor fact recorded; no care plan made it an alarm (outside its window, no consent, no rule). */
    RECORDED;
}
