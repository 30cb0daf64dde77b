package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The enrolment store (credentials, issued certificates, device life cycle). */
@Factory
class EnrolmentStoreBeans {

    @Singleton
    JdbcEnrolmentStore enrolmentStore(Database database, JdbcFacilityStore facility) {
        return new JdbcEnrolmentStore(database.jdbc(), facility);
    }
}
