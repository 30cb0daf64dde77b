package no.pasientsignal.server;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import no.pasientsignal.certs.SitePki;
import no.pasientsignal.server.coap.CoapSettings;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.SessionTokens;
import no.pasientsignal.server.staff.StaffDirectory;
import no.pasientsignal.server.staff.StaffRepository;

/** Wires the framework-free domain objects into the application context. */
@Factory
class ServerBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Staff accounts from the database; demo mode adds the demo logins to an empty installation. */
    @Singleton
    StaffDirectory staff(SignalSettings settings, StaffRepository accounts) {
        var directory = new StaffDirectory(new PasswordHasher(), accounts);
        if (settings.demo()) {
            directory.seedDemoStaffIfEmpty();
        }
        return directory;
    }

    @Singleton
    SessionTokens sessions(Clock clock, SignalSettings settings) {
        return new SessionTokens(clock, settings.sessionLifetime());
    }

    /** The site PKI: created on first run (site CA and server certificate), loaded afterwards. */
    @Singleton
    SitePki sitePki(SignalSettings settings, CoapSettings coap) throws IOException {
        return SitePki.bootstrap(
                Path.of(settings.dataDir(), "pki"), settings.siteName(), coap.serverNames(), coap.serverAddresses());
    }
}
