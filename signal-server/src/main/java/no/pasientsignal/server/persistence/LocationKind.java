package no.pasientsignal.server.persistence;

/** Where in a room a device sits. Stored by name; the schema checks the same list. */
public enum LocationKind {
    BED,
    BATHROOM,
    DOOR,
    CORRIDOR
}
