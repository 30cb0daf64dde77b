package no.pasientsignal.server.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The resident store contract on H2: the default file database under the data dir. */
class ResidentStoreH2IT extends ResidentStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database startEmptyDatabase() {
        return Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 4);
    }
}
