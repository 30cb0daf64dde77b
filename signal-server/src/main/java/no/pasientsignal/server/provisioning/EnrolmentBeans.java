package no.pasientsignal.server.provisioning;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import no.pasientsignal.certs.SitePki;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.facility.FacilityDirectory;

/** Wires enrolment and revocation into the application context. */
@Factory
class EnrolmentBeans {

    /** Read once at startup, so handshakes never wait for the database. */
    @Singleton
    Revocations revocations(EnrolmentRepository repository, Clock clock) {
        return Revocations.load(repository, clock.instant());
    }

    /** Issues with the site CA; its private key is read from the site PKI folder once, here. */
    @Singleton
    EnrolmentService enrolment(
            Clock clock,
            EnrolmentSettings settings,
            EnrolmentRepository repository,
            SitePki pki,
            FacilityDirectory facility,
            Revocations revocations,
            AuditLog audit)
            throws IOException {
        return new EnrolmentService(clock, settings, repository, pki.loadCa(), facility, revocations, audit);
    }
}
