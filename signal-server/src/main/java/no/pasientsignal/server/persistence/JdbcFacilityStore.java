package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import no.pasientsignal.server.facility.LocationKind;

/**
 * Sites, wards, zones, rooms, locations and devices in plain SQL. Every write is one transaction;
 * ids (except device ids, which are certificate CNs) are UUIDs made here.
 */
public final class JdbcFacilityStore {

    private static final String DEVICE_COLUMNS =
            "d.device_id, d.type, d.serial, d.location_id, d.state, d.firmware, d.battery_percent, d.last_seen";

    private final Jdbc jdbc;
    private final Supplier<String> ids;

    public JdbcFacilityStore(Jdbc jdbc) {
        this(jdbc, () -> UUID.randomUUID().toString());
    }

    JdbcFacilityStore(Jdbc jdbc, Supplier<String> ids) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    // --- sites, wards, zones -------------------------------------------------------------------

    public SiteRecord createSite(String name) {
        var site = new SiteRecord(ids.get(), name);
        jdbc.inTransaction(c -> update(c, "INSERT INTO site (id, name) VALUES (?, ?)", site.id(), site.name()));
        return site;
    }

    public Optional<SiteRecord> findSite(String id) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT id, name FROM site WHERE id = ?",
                rs -> new SiteRecord(rs.getString(1), rs.getString(2)),
                id));
    }

    public WardRecord createWard(String siteId, String name) {
        var ward = new WardRecord(ids.get(), siteId, name);
        jdbc.inTransaction(c -> update(
                c, "INSERT INTO ward (id, site_id, name) VALUES (?, ?, ?)", ward.id(), ward.siteId(), ward.name()));
        return ward;
    }

    public Optional<WardRecord> findWard(String id) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT id, site_id, name FROM ward WHERE id = ?",
                rs -> new WardRecord(rs.getString(1), rs.getString(2), rs.getString(3)),
                id));
    }

    public ZoneRecord createZone(String wardId, String name) {
        var zone = new ZoneRecord(ids.get(), wardId, name);
        jdbc.inTransaction(c -> update(
                c, "INSERT INTO zone (id, ward_id, name) VALUES (?, ?, ?)", zone.id(), zone.wardId(), zone.name()));
        return zone;
    }

    public Optional<ZoneRecord> findZone(String id) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT id, ward_id, name FROM zone WHERE id = ?",
                rs -> new ZoneRecord(rs.getString(1), rs.getString(2), rs.getString(3)),
                id));
    }

    /** Renames a site; false when there is no such site. */
    public boolean renameSite(String id, String name) {
        return jdbc.inTransaction(c -> update(c, "UPDATE site SET name = ? WHERE id = ?", name, id)) == 1;
    }

    /**
     * Renames a zone; false when there is no such zone. Zone names are read from here whenever shown,
     * never cached by the call path, so a rename takes effect at once.
     */
    public boolean renameZone(String id, String name) {
        return jdbc.inTransaction(c -> update(c, "UPDATE zone SET name = ? WHERE id = ?", name, id)) == 1;
    }

    // --- rooms and locations -------------------------------------------------------------------

    public RoomRecord createRoom(String zoneId, String number, String name) {
        return jdbc.inTransaction(c -> insertRoom(c, zoneId, number, name));
    }

    /**
     * Creates a room and its locations together: if any location is refused, neither the room nor
     * any location is stored.
     */
    public RoomRecord createRoomWithLocations(String zoneId, String number, String name, List<NewLocation> locations) {
        return jdbc.inTransaction(c -> {
            RoomRecord room = insertRoom(c, zoneId, number, name);
            for (NewLocation location : locations) {
                insertLocation(c, room.id(), location.kind(), location.label());
            }
            return room;
        });
    }

    /** A location to create with its room. */
    public record NewLocation(LocationKind kind, String label) {
        public NewLocation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
        }
    }

    public Optional<RoomRecord> findRoom(String id) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT id, zone_id, number, name FROM room WHERE id = ?",
                rs -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                id));
    }

    public LocationRecord createLocation(String roomId, LocationKind kind, String label) {
        return jdbc.inTransaction(c -> insertLocation(c, roomId, kind, label));
    }

    public Optional<LocationRecord> findLocation(String id) {
        return jdbc.withConnection(c -> queryOne(
                c, "SELECT id, room_id, kind, label FROM location WHERE id = ?", JdbcFacilityStore::location, id));
    }

    /** The room's locations, ordered by label. */
    public List<LocationRecord> locationsInRoom(String roomId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, room_id, kind, label FROM location WHERE room_id = ? ORDER BY label",
                JdbcFacilityStore::location,
                roomId));
    }

    // --- devices -------------------------------------------------------------------------------

    /** A device in service, with where staff must go when it calls. */
    public record PlacedDevice(
            String deviceId,
            String type,
            String roomId,
            String roomName,
            String wardName,
            String zoneId,
            String wardId,
            String siteId,
            String locationKind) {}

    /**
     * Every device in service (registered or active) that is mounted somewhere, with its room and
     * ward: what the call path needs to know, loaded once into memory.
     */
    public List<PlacedDevice> placedDevices() {
        return jdbc.withConnection(
                c -> queryList(c, PLACED_DEVICES + " ORDER BY d.device_id", JdbcFacilityStore::placed));
    }

    /** One device in service with its room and ward, if it is mounted and in service. */
    public Optional<PlacedDevice> placedDevice(String deviceId) {
        return jdbc.withConnection(
                c -> queryOne(c, PLACED_DEVICES + " AND d.device_id = ?", JdbcFacilityStore::placed, deviceId));
    }

    private static final String PLACED_DEVICES =
            "SELECT d.device_id, d.type, r.id, r.name, w.name, z.id, w.id, w.site_id, l.kind FROM device d"
                    + " JOIN location l ON l.id = d.location_id JOIN room r ON r.id = l.room_id"
                    + " JOIN zone z ON z.id = r.zone_id JOIN ward w ON w.id = z.ward_id"
                    + " WHERE d.state IN ('REGISTERED', 'ACTIVE')";

    private static PlacedDevice placed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlacedDevice(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9));
    }

    /** Whether any site has been set up yet. */
    public boolean hasSites() {
        return jdbc.withConnection(c -> queryOne(c, "SELECT COUNT(*) FROM site", rs -> rs.getLong(1))
                        .orElse(0L))
                > 0;
    }

    /** Registers a device (state {@link DeviceState#REGISTERED}); {@code locationId} may be null. */
    public DeviceRecord registerDevice(
            String deviceId, String type, String serial, @Nullable String locationId, @Nullable String firmware) {
        var device = new DeviceRecord(deviceId, type, serial, locationId, DeviceState.REGISTERED, firmware, null, null);
        jdbc.inTransaction(c -> insertDevice(c, device));
        return device;
    }

    public Optional<DeviceRecord> findDevice(String deviceId) {
        return jdbc.withConnection(c -> queryOne(
                c,
                "SELECT " + DEVICE_COLUMNS + " FROM device d WHERE d.device_id = ?",
                JdbcFacilityStore::device,
                deviceId));
    }

    /** The devices mounted at any of the room's locations, ordered by device id. */
    public List<DeviceRecord> devicesInRoom(String roomId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT " + DEVICE_COLUMNS + " FROM device d JOIN location l ON l.id = d.location_id"
                        + " WHERE l.room_id = ? ORDER BY d.device_id",
                JdbcFacilityStore::device,
                roomId));
    }

    /**
     * A device with where it is mounted (every place field null while it is in stock): one row of
     * the technicians' inventory.
     */
    public record InventoryDevice(
            DeviceRecord device,
            @Nullable String roomId,
            @Nullable String roomName,
            @Nullable String wardId,
            @Nullable String wardName,
            @Nullable String locationKind) {}

    /** Every device the site has recorded, whatever its state, with its room and ward, ordered by device id. */
    public List<InventoryDevice> inventory() {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT " + DEVICE_COLUMNS + ", r.id, r.name, w.id, w.name, l.kind FROM device d"
                        + " LEFT JOIN location l ON l.id = d.location_id LEFT JOIN room r ON r.id = l.room_id"
                        + " LEFT JOIN zone z ON z.id = r.zone_id LEFT JOIN ward w ON w.id = z.ward_id"
                        + " ORDER BY d.device_id",
                rs -> new InventoryDevice(
                        device(rs),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13))));
    }

    /** Sets a device's state; false if there is no such device. */
    public boolean updateDeviceState(String deviceId, DeviceState state) {
        Objects.requireNonNull(state, "state");
        return jdbc.inTransaction(
                        c -> update(c, "UPDATE device SET state = ? WHERE device_id = ?", state.name(), deviceId))
                == 1;
    }

    /** Records what a device reported and when it was heard from; false if there is no such device. */
    public boolean recordDeviceSeen(
            String deviceId, Instant seen, @Nullable String firmware, @Nullable Integer batteryPercent) {
        return jdbc.inTransaction(c -> update(
                        c,
                        "UPDATE device SET last_seen = ?, firmware = COALESCE(?, firmware),"
                                + " battery_percent = COALESCE(?, battery_percent) WHERE device_id = ?",
                        OffsetDateTime.ofInstant(seen, ZoneOffset.UTC),
                        firmware,
                        batteryPercent,
                        deviceId))
                == 1;
    }

    /**
     * Replaces a device by a new one at the same location: the old one becomes {@link
     * DeviceState#REPLACED} and unmounted, the new one {@link DeviceState#ACTIVE}. All or nothing.
     *
     * @throws IllegalArgumentException if there is no device {@code oldDeviceId}
     */
    public DeviceRecord replaceDevice(
            String oldDeviceId, String newDeviceId, String newSerial, @Nullable String newFirmware) {
        return jdbc.inTransaction(c -> {
            DeviceRecord old = queryOne(
                            c,
                            "SELECT " + DEVICE_COLUMNS + " FROM device d WHERE d.device_id = ?",
                            JdbcFacilityStore::device,
                            oldDeviceId)
                    .orElseThrow(() -> new IllegalArgumentException("No device " + oldDeviceId));
            update(
                    c,
                    "UPDATE device SET state = ?, location_id = NULL WHERE device_id = ?",
                    DeviceState.REPLACED.name(),
                    oldDeviceId);
            var replacement = new DeviceRecord(
                    newDeviceId, old.type(), newSerial, old.locationId(), DeviceState.ACTIVE, newFirmware, null, null);
            insertDevice(c, replacement);
            return replacement;
        });
    }

    // --- SQL -----------------------------------------------------------------------------------

    private RoomRecord insertRoom(Connection c, String zoneId, String number, String name) throws SQLException {
        var room = new RoomRecord(ids.get(), zoneId, number, name);
        update(
                c,
                "INSERT INTO room (id, zone_id, number, name) VALUES (?, ?, ?, ?)",
                room.id(),
                room.zoneId(),
                room.number(),
                room.name());
        return room;
    }

    private LocationRecord insertLocation(Connection c, String roomId, LocationKind kind, String label)
            throws SQLException {
        var location = new LocationRecord(ids.get(), roomId, kind, label);
        update(
                c,
                "INSERT INTO location (id, room_id, kind, label) VALUES (?, ?, ?, ?)",
                location.id(),
                location.roomId(),
                location.kind().name(),
                location.label());
        return location;
    }

    private static int insertDevice(Connection c, DeviceRecord d) throws SQLException {
        return update(
                c,
                "INSERT INTO device (device_id, type, serial, location_id, state, firmware, battery_percent, last_seen)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                d.deviceId(),
                d.type(),
                d.serial(),
                d.locationId(),
                d.state().name(),
                d.firmware(),
                d.batteryPercent(),
                d.lastSeen() == null ? null : OffsetDateTime.ofInstant(d.lastSeen(), ZoneOffset.UTC));
    }

    private static LocationRecord location(ResultSet rs) throws SQLException {
        return new LocationRecord(
                rs.getString(1), rs.getString(2), LocationKind.valueOf(rs.getString(3)), rs.getString(4));
    }

    private static DeviceRecord device(ResultSet rs) throws SQLException {
        int battery = rs.getInt(7);
        Integer batteryPercent = rs.wasNull() ? null : battery;
        OffsetDateTime lastSeen = rs.getObject(8, OffsetDateTime.class);
        return new DeviceRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                DeviceState.valueOf(rs.getString(5)),
                rs.getString(6),
                batteryPercent,
                lastSeen == null ? null : lastSeen.toInstant());
    }

    // --- listings and where devices are mounted (read side: API and protection view) -----------

    /** Every site, ordered by name. */
    public List<SiteRecord> sites() {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, name FROM site ORDER BY name, id",
                rs -> new SiteRecord(rs.getString(1), rs.getString(2))));
    }

    /** The site's wards, ordered by name. */
    public List<WardRecord> wardsOf(String siteId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, site_id, name FROM ward WHERE site_id = ? ORDER BY name, id",
                rs -> new WardRecord(rs.getString(1), rs.getString(2), rs.getString(3)),
                siteId));
    }

    /** The ward's zones, ordered by name. */
    public List<ZoneRecord> zonesOf(String wardId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, ward_id, name FROM zone WHERE ward_id = ? ORDER BY name, id",
                rs -> new ZoneRecord(rs.getString(1), rs.getString(2), rs.getString(3)),
                wardId));
    }

    /** The zone's rooms, ordered by number. */
    public List<RoomRecord> roomsOf(String zoneId) {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, zone_id, number, name FROM room WHERE zone_id = ? ORDER BY number, id",
                rs -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                zoneId));
    }

    /** Every room of the site, ordered by number. */
    public List<RoomRecord> rooms() {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT id, zone_id, number, name FROM room ORDER BY number, id",
                rs -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
    }

    /** A device recorded at a location, whatever its state, with the room and kind of that location. */
    public record MountedDevice(
            String deviceId, String type, DeviceState state, String roomId, LocationKind locationKind) {
        /** Registered or active: what the call path knows. */
        public boolean inService() {
            return state == DeviceState.REGISTERED || state == DeviceState.ACTIVE;
        }
    }

    private static final String MOUNTED_DEVICES = "SELECT d.device_id, d.type, d.state, l.room_id, l.kind"
            + " FROM device d JOIN location l ON l.id = d.location_id";

    /** Every device recorded at a location, ordered by device id. */
    public List<MountedDevice> mountedDevices() {
        return jdbc.withConnection(
                c -> queryList(c, MOUNTED_DEVICES + " ORDER BY d.device_id", JdbcFacilityStore::mounted));
    }

    /** The device and where it is mounted, if it is recorded at a location. */
    public Optional<MountedDevice> mountedDevice(String deviceId) {
        return jdbc.withConnection(
                c -> queryOne(c, MOUNTED_DEVICES + " WHERE d.device_id = ?", JdbcFacilityStore::mounted, deviceId));
    }

    /** The devices recorded at the room's locations, whatever their state, ordered by device id. */
    public List<MountedDevice> mountedDevicesIn(String roomId) {
        return jdbc.withConnection(c -> queryList(
                c, MOUNTED_DEVICES + " WHERE l.room_id = ? ORDER BY d.device_id", JdbcFacilityStore::mounted, roomId));
    }

    private static MountedDevice mounted(ResultSet rs) throws SQLException {
        return new MountedDevice(
                rs.getString(1),
                rs.getString(2),
                DeviceState.valueOf(rs.getString(3)),
                rs.getString(4),
                LocationKind.valueOf(rs.getString(5)));
    }
}
