package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffAccount;
import no.pasientsignal.server.staff.StaffMember;
import no.pasientsignal.server.staff.StaffRepository;

/**
 * Staff accounts and their roles in the {@code staff} and {@code staff_role} tables. Every write is
 * one transaction; what administrators read ({@link StaffMember}) never carries the hash.
 */
public final class JdbcStaffStore implements StaffRepository {

    private final Jdbc jdbc;

    public JdbcStaffStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public Optional<StaffAccount> findActive(String username) {
        return jdbc.withConnection(c -> {
            var row = queryOne(
                    c,
                    "SELECT username, display_name, password_hash FROM staff WHERE username = ? AND active",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                    username);
            if (row.isEmpty()) {
                return Optional.<StaffAccount>empty();
            }
            var roles = EnumSet.noneOf(Role.class);
            queryList(c, "SELECT role FROM staff_role WHERE username = ?", rs -> rs.getString(1), username)
                    .forEach(role -> roles.add(Role.valueOf(role)));
            String[] r = row.get();
            return Optional.of(new StaffAccount(r[0], r[1], roles, r[2]));
        });
    }

    @Override
    public void add(StaffAccount account) {
        jdbc.inTransaction(c -> {
            update(
                    c,
                    "INSERT INTO staff (username, display_name, password_hash, active) VALUES (?, ?, ?, TRUE)",
                    account.username(),
                    account.displayName(),
                    account.passwordHash());
            for (Role role : account.roles()) {
                update(c, "INSERT INTO staff_role (username, role) VALUES (?, ?)", account.username(), role.name());
            }
            return null;
        });
    }

    @Override
    public boolean isEmpty() {
        return jdbc.withConnection(c -> queryOne(c, "SELECT COUNT(*) FROM staff", rs -> rs.getLong(1))
                        .orElse(0L))
                == 0;
    }

    // --- administration ------------------------------------------------------------------------

    /** An account, active or not, without its hash. */
    public Optional<StaffMember> find(String username) {
        return jdbc.withConnection(c -> {
            Optional<Row> row = queryOne(c, ROWS + " WHERE username = ?", JdbcStaffStore::row, username);
            if (row.isEmpty()) {
                return Optional.<StaffMember>empty();
            }
            return Optional.of(row.get().member(rolesOf(c, username)));
        });
    }

    /** Every account, active or not, ordered by username; two queries in all. */
    public List<StaffMember> list() {
        return jdbc.withConnection(c -> {
            Map<String, Set<Role>> roles = new HashMap<>();
            for (String[] pair : queryList(c, "SELECT username, role FROM staff_role", rs ->
                    new String[] {rs.getString(1), rs.getString(2)})) {
                roles.computeIfAbsent(pair[0], u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(pair[1]));
            }
            var members = new ArrayList<StaffMember>();
            for (Row row : queryList(c, ROWS + " ORDER BY username", JdbcStaffStore::row)) {
                members.add(row.member(roles.getOrDefault(row.username(), Set.of())));
            }
            return members;
        });
    }

    /** Sets an account's display name and replaces its roles; false if there is no such account. */
    public boolean updateNameAndRoles(String username, String displayName, Set<Role> roles) {
        return jdbc.inTransaction(c -> {
            if (update(c, "UPDATE staff SET display_name = ? WHERE username = ?", displayName, username) == 0) {
                return false;
            }
            update(c, "DELETE FROM staff_role WHERE username = ?", username);
            for (Role role : roles) {
                update(c, "INSERT INTO staff_role (username, role) VALUES (?, ?)", username, role.name());
            }
            return true;
        });
    }

    /** Replaces an account's password hash; false if there is no such account. */
    public boolean updatePasswordHash(String username, String passwordHash) {
        return jdbc.inTransaction(
                        c -> update(c, "UPDATE staff SET password_hash = ? WHERE username = ?", passwordHash, username))
                == 1;
    }

    /** Activates or deactivates an account (an inactive one cannot log in); false if unknown. */
    public boolean setActive(String username, boolean active) {
        return jdbc.inTransaction(c -> update(c, "UPDATE staff SET active = ? WHERE username = ?", active, username))
                == 1;
    }

    private static final String ROWS = "SELECT username, display_name, active FROM staff";

    private record Row(String username, String displayName, boolean active) {
        StaffMember member(Set<Role> roles) {
            return new StaffMember(username, displayName, roles, active);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3));
    }

    private static Set<Role> rolesOf(Connection c, String username) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        queryList(c, "SELECT role FROM staff_role WHERE username = ?", rs -> rs.getString(1), username)
                .forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }
}
