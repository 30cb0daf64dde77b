package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;

/**
 * Residents' care plans (passive rules and the legal bases that allow them) in the {@code
 * care_plan}, {@code care_plan_rule} and {@code care_plan_basis} tables. A plan is saved as a
 * whole in one transaction: a refused save (an unknown staff member recording a basis) leaves the
 * earlier plan as it was.
 */
public final class JdbcCarePlanStore {

    private static final String PLANS = "SELECT p.resident_id, r.room_id, r.moved_out FROM care_plan p"
            + " JOIN resident r ON r.id = p.resident_id";
    private static final String RULES =
            "SELECT resident_id, kind, window_from, window_to, threshold_seconds FROM care_plan_rule";
    private static final String BASES =
            "SELECT resident_id, kind, recorded_by, valid_from, valid_until, reference FROM care_plan_basis";

    private final Jdbc jdbc;

    public JdbcCarePlanStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * The resident's plan; a resident who never had one gets an empty plan (no rules, no bases).
     * Empty only when there is no such resident.
     */
    public Optional<CarePlanRecord> find(String residentId) {
        return jdbc.withConnection(c -> {
            Optional<String[]> resident = queryOne(
                    c,
                    "SELECT room_id, moved_out FROM resident WHERE id = ?",
                    rs -> new String[] {rs.getString(1), Boolean.toString(rs.getBoolean(2))},
                    residentId);
            if (resident.isEmpty()) {
                return Optional.<CarePlanRecord>empty();
            }
            List<PassiveRule> rules = new ArrayList<>();
            for (var row : queryList(
                    c, RULES + " WHERE resident_id = ? ORDER BY position", JdbcCarePlanStore::rule, residentId)) {
                rules.add(row.rule());
            }
            List<LegalBasis> bases = new ArrayList<>();
            for (var row : queryList(
                    c, BASES + " WHERE resident_id = ? ORDER BY position", JdbcCarePlanStore::basis, residentId)) {
                bases.add(row.basis());
            }
            String[] r = resident.get();
            return Optional.of(new CarePlanRecord(residentId, r[0], Boolean.parseBoolean(r[1]), rules, bases));
        });
    }

    /** Every saved plan (moved-out residents' too), with each resident's room; three queries in all. */
    public List<CarePlanRecord> all() {
        return jdbc.withConnection(c -> {
            Map<String, List<PassiveRule>> rules = new HashMap<>();
            for (var row : queryList(c, RULES + " ORDER BY resident_id, position", JdbcCarePlanStore::rule)) {
                rules.computeIfAbsent(row.residentId(), id -> new ArrayList<>()).add(row.rule());
            }
            Map<String, List<LegalBasis>> bases = new HashMap<>();
            for (var row : queryList(c, BASES + " ORDER BY resident_id, position", JdbcCarePlanStore::basis)) {
                bases.computeIfAbsent(row.residentId(), id -> new ArrayList<>()).add(row.basis());
            }
            return queryList(
                    c,
                    PLANS + " ORDER BY p.resident_id",
                    rs -> new CarePlanRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBoolean(3),
                            rules.getOrDefault(rs.getString(1), List.of()),
                            bases.getOrDefault(rs.getString(1), List.of())));
        });
    }

    /** Whether no care plan was ever saved (a new installation). */
    public boolean isEmpty() {
        return jdbc.withConnection(c -> queryOne(c, "SELECT COUNT(*) FROM care_plan", rs -> rs.getLong(1))
                        .orElse(0L))
                == 0;
    }

    /**
     * Replaces the resident's rules and legal bases, in one transaction. False (nothing written)
     * if there is no such resident. Instants are kept to the microsecond, as both databases do.
     *
     * @throws ConstraintViolationException for a basis recorded by an unknown staff member
     *     (nothing is written)
     */
    public boolean save(String residentId, List<PassiveRule> rules, List<LegalBasis> bases) {
        return jdbc.inTransaction(c -> {
            if (queryOne(c, "SELECT id FROM resident WHERE id = ?", rs -> rs.getString(1), residentId)
                    .isEmpty()) {
                return false;
            }
            if (queryOne(
                            c,
                            "SELECT resident_id FROM care_plan WHERE resident_id = ?",
                            rs -> rs.getString(1),
                            residentId)
                    .isEmpty()) {
                update(c, "INSERT INTO care_plan (resident_id) VALUES (?)", residentId);
            }
            update(c, "DELETE FROM care_plan_rule WHERE resident_id = ?", residentId);
            update(c, "DELETE FROM care_plan_basis WHERE resident_id = ?", residentId);
            insertRules(c, residentId, rules);
            insertBases(c, residentId, bases);
            return true;
        });
    }

    private static void insertRules(Connection c, String residentId, List<PassiveRule> rules) throws SQLException {
        int position = 0;
        for (PassiveRule rule : rules) {
            update(
                    c,
                    "INSERT INTO care_plan_rule (resident_id, position, kind, window_from, window_to,"
                            + " threshold_seconds) VALUES (?, ?, ?, ?, ?, ?)",
                    residentId,
                    position++,
                    rule.kind().name(),
                    rule.window().from(),
                    rule.window().to(),
                    rule.threshold() == null
                            ? null
                            : Math.toIntExact(rule.threshold().toSeconds()));
        }
    }

    private static void insertBases(Connection c, String residentId, List<LegalBasis> bases) throws SQLException {
        int position = 0;
        for (LegalBasis basis : bases) {
            update(
                    c,
                    "INSERT INTO care_plan_basis (resident_id, position, kind, recorded_by, valid_from, valid_until,"
                            + " reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    residentId,
                    position++,
                    basis.kind().name(),
                    basis.recordedBy(),
                    timestamp(basis.validFrom()),
                    basis.validUntil() == null ? null : timestamp(basis.validUntil()),
                    basis.reference());
        }
    }

    private record RuleRow(String residentId, PassiveRule rule) {}

    private record BasisRow(String residentId, LegalBasis basis) {}

    private static RuleRow rule(ResultSet rs) throws SQLException {
        int threshold = rs.getInt(5);
        Duration thresholdDuration = rs.wasNull() ? null : Duration.ofSeconds(threshold);
        return new RuleRow(
                rs.getString(1),
                new PassiveRule(
                        PassiveRule.Kind.valueOf(rs.getString(2)),
                        new TimeWindow(rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)),
                        thresholdDuration));
    }

    private static BasisRow basis(ResultSet rs) throws SQLException {
        OffsetDateTime until = rs.getObject(5, OffsetDateTime.class);
        return new BasisRow(
                rs.getString(1),
                new LegalBasis(
                        LegalBasis.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        until == null ? null : until.toInstant(),
                        rs.getString(6)));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
