package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facility store contract on H2: the default file database under the data dir. */
class FacilityStoreH2IT extends FacilityStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database startEmptyDatabase() {
        return start(dataDir);
    }

    private static Database start(Path dataDir) {
        return Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 4);
    }

    @Test
    void default_database_is_a_file_under_the_data_dir() {
        assertThat(dataDir.resolve("db").resolve("signal.mv.db")).exists();
        assertThat(new DatabaseSettings("", null, null, 10).effectiveUrl(Path.of("data/server")))
                .startsWith("jdbc:h2:file:/")
                .endsWith("/data/server/db/signal;AUTO_SERVER=FALSE");
    }

    @Test
    void second_start_on_the_same_file_keeps_the_data_and_runs_no_migrations() {
        var site = store.createSite("Solsiden sykehjem");
        database.close();

        database = start(dataDir);

        assertThat(database.migrationsApplied()).isZero();
        assertThat(new JdbcFacilityStore(database.jdbc()).findSite(site.id())).contains(site);
    }

    @Test
    void postgresql_mode_runs_the_same_migration() throws Exception {
        Path other = Files.createDirectory(dataDir.resolve("pg-mode"));
        String url = "jdbc:h2:file:" + other.toAbsolutePath().resolve("signal") + ";MODE=PostgreSQL";
        try (var pgMode = Database.start(url, null, null, 2)) {
            assertThat(pgMode.migrationsApplied()).isEqualTo(Migrations.count(pgMode.dataSource()));
            var modeStore = new JdbcFacilityStore(pgMode.jdbc());
            var site = modeStore.createSite("Solsiden sykehjem");
            assertThat(modeStore.findSite(site.id())).contains(site);
        }
    }

    @Test
    void unreachable_database_fails_with_its_url_but_not_its_password() {
        String url = "jdbc:postgresql://127.0.0.1:1/signal?password=hemmelig";
        assertThatThrownBy(() -> Database.start(url, "signal", "hemmelig", 2))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/signal?password=***")
                .hasMessageNotContaining("hemmelig");
    }
}
