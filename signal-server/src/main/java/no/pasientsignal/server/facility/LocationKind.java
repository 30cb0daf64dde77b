package no.pasientsignal.server.facility;

import java.util.Locale;

/**
 * Where in a room a device sits, as care needs and the protection view name it. The database
 * stores the same names (see {@code persistence.LocationKind}, which mirrors this list for the
 * facility store).
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
