package no.pasientsignal.console.board.service;

import java.util.Map;
import java.util.Set;

/**
 * Which rooms one viewer's board shows under "my zone" and under "whole ward".
 *
 * @param known whether the roster and the rooms could be read; when not, both views show every room and the board says
 *     it cannot tell the viewer's zone
 * @param onDuty whether the viewer covers a zone in the shift running now
 * @param myZones the zones the viewer covers now (merged zones included)
 * @param myWards the wards of those zones
 * @param roomZones the zone of every room the console knows (protection alerts name only the room)
 * @param zoneWards the ward of every zone the console knows
 * @param roomNames the display name of every room the console knows: the board shows each room of its scope as a tile,
 *     quiet ones too
 */
public record BoardScope(
        boolean known,
        boolean onDuty,
        Set<String> myZones,
        Set<String> myWards,
        Map<String, String> roomZones,
        Map<String, String> zoneWards,
        Map<String, String> roomNames) {

    /** Nothing is known: both views show every room. */
    public static final BoardScope UNKNOWN =
            new BoardScope(false, false, Set.of(), Set.of(), Map.of(), Map.of(), Map.of());

    public BoardScope {
        myZones = Set.copyOf(myZones);
        myWards = Set.copyOf(myWards);
        roomZones = Map.copyOf(roomZones);
        zoneWards = Map.copyOf(zoneWards);
        roomNames = Map.copyOf(roomNames);
    }

    /**
     * Whether a room belongs on the board. "My zone" is the zones the viewer covers now; "whole ward" is the wards of
     * those zones, or every ward when the viewer has no duty now (an administrator, or a nurse between shifts).
     *
     * @param roomId the room
     * @param zoneId the room's zone when the caller knows it (a call says), else null
     * @param wardId the room's ward when the caller knows it, else null
     * @param myZoneOnly "my zone" rather than "whole ward"
     */
    public boolean shows(String roomId, String zoneId, String wardId, boolean myZoneOnly) {
        if (!known) {
            return true;
        }
        String zone = zoneId != null ? zoneId : roomZones.get(roomId);
        if (myZoneOnly) {
            return zone != null && myZones.contains(zone);
        }
        if (!onDuty) {
            return true;
        }
        String ward = wardId != null ? wardId : zone == null ? null : zoneWards.get(zone);
        // a room added since the rooms were read: shown on the whole ward rather than hidden until the next reading
        return ward == null || myWards.contains(ward);
    }

    /** Whether the room was known when the scope was read (its zone is known). */
    public boolean knows(String roomId) {
        return !known || roomZones.containsKey(roomId);
    }
}
