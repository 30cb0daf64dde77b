package no.pasientsignal.console.admin.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.AdminClient;
import no.pasientsignal.console.client.AdminClient.Site;
import no.pasientsignal.console.client.AdminClient.Ward;
import no.pasientsignal.console.client.AdminClient.Zone;
import no.pasientsignal.console.client.ApiClient;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.testsupport.RealSignalServer;

/**
 * The real server's administrator API, straight (not through a view): to set up what a test needs, and to read back
 * what a view saved. Names carry a counter so tests in the shared server never meet.
 */
final class AdminApi {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final AdminClient client =
            new AdminClient(new ApiClient(RealSignalServer.shared().uri(), Duration.ofSeconds(10)));
    final AccessToken token = login("admin", "demo-admin");

    static AccessToken login(String username, String password) {
        return new SignalServerClient(RealSignalServer.shared().uri())
                .login(username, password)
                .token();
    }

    /** {@code base} made unique in this test JVM, in the server's user-name alphabet. */
    static String unique(String base) {
        return base + "-" + ProcessHandle.current().pid() % 1000 + "-" + COUNTER.incrementAndGet();
    }

    /** A site of its own with one ward and two zones, so routing changes touch nobody else's. */
    record OwnSite(Site site, Ward ward, List<Zone> zones) {}

    OwnSite ownSite(String name) {
        Site site = client.createSite(token, unique(name));
        Ward ward = client.createWard(token, site.id(), "Avdeling A");
        Zone north = client.createZone(token, ward.id(), "Nord");
        Zone south = client.createZone(token, ward.id(), "Sør");
        return new OwnSite(site, ward, List.of(north, south));
    }

    /** An active nurse of its own; password {@code langt-nok-passord}. */
    String ownNurse(String name) {
        String username = unique(name);
        client.createStaff(
                token, new AdminClient.NewStaff(username, "Test " + name, List.of("NURSE"), "langt-nok-passord"));
        return username;
    }
}
