package no.pasientsignal.server.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The routing and care plan store contract on a real PostgreSQL (Debian's package, a throw-away cluster). */
class RoutingStorePostgresIT extends RoutingStoreContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    protected Database startEmptyDatabase() {
        return Database.start(POSTGRES.createDatabase(), POSTGRES.username(), null, 4);
    }
}
