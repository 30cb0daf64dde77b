package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import no.pasientsignal.server.facility.CareNeed;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Residents and their care needs in the {@code resident} and {@code resident_need} tables. The id
 * (the pseudonym) is a UUID made here, never derived from the name. Every write is one
 * transaction: a resident and their needs are stored together or not at all.
 */
public final class JdbcResidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcResidentStore.class);

    private static final String COLUMNS = "id, display_name, room_id, responsible_nurse, moved_out";

    private final Jdbc jdbc;
    private final Supplier<String> ids;

    public JdbcResidentStore(Jdbc jdbc) {
        this(jdbc, () -> UUID.randomUUID().toString());
    }

    JdbcResidentStore(Jdbc jdbc, Supplier<String> ids) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Stores a new resident with a fresh pseudonym.
     *
     * @throws ConstraintViolationException for an unknown room or nurse (nothing is stored)
     */
    public Resident create(
            String displayName, @Nullable String roomId, @Nullable String responsibleNurse, List<CareNeed> needs) {
        var resident = new Resident(ids.get(), displayName, roomId, responsibleNurse, false, needs);
        jdbc.inTransaction(c -> {
            update(
                    c,
                    "INSERT INTO resident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                    resident.id(),
                    resident.displayName(),
                    resident.roomId(),
                    resident.responsibleNurse(),
                    resident.movedOut());
            insertNeeds(c, resident);
            return null;
        });
        return resident;
    }

    /**
     * Replaces everything about a resident but the id: name, room, nurse, moved out and needs.
     * False if there is no such resident.
     *
     * @throws ConstraintViolationException for an unknown room or nurse (nothing is changed)
     */
    public boolean replace(Resident resident) {
        return jdbc.inTransaction(c -> {
            int rows = update(
                    c,
                    "UPDATE resident SET display_name = ?, room_id = ?, responsible_nurse = ?, moved_out = ?"
                            + " WHERE id = ?",
                    resident.displayName(),
                    resident.roomId(),
                    resident.responsibleNurse(),
                    resident.movedOut(),
                    resident.id());
            if (rows == 0) {
                return false;
            }
            update(c, "DELETE FROM resident_need WHERE resident_id = ?", resident.id());
            insertNeeds(c, resident);
            return true;
        });
    }

    public Optional<Resident> find(String id) {
        return jdbc.withConnection(c -> {
            Optional<Row> row =
                    queryOne(c, "SELECT " + COLUMNS + " FROM resident WHERE id = ?", JdbcResidentStore::row, id);
            if (row.isEmpty()) {
                return Optional.<Resident>empty();
            }
            List<Need> needs = queryList(
                    c,
                    "SELECT resident_id, device_type, location_kind FROM resident_need WHERE resident_id = ?"
                            + " ORDER BY device_type, location_kind",
                    JdbcResidentStore::need,
                    id);
            return Optional.of(row.get().resident(needs));
        });
    }

    /** Every resident, moved-out ones included, with their needs; two queries in all. */
    public List<Resident> all() {
        return jdbc.withConnection(c -> {
            List<Row> rows = queryList(c, "SELECT " + COLUMNS + " FROM resident ORDER BY id", JdbcResidentStore::row);
            Map<String, List<Need>> needs = new HashMap<>();
            for (Need need : queryList(
                    c,
                    "SELECT resident_id, device_type, location_kind FROM resident_need"
                            + " ORDER BY resident_id, device_type, location_kind",
                    JdbcResidentStore::need)) {
                needs.computeIfAbsent(need.residentId(), id -> new ArrayList<>())
                        .add(need);
            }
            return rows.stream()
                    .map(row -> row.resident(needs.getOrDefault(row.id(), List.of())))
                    .toList();
        });
    }

    /** Whether no resident was ever stored (a new installation). */
    public boolean isEmpty() {
        return jdbc.withConnection(c -> queryOne(c, "SELECT COUNT(*) FROM resident", rs -> rs.getLong(1))
                        .orElse(0L))
                == 0;
    }

    private static void insertNeeds(Connection c, Resident resident) throws SQLException {
        for (CareNeed need : resident.needs()) {
            update(
                    c,
                    "INSERT INTO resident_need (resident_id, device_type, location_kind) VALUES (?, ?, ?)",
                    resident.id(),
                    need.deviceType().name(),
                    need.locationKind().name());
        }
    }

    private record Row(String id, String displayName, String roomId, String responsibleNurse, boolean movedOut) {
        Resident resident(List<Need> needs) {
            var careNeeds = new ArrayList<CareNeed>();
            for (Need need : needs) {
                try {
                    careNeeds.add(new CareNeed(
                            DeviceType.valueOf(need.deviceType()), LocationKind.valueOf(need.locationKind())));
                } catch (IllegalArgumentException e) {
                    // A type this server version does not handle yet: stays in the database until the
                    // resident's needs are next replaced.
                    LOG.warn("Resident {} has a need of unknown type {}; not evaluated", id, need.deviceType());
                }
            }
            return new Resident(id, displayName, roomId, responsibleNurse, movedOut, careNeeds);
        }
    }

    private record Need(String residentId, String deviceType, String locationKind) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    private static Need need(ResultSet rs) throws SQLException {
        return new Need(rs.getString(1), rs.getString(2), rs.getString(3));
    }
}
