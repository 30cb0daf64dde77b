package no.pasientsignal.server.routing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.alarm.Placement;

/**
 * A test ward: zones A (rooms 201-204) and B (205-208). Day: Kari (primary) and Ola cover A, Per
 * (primary) covers B, Lise leads. Night: A and B merge; Nina (primary) covers both, Nora leads.
 */
public final class Ward {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    public static final String WARD = "ward-1";

    public static final Placement ROOM_201_BED = new Placement("201", "Rom 201", "zone-a", WARD, "BED");
    public static final Placement ROOM_201_BATHROOM = new Placement("201", "Rom 201", "zone-a", WARD, "BATHROOM");
    public static final Placement ROOM_205_BED = new Placement("205", "Rom 205", "zone-b", WARD, "BED");

    private Ward() {}

    public static Roster roster() {
        return new Roster(
                ShiftPlan.dayEveningNight(OSLO),
                List.of(
                        new Assignment("day", "kari", WARD, Set.of("zone-a"), true, false),
                        new Assignment("day", "ola", WARD, Set.of("zone-a"), false, false),
                        new Assignment("day", "per", WARD, Set.of("zone-b"), true, false),
                        new Assignment("day", "lise", WARD, Set.of("zone-a", "zone-b"), false, true),
                        new Assignment("night", "nina", WARD, Set.of("zone-a"), true, false),
                        new Assignment("night", "nora", WARD, Set.of("zone-b"), false, true)),
                Map.of("night", List.of(Set.of("zone-a", "zone-b"))),
                Set.of(),
                "responssenter");
    }
}
