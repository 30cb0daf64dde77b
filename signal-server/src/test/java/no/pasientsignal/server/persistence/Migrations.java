package no.pasientsignal.server.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema migrations the server ships, so tests need not change with each new one. */
final class Migrations {

    private Migrations() {}

    /** How many migrations Flyway finds on the classpath for this database (all of them, applied or not). */
    static int count(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .info()
                .all()
                .length;
    }
}
