package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import no.pasientsignal.server.SignalSettings;
import no.pasientsignal.server.facility.FacilityDirectory;

/** The database and the stores over it. */
@Factory
class PersistenceBeans {

    /**
     * Created with the application context (not on first use), so a database that cannot be
     * reached or migrated stops the server at startup with a message naming its URL.
     */
    @Context
    @Bean(preDestroy = "close")
    Database database(DatabaseSettings database, SignalSettings signal) {
        return Database.start(
                database.effectiveUrl(Path.of(signal.dataDir())),
                database.username(),
                database.password(),
                database.maximumPoolSize());
    }

    @Singleton
    JdbcFacilityStore facilityStore(Database database) {
        return new JdbcFacilityStore(database.jdbc());
    }

    @Singleton
    JdbcStaffStore staffStore(Database database) {
        return new JdbcStaffStore(database.jdbc());
    }

    /** The devices in service, read once from the database (seeded with the demo ward in demo mode). */
    @Singleton
    FacilityDirectory facility(JdbcFacilityStore store, SignalSettings settings) {
        if (settings.demo()) {
            FacilityLoader.seedDemoWardIfEmpty(store, settings.siteName());
        }
        return FacilityLoader.load(store);
    }
}
