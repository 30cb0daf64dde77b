package no.pasientsignal.console.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signal server's device API for technicians and administrators: the inventory with health, registering, a fresh
 * enrolment credential, replacing and decommissioning a device, the places a device can be mounted, and the residents
 * whose protection is incomplete. Thin over {@link ApiClient}: failures arrive as {@link SignalServerException} with
 * the server's own sentence. The nested records are what the server sends (lenient on fields added later).
 */
public final class DevicesClient {

    /**
     * One device of the inventory. {@code online}: in service, heard since the server started and not silent now;
     * {@code statusSource} LIVE, STORED (before the server's last restart) or NONE (never heard); {@code alerts} the
     * kinds of its active technical alerts (DEVICE_SILENT, BATTERY_LOW, TAMPER). Place fields are null while the
     * device is in stock.
     */
    public record Device(
            String deviceId,
            String type,
            String serial,
            String state,
            boolean inService,
            boolean online,
            String locationId,
            String roomId,
            String roomName,
            String wardId,
            String wardName,
            String locationKind,
            Instant lastSeen,
            Integer batteryPercent,
            Integer rssiDbm,
            String firmware,
            String statusSource,
            List<String> alerts) {
        public Device {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }
    }

    /** The inventory filters the server applies; null or blank leaves a filter out. {@code text}: piece of id or serial. */
    public record InventoryFilter(String type, String wardId, String roomId, String text) {
        public static InventoryFilter none() {
            return new InventoryFilter(null, null, null, null);
        }
    }

    /** A one-time enrolment credential (DTLS-PSK identity and 64-hex-digit secret), valid until {@code expiresAt}. */
    public record Credential(String deviceId, String identity, String secret, Instant expiresAt) {}

    /** A device as stored right after registration or replacement, with the credential it enrols with. */
    public record RegisteredDevice(
            String deviceId, String type, String serial, String locationId, String state, Credential enrolment) {}

    /** What registering a device sends; {@code locationId} null keeps it in stock. */
    public record Registration(String deviceId, String type, String serial, String locationId) {}

    /** What replacing a device sends: the new device's id and serial. */
    public record Replacement(String newDeviceId, String serial) {}

    /** A ward, for the filters. */
    public record Ward(String id, String siteId, String name) {}

    /** A room, with the ward it is in (filled in here: the server's room knows only its zone). */
    public record Room(String id, String zoneId, String number, String name, String wardId) {}

    /** A place in a room where a device can be mounted (BED, BATHROOM, DOOR, CORRIDOR). */
    public record Location(String id, String roomId, String kind, String label) {}

    /** A care need and how it is covered now; {@code coverage} COVERED, SILENT, TAMPERED, DECOMMISSIONED, NO_DEVICE. */
    public record Need(
            String deviceType,
            String locationKind,
            String description,
            boolean covered,
            String coverage,
            String explanation,
            String deviceId,
            Instant lastSeen,
            Integer batteryPercent) {}

    /** A resident's protection. {@code displayName} is null for roles that may not see names (technicians). */
    public record Protection(
            String residentId, String displayName, String roomId, String roomName, boolean complete, List<Need> needs) {
        public Protection {
            needs = needs == null ? List.of() : List.copyOf(needs);
        }
    }

    private record Site(String id, String name) {}

    private record Zone(String id, String wardId, String name) {}

    private record ServerRoom(String id, String zoneId, String number, String name) {}

    private final ApiClient api;

    public DevicesClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The devices that pass {@code filter}, ordered by id. */
    public List<Device> inventory(InventoryFilter filter, AccessToken token) {
        Query query = Query.none()
                .and("type", filter.type())
                .and("wardId", filter.wardId())
                .and("roomId", filter.roomId())
                .and("q", filter.text() == null ? null : filter.text().strip());
        return api.getList("/api/devices", query, token, Device.class);
    }

    /** Registers a device; the answer carries its one-time enrolment credential. */
    public RegisteredDevice register(Registration registration, AccessToken token) {
        return api.post("/api/devices", token, registration, RegisteredDevice.class);
    }

    /** A fresh one-time enrolment credential; earlier unspent ones stop working. */
    public Credential issueCredential(String deviceId, AccessToken token) {
        return api.post("/api/devices/" + segment(deviceId) + "/enrolment", token, null, Credential.class);
    }

    /** A new device takes over the old one's location; the answer carries the new one's credential. */
    public RegisteredDevice replace(String deviceId, Replacement replacement, AccessToken token) {
        return api.post("/api/devices/" + segment(deviceId) + "/replace", token, replacement, RegisteredDevice.class);
    }

    /** Takes a device out of service for good. */
    public void decommission(String deviceId, AccessToken token) {
        api.post("/api/devices/" + segment(deviceId) + "/decommission", token, null, Void.class);
    }

    /** Every ward of every site. */
    public List<Ward> wards(AccessToken token) {
        List<Ward> wards = new ArrayList<>();
        for (Site site : api.getList("/api/sites", Query.none(), token, Site.class)) {
            wards.addAll(api.getList("/api/sites/" + site.id() + "/wards", Query.none(), token, Ward.class));
        }
        return wards;
    }

    /** Every room of the ward, in zone order and then as the server orders them. */
    public List<Room> rooms(Ward ward, AccessToken token) {
        List<Room> rooms = new ArrayList<>();
        for (Zone zone : api.getList("/api/wards/" + ward.id() + "/zones", Query.none(), token, Zone.class)) {
            for (ServerRoom room :
                    api.getList("/api/zones/" + zone.id() + "/rooms", Query.none(), token, ServerRoom.class)) {
                rooms.add(new Room(room.id(), room.zoneId(), room.number(), room.name(), ward.id()));
            }
        }
        return rooms;
    }

    /** The places in a room where a device can be mounted. */
    public List<Location> locations(String roomId, AccessToken token) {
        return api.getList("/api/rooms/" + segment(roomId) + "/locations", Query.none(), token, Location.class);
    }

    /** The residents whose protection is incomplete now, by room; {@code all} lists every resident. */
    public List<Protection> protection(boolean all, AccessToken token) {
        return api.getList("/api/protection", Query.none().and("all", all ? "true" : null), token, Protection.class);
    }

    private static String segment(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
