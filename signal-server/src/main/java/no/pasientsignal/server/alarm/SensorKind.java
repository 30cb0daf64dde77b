package no.pasientsignal.server.alarm;

/** What a sensor reports. Sensors report facts; whether a fact is an alarm is the care plan's call. */
public enum SensorKind {
    BED_EXIT,
    BED_ENTER,
    DOOR_OPEN,
    MOTION,
    FALL,
    SMOKE,
    WET,
    SEIZURE
}
