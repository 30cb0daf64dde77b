package no.pasientsignal.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the live board asks of the signal server besides the call stream: the carer's answers to a call (accept,
 * silence, resolve), presence in a room, and the facts that say which rooms are the viewer's zone (sites, wards,
 * zones, rooms, the shift plan and the roster). Every method throws {@link SignalServerException} with the server's
 * own sentence when it refuses.
 */
public final class BoardClient {

    /** A site ({@code GET /api/sites}). */
    public record Site(String id, String name) {}

    /** A ward of a site ({@code GET /api/sites/{id}/wards}). */
    public record Ward(String id, String siteId, String name) {}

    /** A zone of a ward ({@code GET /api/wards/{id}/zones}). */
    public record Zone(String id, String wardId, String name) {}

    /** A room of a zone ({@code GET /api/zones/{id}/rooms}). */
    public record Room(String id, String zoneId, String number, String name) {}

    /** One shift, local times {@code HH:mm}; a night shift wraps midnight. */
    public record Shift(String name, String start, String end) {}

    /** The site's shift plan ({@code GET /api/sites/{id}/routing/shifts}). */
    public record Shifts(boolean configured, String timeZone, List<Shift> shifts) {
        public Shifts {
            shifts = shifts == null ? List.of() : List.copyOf(shifts);
        }
    }

    /** One staff member's duty in one shift. */
    public record Assignment(String shift, String staff, String wardId, List<String> zoneIds) {
        public Assignment {
            zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
        }
    }

    /** Zones that act as one in a shift (typically at night). */
    public record Merge(String shift, List<String> zoneIds) {
        public Merge {
            zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
        }
    }

    /** Who covers what, shift by shift ({@code GET /api/sites/{id}/routing/roster}). */
    public record Roster(List<Assignment> assignments, List<Merge> merges, List<String> absent) {
        public Roster {
            assignments = assignments == null ? List.of() : List.copyOf(assignments);
            merges = merges == null ? List.of() : List.copyOf(merges);
            absent = absent == null ? List.of() : List.copyOf(absent);
        }
    }

    private record PresenceRequest(boolean present) {}

    private record ResolveRequest(boolean notActionable) {}

    private final ApiClient api;

    public BoardClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** {@code POST /api/alarms/{id}/accept}: "I'm going"; the server stops escalating. */
    public ActiveCall accept(UUID callId, AccessToken token) {
        return api.post("/api/alarms/" + callId + "/accept", token, null, ActiveCall.class);
    }

    /** {@code POST /api/alarms/{id}/silence}: the sound is acknowledged; the call stays open and escalating. */
    public ActiveCall silence(UUID callId, AccessToken token) {
        return api.post("/api/alarms/" + callId + "/silence", token, null, ActiveCall.class);
    }

    /** {@code POST /api/alarms/{id}/resolve}: the carer has dealt with it. */
    public ActiveCall resolve(UUID callId, AccessToken token) {
        return api.post("/api/alarms/" + callId + "/resolve", token, new ResolveRequest(false), ActiveCall.class);
    }

    /** {@code POST /api/rooms/{roomId}/presence}: marks ({@code true}) or clears the caller's presence in a room. */
    public void presence(String roomId, boolean present, AccessToken token) {
        api.post("/api/rooms/" + segment(roomId) + "/presence", token, new PresenceRequest(present), Void.class);
    }

    public List<Site> sites(AccessToken token) {
        return api.getList("/api/sites", Query.none(), token, Site.class);
    }

    public List<Ward> wards(String siteId, AccessToken token) {
        return api.getList("/api/sites/" + segment(siteId) + "/wards", Query.none(), token, Ward.class);
    }

    public List<Zone> zones(String wardId, AccessToken token) {
        return api.getList("/api/wards/" + segment(wardId) + "/zones", Query.none(), token, Zone.class);
    }

    public List<Room> rooms(String zoneId, AccessToken token) {
        return api.getList("/api/zones/" + segment(zoneId) + "/rooms", Query.none(), token, Room.class);
    }

    public Shifts shifts(String siteId, AccessToken token) {
        return api.get("/api/sites/" + segment(siteId) + "/routing/shifts", Query.none(), token, Shifts.class);
    }

    public Roster roster(String siteId, AccessToken token) {
        return api.get("/api/sites/" + segment(siteId) + "/routing/roster", Query.none(), token, Roster.class);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
