package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff accounts in a real (H2 file) database: hashed, with roles, surviving a restart. */
class StaffStoreIT {

    @TempDir
    Path dataDir;

    private Database database;
    private StaffDirectory staff;

    @BeforeEach
    void start() {
        open();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private void open() {
        database = Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 2);
        staff = new StaffDirectory(new PasswordHasher(1024, 1, 1), new JdbcStaffStore(database.jdbc()));
    }

    @Test
    void accounts_with_roles_survive_a_restart_and_only_the_hash_is_stored() {
        staff.add("kari", "Kari Nordmann", Set.of(Role.NURSE, Role.NIGHT_STAFF), "hemmelig-1".toCharArray());
        database.close();
        open();

        assertThat(staff.authenticate("kari", "hemmelig-1".toCharArray()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactlyInAnyOrder(Role.NURSE, Role.NIGHT_STAFF));
        assertThat(staff.authenticate("kari", "feil".toCharArray())).isEmpty();
        String stored = database.jdbc()
                .withConnection(c -> Jdbc.queryOne(
                        c, "SELECT password_hash FROM staff WHERE username = ?", rs -> rs.getString(1), "kari"))
                .orElseThrow();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("hemmelig");
    }

    @Test
    void demo_staff_are_seeded_only_into_an_installation_without_accounts() {
        staff.seedDemoStaffIfEmpty();
        staff.seedDemoStaffIfEmpty();
        assertThat(staff.authenticate("admin", "demo-admin".toCharArray())).isPresent();

        var other = Path.of(dataDir.toString(), "other");
        try (var db = Database.start(DatabaseSettings.defaultH2Url(other), null, null, 2)) {
            var directory = new StaffDirectory(new PasswordHasher(1024, 1, 1), new JdbcStaffStore(db.jdbc()));
            directory.add("ola", "Ola", Set.of(Role.TECHNICIAN), "x-secret".toCharArray());
            directory.seedDemoStaffIfEmpty();
            assertThat(directory.authenticate("admin", "demo-admin".toCharArray()))
                    .isEmpty();
        }
    }

    @Test
    void a_taken_username_is_refused_and_nothing_half_written_remains() {
        staff.add("kari", "Kari", Set.of(Role.NURSE), "a-secret".toCharArray());
        assertThatThrownBy(() -> staff.add("kari", "Other Kari", Set.of(Role.ADMINISTRATOR), "b-secret".toCharArray()))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(staff.authenticate("kari", "a-secret".toCharArray()))
                .hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(Role.NURSE));
    }

    @Test
    void an_inactive_account_cannot_log_in() {
        staff.add("per", "Per", Set.of(Role.NURSE), "p-secret".toCharArray());
        database.jdbc().inTransaction(c -> Jdbc.update(c, "UPDATE staff SET active = FALSE WHERE username = ?", "per"));
        assertThat(staff.authenticate("per", "p-secret".toCharArray())).isEmpty();
    }
}
