package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import no.pasientsignal.server.api.RoutingDtos.EscalationDto;
import no.pasientsignal.server.api.RoutingDtos.RosterDto;
import no.pasientsignal.server.api.RoutingDtos.RosterRequest;
import no.pasientsignal.server.api.RoutingDtos.ShiftsDto;
import no.pasientsignal.server.api.RoutingDtos.ShiftsRequest;
import no.pasientsignal.server.api.RoutingDtos.SiteFacts;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcRoutingStore;
import no.pasientsignal.server.persistence.JdbcStaffStore;
import no.pasientsignal.server.persistence.WardRecord;
import no.pasientsignal.server.persistence.ZoneRecord;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's routing: shifts and time zone, the roster (assignments, merged zones, response centre),
 * absences, and the escalation chains. Care staff and administrators read it; administrators
 * change it, and so may the lead of the shift running now mark colleagues absent or back. Every
 * change builds the site's whole new routing from what is in force, stores it in one transaction
 * and only then puts it in force, so the next alarm routes by it and a refused request (400, 404,
 * 409) changes neither. Each change is journaled ({@link AuditTrail}) before it is answered.
 * Runs off the event loop: it talks to the database.
 */
@Controller("/api/sites/{siteId}/routing")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Routing")
public class RoutingController {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingController.class);

    private final JdbcRoutingStore store;
    private final JdbcFacilityStore facility;
    private final JdbcStaffStore staff;
    private final RoutingTables tables;
    private final Clock clock;
    private final AuditTrail audit;
    /** Read, store and put in force as one step, so concurrent changes never undo each other. */
    private final Object writes = new Object();

    RoutingController(
            JdbcRoutingStore store,
            JdbcFacilityStore facility,
            JdbcStaffStore staff,
            RoutingTables tables,
            Clock clock,
            AuditTrail audit) {
        this.store = store;
        this.facility = facility;
        this.staff = staff;
        this.tables = tables;
        this.clock = clock;
        this.audit = audit;
    }

    @Get("/shifts")
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public ShiftsDto shifts(@PathVariable String siteId) {
        return RoutingDtos.shifts(inForce(siteId).roster().plan(), tables.isConfigured(siteId));
    }

    /** Replaces the shift plan and time zone; the roster must name only shifts the new plan has. */
    @Put("/shifts")
    @Secured(ADMINISTRATOR)
    public ShiftsDto replaceShifts(
            @PathVariable String siteId, @Body @Valid ShiftsRequest request, Authentication authentication) {
        var plan = RoutingDtos.shiftPlan(request);
        SiteRouting saved = change(
                siteId,
                authentication,
                "routing.shifts.replace",
                siteId,
                now -> now.withRoster(RoutingDtos.withPlan(now.roster(), plan)));
        return RoutingDtos.shifts(saved.roster().plan(), true);
    }

    @Get("/roster")
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public RosterDto roster(@PathVariable String siteId) {
        return RoutingDtos.roster(inForce(siteId).roster(), tables.isConfigured(siteId));
    }

    /** Replaces assignments, zone merges and the response centre; absences stay as they are. */
    @Put("/roster")
    @Secured(ADMINISTRATOR)
    public RosterDto replaceRoster(
            @PathVariable String siteId, @Body @Valid RosterRequest request, Authentication authentication) {
        SiteFacts facts = facts(siteId);
        SiteRouting saved = change(siteId, authentication, "routing.roster.replace", siteId, now -> {
            Roster current = now.roster();
            return now.withRoster(RoutingDtos.roster(request, current.plan(), current.absent(), facts));
        });
        return RoutingDtos.roster(saved.roster(), true);
    }

    /**
     * Marks a staff member absent (sick, called away): routing skips them until they are marked
     * present. Administrators, or the lead of the shift running now at this site.
     */
    @Put("/absences/{username}")
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public RosterDto markAbsent(
            @PathVariable String siteId, @PathVariable String username, Authentication authentication) {
        return absence(siteId, username, authentication, true);
    }

    /** Marks a staff member present again; same callers as marking absent. */
    @Delete("/absences/{username}")
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public RosterDto markPresent(
            @PathVariable String siteId, @PathVariable String username, Authentication authentication) {
        return absence(siteId, username, authentication, false);
    }

    @Get("/escalation")
    @Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
    public EscalationDto escalation(@PathVariable String siteId) {
        return RoutingDtos.escalation(inForce(siteId).policy());
    }

    /** Replaces the escalation chains: one per priority, steps in time order, the first at once. */
    @Put("/escalation")
    @Secured(ADMINISTRATOR)
    public EscalationDto replaceEscalation(
            @PathVariable String siteId, @Body @Valid EscalationDto request, Authentication authentication) {
        var policy = RoutingDtos.policy(request);
        SiteRouting saved =
                change(siteId, authentication, "routing.escalation.replace", siteId, now -> now.withPolicy(policy));
        return RoutingDtos.escalation(saved.policy());
    }

    // --- helpers -------------------------------------------------------------------------------

    private RosterDto absence(String siteId, String username, Authentication authentication, boolean absent) {
        SiteRouting current = inForce(siteId);
        if (staff.find(username).isEmpty()) {
            throw Refusal.notFound("No staff member with username " + username);
        }
        if (!authentication.getRoles().contains(ADMINISTRATOR) && !leadsCurrentShift(current, authentication)) {
            throw Refusal.forbidden(
                    "Only an administrator or the lead of the shift now on duty may mark staff absent or present");
        }
        SiteRouting saved = change(
                siteId,
                authentication,
                absent ? "routing.absence.mark" : "routing.absence.clear",
                username,
                now -> now.withRoster(
                        absent
                                ? now.roster().withAbsent(username)
                                : now.roster().withPresent(username)));
        return RoutingDtos.roster(saved.roster(), true);
    }

    private boolean leadsCurrentShift(SiteRouting routing, Authentication authentication) {
        Roster roster = routing.roster();
        String shift = roster.plan().at(clock.instant()).name();
        return roster.assignments().stream()
                .anyMatch(a -> a.lead() && a.shift().equals(shift) && a.staff().equals(authentication.getName()));
    }

    /** The routing in force for an existing site; 404 for an unknown one. */
    private SiteRouting inForce(String siteId) {
        if (facility.findSite(siteId).isEmpty()) {
            throw Refusal.notFound("No site with id " + siteId);
        }
        return tables.forSite(siteId);
    }

    /**
     * Builds the new routing from the one in force, stores it, puts it in force and journals it
     * (in that order, under the lock, so the journal has changes in the order they took effect);
     * answers once the entry is durable.
     */
    private SiteRouting change(
            String siteId,
            Authentication authentication,
            String action,
            String subject,
            UnaryOperator<SiteRouting> change) {
        SiteRouting next;
        CompletableFuture<Long> entry;
        synchronized (writes) {
            next = change.apply(inForce(siteId));
            if (!store.save(siteId, next)) {
                throw Refusal.notFound("No site with id " + siteId);
            }
            tables.put(siteId, next);
            LOG.info("Routing of site {} changed by {}: {} {}", siteId, authentication.getName(), action, subject);
            Roster roster = next.roster();
            entry = audit.record(
                    authentication.getName(),
                    action,
                    siteId,
                    subject,
                    AuditTrail.details(
                            "assignments", roster.assignments().size(),
                            "absent", String.join(",", new TreeSet<>(roster.absent()))));
        }
        audit.await(entry);
        return next;
    }

    private SiteFacts facts(String siteId) {
        if (facility.findSite(siteId).isEmpty()) {
            throw Refusal.notFound("No site with id " + siteId);
        }
        var wards = new HashSet<String>();
        Map<String, String> wardOfZone = new HashMap<>();
        for (WardRecord ward : facility.wardsOf(siteId)) {
            wards.add(ward.id());
            for (ZoneRecord zone : facility.zonesOf(ward.id())) {
                wardOfZone.put(zone.id(), ward.id());
            }
        }
        Map<String, StaffMember> members = new HashMap<>();
        staff.list().forEach(m -> members.put(m.username(), m));
        return new SiteFacts(wards, wardOfZone, members);
    }
}
