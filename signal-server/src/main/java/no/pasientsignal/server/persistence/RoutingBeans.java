package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import no.pasientsignal.server.SignalSettings;
import no.pasientsignal.server.alarm.CarePlanBook;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.routing.OnDuty;
import no.pasientsignal.server.routing.RoomPlaces;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing and care plans in force, read once from the database at startup; the API stores each
 * change and then puts it in force, so the alarm engine never queries the database.
 */
@Factory
class RoutingBeans {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingBeans.class);

    /** The zone of sites without saved routing (and the column default of {@code site.time_zone}). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

    @Singleton
    JdbcRoutingStore routingStore(Database database) {
        return new JdbcRoutingStore(database.jdbc());
    }

    @Singleton
    JdbcCarePlanStore carePlanStore(Database database) {
        return new JdbcCarePlanStore(database.jdbc());
    }

    /**
     * Where rooms are, read from the database on each use: its users (protection alerts, presence
     * marked from a handset) are rare, and a room moved to another zone is seen at once.
     */
    @Singleton
    RoomPlaces roomPlaces(JdbcFacilityStore store) {
        return roomId -> store.findRoom(roomId)
                .flatMap(room -> store.findZone(room.zoneId())
                        .flatMap(zone -> store.findWard(zone.wardId())
                                .map(ward -> new RoomPlaces.RoomPlace(
                                        ward.siteId(),
                                        new no.pasientsignal.server.alarm.Placement(
                                                room.id(), room.name(), zone.id(), ward.id(), "UNKNOWN")))));
    }

    /** Who is on duty for a room now. */
    @Singleton
    OnDuty onDuty(RoutingTables routing, RoomPlaces rooms, java.time.Clock clock) {
        return new OnDuty(routing, rooms, clock);
    }

    /**
     * Every site's saved routing; a site without any routes by {@link
     * no.pasientsignal.server.routing.SiteRouting#unconfigured}. In demo mode an installation
     * without routing first gets the demo roster, which needs the demo ward ({@code facility}) and
     * the demo staff ({@code staff}) seeded, hence those otherwise unused parameters.
     */
    @Singleton
    RoutingTables routingTables(
            JdbcRoutingStore store,
            JdbcFacilityStore facilityStore,
            JdbcStaffStore staffStore,
            SignalSettings settings,
            FacilityDirectory facility,
            StaffDirectory staff) {
        if (settings.demo()) {
            FacilityLoader.seedDemoRoutingIfNone(store, facilityStore, staffStore, settings.siteName());
        }
        var tables = new RoutingTables(DEFAULT_ZONE);
        var saved = store.all();
        saved.forEach(tables::put);
        LOG.info("Loaded the routing of {} site(s)", saved.size());
        return tables;
    }

    /**
     * The care plans of residents who live in a room. In demo mode an installation without care
     * plans first gets the demo plan, which needs the demo residents ({@code residents}).
     */
    @Singleton
    CarePlanBook carePlanBook(
            JdbcCarePlanStore store,
            JdbcResidentStore residentStore,
            JdbcFacilityStore facilityStore,
            JdbcStaffStore staffStore,
            SignalSettings settings,
            Clock clock,
            ResidentDirectory residents) {
        if (settings.demo()) {
            FacilityLoader.seedDemoCarePlanIfNone(store, residentStore, facilityStore, staffStore, clock.instant());
        }
        var book = new CarePlanBook();
        int inForce = 0;
        for (CarePlanRecord stored : store.all()) {
            var plan = stored.inForce();
            if (plan.isPresent()) {
                book.put(plan.get());
                inForce++;
            }
        }
        LOG.info("Loaded {} care plan(s) in force", inForce);
        return book;
    }
}
