package no.pasientsignal.server.persistence;

/** A device's life cycle. Stored by name; the schema checks the same list. */
public enum DeviceState {
    /** Known (certificate issued or serial entered) but not yet in service. */
    REGISTERED,
    /** In service. */
    ACTIVE,
    /** Taken out of service because another device took its place. */
    REPLACED,
    /** Taken out of service for good. */
    DECOMMISSIONED
}
