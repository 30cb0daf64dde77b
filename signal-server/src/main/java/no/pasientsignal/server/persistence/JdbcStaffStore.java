package no.pasientsignal.server.persistence;

import static no.pasientsignal.server.persistence.Jdbc.queryList;
import static no.pasientsignal.server.persistence.Jdbc.queryOne;
import static no.pasientsignal.server.persistence.Jdbc.update;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffAccount;
import no.pasientsignal.server.staff.StaffRepository;

/** Staff accounts and their roles in the {@code staff} and {@code staff_role} tables. */
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
}
