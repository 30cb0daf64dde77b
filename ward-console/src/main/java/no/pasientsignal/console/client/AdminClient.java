package no.pasientsignal.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The administrator's part of the signal-server API: the facility model (sites, wards, zones, rooms and their
 * locations), staff accounts, a site's routing (shifts, roster, absences, escalation chains) and residents' care plans.
 * Every method throws {@link SignalServerException}; a refusal carries the server's sentence naming the field.
 */
public final class AdminClient {

    // --- facility ------------------------------------------------------------------------------

    public record Site(String id, String name) {}

    public record Ward(String id, String siteId, String name) {}

    public record Zone(String id, String wardId, String name) {}

    public record Room(String id, String zoneId, String number, String name) {}

    /** A place in a room a device is mounted at; {@code kind} BED, BATHROOM, DOOR or CORRIDOR. */
    public record Location(String id, String roomId, String kind, String label) {}

    public record NewLocation(String kind, String label) {}

    public record NewRoom(String number, String name, List<NewLocation> locations) {}

    record Name(String name) {}

    // --- staff ---------------------------------------------------------------------------------

    public record Staff(String username, String displayName, List<String> roles, boolean active) {
        public Staff {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public record NewStaff(String username, String displayName, List<String> roles, String password) {
        @Override
        public String toString() {
            return "NewStaff[" + username + ", " + roles + "]";
        }
    }

    public record StaffUpdate(String displayName, List<String> roles) {}

    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    // --- routing -------------------------------------------------------------------------------

    /** A shift from {@code start} to {@code end} (local {@code HH:mm}); a night shift wraps midnight. */
    public record Shift(String name, String start, String end) {}

    /** {@code configured} is false while the site routes by the defaults. */
    public record Shifts(boolean configured, String timeZone, List<Shift> shifts) {}

    public record ShiftsRequest(String timeZone, List<Shift> shifts) {}

    public record Assignment(
            String shift, String staff, String wardId, List<String> zoneIds, Boolean primary, Boolean lead) {}

    public record Merge(String shift, List<String> zoneIds) {}

    public record Roster(
            boolean configured,
            List<Assignment> assignments,
            List<Merge> merges,
            List<String> absent,
            String responseCentre) {
        public Roster {
            assignments = assignments == null ? List.of() : List.copyOf(assignments);
            merges = merges == null ? List.of() : List.copyOf(merges);
            absent = absent == null ? List.of() : List.copyOf(absent);
        }
    }

    public record RosterRequest(List<Assignment> assignments, List<Merge> merges, String responseCentre) {}

    /** A step of an escalation chain: the tiers it adds, {@code afterSeconds} after the alarm went out. */
    public record Step(List<String> tiers, Integer afterSeconds) {}

    public record Chain(String priority, List<Step> steps) {}

    public record Escalation(List<Chain> chains) {}

    // --- residents and care plans --------------------------------------------------------------

    public record Need(String deviceType, String locationKind, String description) {}

    public record Resident(
            String id,
            String displayName,
            String roomId,
            String responsibleNurse,
            boolean movedOut,
            List<Need> needs) {}

    public record NewResident(String displayName, String roomId, String responsibleNurse, List<Need> needs) {}

    /** A passive rule; {@code from}/{@code to} null means all day. */
    public record Rule(String kind, String from, String to, Integer thresholdSeconds) {}

    /** A consent or decision; times ISO 8601 with an offset, {@code validUntil} null for open-ended. */
    public record Basis(String kind, String recordedBy, String validFrom, String validUntil, String reference) {}

    public record CarePlan(String residentId, String roomId, List<Rule> rules, List<Basis> bases, boolean rulesActive) {
        public CarePlan {
            rules = rules == null ? List.of() : List.copyOf(rules);
            bases = bases == null ? List.of() : List.copyOf(bases);
        }
    }

    public record CarePlanRequest(List<Rule> rules, List<Basis> bases) {}

    private final ApiClient api;

    public AdminClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    // --- facility ------------------------------------------------------------------------------

    public List<Site> sites(AccessToken token) {
        return api.getList("/api/sites", Query.none(), token, Site.class);
    }

    public List<Ward> wards(AccessToken token, String siteId) {
        return api.getList("/api/sites/" + segment(siteId) + "/wards", Query.none(), token, Ward.class);
    }

    public List<Zone> zones(AccessToken token, String wardId) {
        return api.getList("/api/wards/" + segment(wardId) + "/zones", Query.none(), token, Zone.class);
    }

    public List<Room> rooms(AccessToken token, String zoneId) {
        return api.getList("/api/zones/" + segment(zoneId) + "/rooms", Query.none(), token, Room.class);
    }

    public List<Location> locations(AccessToken token, String roomId) {
        return api.getList("/api/rooms/" + segment(roomId) + "/locations", Query.none(), token, Location.class);
    }

    public Site createSite(AccessToken token, String name) {
        return api.post("/api/sites", token, new Name(name), Site.class);
    }

    public Ward createWard(AccessToken token, String siteId, String name) {
        return api.post("/api/sites/" + segment(siteId) + "/wards", token, new Name(name), Ward.class);
    }

    public Zone createZone(AccessToken token, String wardId, String name) {
        return api.post("/api/wards/" + segment(wardId) + "/zones", token, new Name(name), Zone.class);
    }

    public Room createRoom(AccessToken token, String zoneId, NewRoom room) {
        return api.post("/api/zones/" + segment(zoneId) + "/rooms", token, room, Room.class);
    }

    public Site renameSite(AccessToken token, String siteId, String name) {
        return api.put("/api/sites/" + segment(siteId), token, new Name(name), Site.class);
    }

    public Zone renameZone(AccessToken token, String zoneId, String name) {
        return api.put("/api/zones/" + segment(zoneId), token, new Name(name), Zone.class);
    }

    public Location addLocation(AccessToken token, String roomId, NewLocation location) {
        return api.post("/api/rooms/" + segment(roomId) + "/locations", token, location, Location.class);
    }

    // --- staff ---------------------------------------------------------------------------------

    public List<Staff> staff(AccessToken token) {
        return api.getList("/api/staff", Query.none(), token, Staff.class);
    }

    public Staff createStaff(AccessToken token, NewStaff staff) {
        return api.post("/api/staff", token, staff, Staff.class);
    }

    public Staff updateStaff(AccessToken token, String username, StaffUpdate update) {
        return api.put("/api/staff/" + segment(username), token, update, Staff.class);
    }

    public void setPassword(AccessToken token, String username, String password) {
        api.post("/api/staff/" + segment(username) + "/password", token, new NewPassword(password), Void.class);
    }

    public Staff activate(AccessToken token, String username) {
        return api.post("/api/staff/" + segment(username) + "/activate", token, null, Staff.class);
    }

    public Staff deactivate(AccessToken token, String username) {
        return api.post("/api/staff/" + segment(username) + "/deactivate", token, null, Staff.class);
    }

    // --- routing -------------------------------------------------------------------------------

    public Shifts shifts(AccessToken token, String siteId) {
        return api.get(routing(siteId) + "/shifts", Query.none(), token, Shifts.class);
    }

    public Shifts replaceShifts(AccessToken token, String siteId, ShiftsRequest request) {
        return api.put(routing(siteId) + "/shifts", token, request, Shifts.class);
    }

    public Roster roster(AccessToken token, String siteId) {
        return api.get(routing(siteId) + "/roster", Query.none(), token, Roster.class);
    }

    public Roster replaceRoster(AccessToken token, String siteId, RosterRequest request) {
        return api.put(routing(siteId) + "/roster", token, request, Roster.class);
    }

    public Roster markAbsent(AccessToken token, String siteId, String username) {
        return api.put(routing(siteId) + "/absences/" + segment(username), token, null, Roster.class);
    }

    /** Marks {@code username} present again; the roster as it now is. */
    public Roster markPresent(AccessToken token, String siteId, String username) {
        api.delete(routing(siteId) + "/absences/" + segment(username), token);
        return roster(token, siteId);
    }

    public Escalation escalation(AccessToken token, String siteId) {
        return api.get(routing(siteId) + "/escalation", Query.none(), token, Escalation.class);
    }

    public Escalation replaceEscalation(AccessToken token, String siteId, Escalation request) {
        return api.put(routing(siteId) + "/escalation", token, request, Escalation.class);
    }

    // --- residents and care plans --------------------------------------------------------------

    public List<Resident> residents(AccessToken token) {
        return api.getList("/api/residents", Query.none(), token, Resident.class);
    }

    public Resident createResident(AccessToken token, NewResident resident) {
        return api.post("/api/residents", token, resident, Resident.class);
    }

    public CarePlan carePlan(AccessToken token, String residentId) {
        return api.get("/api/residents/" + segment(residentId) + "/care-plan", Query.none(), token, CarePlan.class);
    }

    public CarePlan replaceCarePlan(AccessToken token, String residentId, CarePlanRequest request) {
        return api.put("/api/residents/" + segment(residentId) + "/care-plan", token, request, CarePlan.class);
    }

    private static String routing(String siteId) {
        return "/api/sites/" + segment(siteId) + "/routing";
    }

    /** One path segment, percent-encoded (ids and user names are plain, but never trust that). */
    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value, "path segment"), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
