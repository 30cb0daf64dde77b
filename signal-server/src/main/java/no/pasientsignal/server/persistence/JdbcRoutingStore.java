package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Tier;

/**
 * Each site's routing (time zone, shifts, roster with zone merges and absences, response centre,
 * escalation chains) in the tables of V4. A site's routing is saved and read as a whole: {@link
 * #save} replaces every row in one transaction, so the alarm engine never routes by half an old
 * and half a new roster, and a refused save (an unknown staff member, ward or zone) writes
 * nothing. A site has routing saved once it has shifts.
 */
public final class JdbcRoutingStore {

    private final Jdbc jdbc;

    public JdbcRoutingStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** The site's saved routing; empty when none was saved or there is no such site. */
    public Optional<SiteRouting> find(String siteId) {
        return Optional.ofNullable(
                jdbc.withConnection(c -> load(c, " WHERE site_id = ?", siteId)).get(siteId));
    }

    /** Every site's saved routing, by site id; sites without saved routing are left out. */
    public Map<String, SiteRouting> all() {
        return jdbc.withConnection(c -> load(c, ""));
    }

    /** Whether any site has routing saved (a new installation has none). */
    public boolean isEmpty() {
        return jdbc.withConnection(c -> queryOne(c, "SELECT COUNT(*) FROM site_shift", rs -> rs.getLong(1))
                        .orElse(0L))
                == 0;
    }

    /**
     * Replaces the site's routing as a whole, in one transaction. False (nothing written) if there
     * is no such site.
     *
     * @throws ConstraintViolationException for an unknown staff member, ward or zone (nothing is
     *     written)
     */
    public boolean save(String siteId, SiteRouting routing) {
        Objects.requireNonNull(routing, "routing");
        Roster roster = routing.roster();
        return jdbc.inTransaction(c -> {
            if (update(
                            c,
                            "UPDATE site SET time_zone = ?, response_centre = ? WHERE id = ?",
                            routing.zone().getId(),
                            roster.responseCentre(),
                            siteId)
                    == 0) {
                return false;
            }
            // Children first, for the foreign keys.
            for (String table : List.of(
                    "escalation_step_tier",
                    "escalation_step",
                    "staff_absence",
                    "zone_merge",
                    "roster_assignment_zone",
                    "roster_assignment",
                    "site_shift")) {
                update(c, "DELETE FROM " + table + " WHERE site_id = ?", siteId);
            }
            insertShifts(c, siteId, roster.plan());
            insertRoster(c, siteId, roster);
            insertPolicy(c, siteId, routing.policy());
            return true;
        });
    }

    // --- writing -------------------------------------------------------------------------------

    private static void insertShifts(Connection c, String siteId, ShiftPlan plan) throws SQLException {
        int position = 0;
        for (Shift shift : plan.shifts()) {
            update(
                    c,
                    "INSERT INTO site_shift (site_id, name, position, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
                    siteId,
                    shift.name(),
                    position++,
                    shift.start(),
                    shift.end());
        }
    }

    private static void insertRoster(Connection c, String siteId, Roster roster) throws SQLException {
        int position = 0;
        for (Assignment a : roster.assignments()) {
            update(
                    c,
                    "INSERT INTO roster_assignment (site_id, position, shift_name, username, ward_id, primary_carer,"
                            + " shift_lead) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    siteId,
                    position,
                    a.shift(),
                    a.staff(),
                    a.wardId(),
                    a.primary(),
                    a.lead());
            for (String zone : a.zoneIds()) {
                update(
                        c,
                        "INSERT INTO roster_assignment_zone (site_id, position, zone_id) VALUES (?, ?, ?)",
                        siteId,
                        position,
                        zone);
            }
            position++;
        }
        for (var merges : roster.merges().entrySet()) {
            int group = 0;
            for (Set<String> zones : merges.getValue()) {
                for (String zone : zones) {
                    update(
                            c,
                            "INSERT INTO zone_merge (site_id, shift_name, group_no, zone_id) VALUES (?, ?, ?, ?)",
                            siteId,
                            merges.getKey(),
                            group,
                            zone);
                }
                group++;
            }
        }
        for (String staff : roster.absent()) {
            update(c, "INSERT INTO staff_absence (site_id, username) VALUES (?, ?)", siteId, staff);
        }
    }

    private static void insertPolicy(Connection c, String siteId, EscalationPolicy policy) throws SQLException {
        for (var chain : policy.chains().entrySet()) {
            int position = 0;
            for (EscalationPolicy.Step step : chain.getValue()) {
                update(
                        c,
                        "INSERT INTO escalation_step (site_id, priority, position, offset_seconds) VALUES (?, ?, ?, ?)",
                        siteId,
                        chain.getKey().name(),
                        position,
                        Math.toIntExact(step.after().toSeconds()));
                for (Tier tier : step.tiers()) {
                    update(
                            c,
                            "INSERT INTO escalation_step_tier (site_id, priority, position, tier) VALUES (?, ?, ?, ?)",
                            siteId,
                            chain.getKey().name(),
                            position,
                            tier.name());
                }
                position++;
            }
        }
    }

    // --- reading -------------------------------------------------------------------------------

    /**
     * The routing of every site with shifts, one query per table; {@code where} filters each table
     * by its {@code site_id} column (empty for all sites).
     */
    private static Map<String, SiteRouting> load(Connection c, String where, Object... params) throws SQLException {
        Map<String, List<Shift>> shifts = new LinkedHashMap<>();
        for (var row : queryList(
                c,
                "SELECT site_id, name, starts_at, ends_at FROM site_shift" + where + " ORDER BY site_id, position",
                rs -> new Object[] {rs.getString(1), new Shift(rs.getString(2), time(rs, 3), time(rs, 4))},
                params)) {
            shifts.computeIfAbsent((String) row[0], s -> new ArrayList<>()).add((Shift) row[1]);
        }
        if (shifts.isEmpty()) {
            return Map.of();
        }

        Map<String, String[]> sites = new HashMap<>(); // id -> time zone, response centre
        for (var row : queryList(
                c,
                "SELECT id, time_zone, response_centre FROM site" + where.replace("site_id", "id"),
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                params)) {
            sites.put(row[0], row);
        }

        Map<String, Set<String>> zonesOfAssignment = new HashMap<>();
        for (String[] row : queryList(
                c,
                "SELECT site_id, position, zone_id FROM roster_assignment_zone" + where,
                rs -> new String[] {rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3)},
                params)) {
            zonesOfAssignment
                    .computeIfAbsent(row[0] + "/" + row[1], k -> new HashSet<>())
                    .add(row[2]);
        }
        Map<String, List<Assignment>> assignments = new HashMap<>();
        for (var row : queryList(
                c,
                "SELECT site_id, position, shift_name, username, ward_id, primary_carer, shift_lead"
                        + " FROM roster_assignment" + where + " ORDER BY site_id, position",
                rs -> new Object[] {
                    rs.getString(1),
                    new Assignment(
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            zonesOfAssignment.getOrDefault(rs.getString(1) + "/" + rs.getInt(2), Set.of()),
                            rs.getBoolean(6),
                            rs.getBoolean(7))
                },
                params)) {
            assignments.computeIfAbsent((String) row[0], s -> new ArrayList<>()).add((Assignment) row[1]);
        }

        // site -> shift -> group number -> zones
        Map<String, Map<String, TreeMap<Integer, Set<String>>>> merges = new HashMap<>();
        for (String[] row : queryList(
                c,
                "SELECT site_id, shift_name, group_no, zone_id FROM zone_merge" + where,
                rs -> new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)), rs.getString(4)},
                params)) {
            merges.computeIfAbsent(row[0], s -> new HashMap<>())
                    .computeIfAbsent(row[1], s -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(row[2]), g -> new HashSet<>())
                    .add(row[3]);
        }

        Map<String, Set<String>> absent = new HashMap<>();
        for (String[] row : queryList(
                c,
                "SELECT site_id, username FROM staff_absence" + where,
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                params)) {
            absent.computeIfAbsent(row[0], s -> new HashSet<>()).add(row[1]);
        }

        Map<String, Set<Tier>> tiers = new HashMap<>();
        for (String[] row : queryList(
                c,
                "SELECT site_id, priority, position, tier FROM escalation_step_tier" + where,
                rs -> new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)), rs.getString(4)},
                params)) {
            tiers.computeIfAbsent(row[0] + "/" + row[1] + "/" + row[2], k -> EnumSet.noneOf(Tier.class))
                    .add(Tier.valueOf(row[3]));
        }
        Map<String, Map<Priority, List<EscalationPolicy.Step>>> chains = new HashMap<>();
        for (String[] row : queryList(
                c,
                "SELECT site_id, priority, position, offset_seconds FROM escalation_step" + where
                        + " ORDER BY site_id, priority, position",
                rs -> new String[] {
                    rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)), Integer.toString(rs.getInt(4))
                },
                params)) {
            var step = new EscalationPolicy.Step(
                    tiers.getOrDefault(row[0] + "/" + row[1] + "/" + row[2], Set.of()),
                    Duration.ofSeconds(Long.parseLong(row[3])));
            chains.computeIfAbsent(row[0], s -> new EnumMap<>(Priority.class))
                    .computeIfAbsent(Priority.valueOf(row[1]), p -> new ArrayList<>())
                    .add(step);
        }

        Map<String, SiteRouting> result = new LinkedHashMap<>();
        for (var entry : shifts.entrySet()) {
            String siteId = entry.getKey();
            String[] site = sites.get(siteId);
            Map<String, List<Set<String>>> siteMerges = new HashMap<>();
            merges.getOrDefault(siteId, Map.of())
                    .forEach((shift, groups) -> siteMerges.put(shift, List.copyOf(groups.values())));
            try {
                var roster = new Roster(
                        new ShiftPlan(ZoneId.of(site[1]), entry.getValue()),
                        assignments.getOrDefault(siteId, List.of()),
                        siteMerges,
                        absent.getOrDefault(siteId, Set.of()),
                        site[2]);
                result.put(
                        siteId, new SiteRouting(roster, new EscalationPolicy(chains.getOrDefault(siteId, Map.of()))));
            } catch (RuntimeException e) {
                // Only writes through save() reach these tables, so this is a hand-edited database.
                throw new PersistenceException(
                        "The stored routing of site " + siteId + " is not valid: " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static LocalTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalTime.class);
    }
}
