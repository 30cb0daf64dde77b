package no.pasientsignal.console.board.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.BoardClient;
import no.pasientsignal.console.client.SignalServerException;

/**
 * Works out one viewer's {@link BoardScope}: which zones they cover now and which rooms those are.
 *
 * <p>The board's call stream is shared by the whole console process and opened with one user's token, so its
 * {@code forYou} flag describes that user, not the viewer. "My zone" is therefore worked out per viewer, with the
 * viewer's own token, from what the server routes alarms by: the site's shift plan and roster ({@code GET
 * /api/sites/{id}/routing/shifts} and {@code .../roster}) give the zones the viewer covers in the shift running now
 * ({@link ZoneCoverage}), and the facility tree (wards, zones, rooms) places protection alerts, which name only a
 * room, and lists every room, so quiet rooms get a tile too. Boards reload it every few minutes, so a shift change moves the board with it.
 */
public final class BoardScopeService {

    private final BoardClient client;
    private final Clock clock;

    public BoardScopeService(BoardClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the scope of {@code username} from the server, with their token. Blocks (several requests); call it off
     * the UI thread.
     *
     * @throws SignalServerException when the server cannot be read
     */
    public BoardScope scopeOf(String username, AccessToken token) {
        Set<String> myZones = new LinkedHashSet<>();
        Set<String> myWards = new LinkedHashSet<>();
        Map<String, String> roomZones = new HashMap<>();
        Map<String, String> zoneWards = new HashMap<>();
        Map<String, String> roomNames = new HashMap<>();
        for (BoardClient.Site site : client.sites(token)) {
            ZoneCoverage coverage = ZoneCoverage.of(
                    username, clock.instant(), client.shifts(site.id(), token), client.roster(site.id(), token));
            myZones.addAll(coverage.zoneIds());
            myWards.addAll(coverage.wardIds());
            for (BoardClient.Ward ward : client.wards(site.id(), token)) {
                for (BoardClient.Zone zone : client.zones(ward.id(), token)) {
                    zoneWards.put(zone.id(), ward.id());
                    for (BoardClient.Room room : client.rooms(zone.id(), token)) {
                        roomZones.put(room.id(), zone.id());
                        roomNames.put(room.id(), displayName(room));
                    }
                }
            }
        }
        return new BoardScope(true, !myZones.isEmpty(), myZones, myWards, roomZones, zoneWards, roomNames);
    }

    /** The room's name as calls carry it; its number when it has no name. */
    private static String displayName(BoardClient.Room room) {
        return room.name() == null || room.name().isBlank() ? room.number() : room.name();
    }
}
