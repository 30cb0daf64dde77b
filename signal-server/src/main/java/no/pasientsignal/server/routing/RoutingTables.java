package no.pasientsignal.server.routing;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import no.pasientsignal.server.alarm.Dispatcher;

/**
 * The routing in force, per site. Reads are lock-free (one immutable {@link SiteRouting} per
 * site), so the call path never waits for an administrator saving a roster; the next escalation
 * step after a save uses the new one.
 */
public final class RoutingTables {

    private final ZoneId defaultZone;
    private final Map<String, SiteRouting> bySite = new ConcurrentHashMap<>();

    public RoutingTables(ZoneId defaultZone) {
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** The site's routing, or {@link SiteRouting#unconfigured} when none has been saved. */
    public SiteRouting forSite(String siteId) {
        SiteRouting routing = bySite.get(siteId);
        return routing != null ? routing : SiteRouting.unconfigured(defaultZone);
    }

    public boolean isConfigured(String siteId) {
        return bySite.containsKey(siteId);
    }

    /** Puts new routing in force for the site (after it has been stored). */
    public void put(String siteId, SiteRouting routing) {
        bySite.put(Objects.requireNonNull(siteId, "siteId"), Objects.requireNonNull(routing, "routing"));
    }

    /** A dispatcher that always routes by the site's routing in force at that moment. */
    public Dispatcher dispatcher(String siteId) {
        return new RosterDispatcher(() -> forSite(siteId));
    }
}
