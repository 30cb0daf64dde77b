package no.pasientsignal.server.routing;

import java.util.Objects;
import java.util.Set;

/**
 * One staff member's duty in one shift: the ward, the zones they cover there, whether they are a
 * primary carer for those zones and whether they lead the shift.
 */
public record Assignment(
        String shift, String staff, String wardId, Set<String> zoneIds, boolean primary, boolean lead) {
    public Assignment {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(wardId, "wardId");
        zoneIds = Set.copyOf(zoneIds);
    }
}
