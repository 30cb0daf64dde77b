package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import no.pasientsignal.server.provisioning.DeviceStatus;

/**
 * What devices last reported (last seen, battery, signal, firmware) in the {@code device} table,
 * written in batches behind the devices' request paths and read back once at startup.
 */
public final class JdbcDeviceStatusStore {

    private final Jdbc jdbc;

    public JdbcDeviceStatusStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * Stores the statuses in one transaction and one batch. Values a status lacks (no battery
     * before the first heartbeat) keep what was stored. Devices no longer stored are skipped.
     *
     * @return how many devices were updated
     */
    public int record(Collection<DeviceStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement("UPDATE device SET last_seen = ?,"
                    + " battery_percent = COALESCE(?, battery_percent), rssi_dbm = COALESCE(?, rssi_dbm),"
                    + " firmware = COALESCE(?, firmware) WHERE device_id = ?")) {
                for (DeviceStatus status : statuses) {
                    Jdbc.bind(
                            statement,
                            OffsetDateTime.ofInstant(status.lastSeen(), ZoneOffset.UTC),
                            status.batteryPercent(),
                            status.rssiDbm(),
                            status.firmware(),
                            status.deviceId());
                    statement.addBatch();
                }
                int updated = 0;
                for (int rows : statement.executeBatch()) {
                    // SUCCESS_NO_INFO (-2) still means the row was written.
                    updated += rows == PreparedStatement.SUCCESS_NO_INFO ? 1 : rows;
                }
                return updated;
            }
        });
    }

    /** The stored status of every device that was ever heard. Tamper is not stored: false. */
    public List<DeviceStatus> stored() {
        return jdbc.withConnection(c -> queryList(
                c,
                "SELECT device_id, last_seen, battery_percent, rssi_dbm, firmware FROM device"
                        + " WHERE last_seen IS NOT NULL ORDER BY device_id",
                JdbcDeviceStatusStore::status));
    }

    private static DeviceStatus status(ResultSet rs) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject(2, OffsetDateTime.class);
        int battery = rs.getInt(3);
        Integer batteryPercent = rs.wasNull() ? null : battery;
        int rssi = rs.getInt(4);
        Integer rssiDbm = rs.wasNull() ? null : rssi;
        return new DeviceStatus(rs.getString(1), lastSeen.toInstant(), batteryPercent, rssiDbm, rs.getString(5), false);
    }
}
