package no.pasientsignal.server.alarm;

/** Where an alarm comes from: a person asking, a sensor on their behalf, or the system itself. */
public enum AlarmKind {
    /** Raised by a person: call button, pull cord, bathroom, staff assist, emergency. */
    CALL,
    /** Raised by a rule in a resident's care plan from sensor events. */
    PASSIVE,
    /** Raised by the system about itself: silent device, low battery, tamper. */
    TECHNICAL
}
