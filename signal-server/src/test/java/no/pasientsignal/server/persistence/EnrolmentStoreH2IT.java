package no.pasientsignal.server.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The enrolment store contract on H2: the default file database under the data dir. */
class EnrolmentStoreH2IT extends EnrolmentStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database startEmptyDatabase() {
        return Database.start(DatabaseSettings.defaultH2Url(dataDir), null, null, 6);
    }
}
