package no.pasientsignal.server.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The routing and care plan store contract on H2: the default file database under the data dir. */
class RoutingStoreH2IT extends RoutingStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database startEmptyDatabase() {
        return Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 4);
    }
}
