package no.pasientsignal.server.facility;

import java.util.Locale;

/**
 * Where in a room a device sits: the facility store, care needs and the protection view all use
 * this one list, and the database stores its names (a CHECK constraint in V1 lists the same).
 */
public enum LocationKind {
    BED,
    BATHROOM,
    DOOR,
    CORRIDOR;

    /** Lower case for sentences staff read: "bed", "bathroom". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
