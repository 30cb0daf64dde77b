package no.pasientsignal.server.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Optional;
import no.pasientsignal.server.api.FacilityController.LocationRequest;
import no.pasientsignal.server.api.FacilityController.NameRequest;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.LocationRecord;
import no.pasientsignal.server.persistence.RoomRecord;
import no.pasientsignal.server.persistence.WardRecord;
import no.pasientsignal.server.persistence.ZoneRecord;

/**
 * Changes to the facility model after it was set up: renaming a site or a zone, and adding a location (a second bed,
 * the bathroom) to a room. Administrators only. Wards and rooms are not renamed here: their names travel with every
 * device in the call path's directory, which would go stale. Each write is one transaction, refused requests write
 * nothing, and the answer waits for the audit entry ({@link AuditTrail}).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(FacilityController.ADMIN)
public class FacilityChangesController {

    private final JdbcFacilityStore store;
    private final AuditTrail audit;

    FacilityChangesController(JdbcFacilityStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Put("/sites/{siteId}")
    public HttpResponse<?> renameSite(
            @PathVariable String siteId, @Body @Valid NameRequest request, Principal principal) {
        String name = request.name().strip();
        if (!store.renameSite(siteId, name)) {
            return notFound("site", siteId);
        }
        audit.changed(principal.getName(), "facility.site.rename", siteId, siteId, AuditTrail.details("name", name));
        return HttpResponse.ok(store.findSite(siteId).orElseThrow());
    }

    @Put("/zones/{zoneId}")
    public HttpResponse<?> renameZone(
            @PathVariable String zoneId, @Body @Valid NameRequest request, Principal principal) {
        String name = request.name().strip();
        if (!store.renameZone(zoneId, name)) {
            return notFound("zone", zoneId);
        }
        ZoneRecord zone = store.findZone(zoneId).orElseThrow();
        audit.changed(
                principal.getName(),
                "facility.zone.rename",
                store.findWard(zone.wardId()).map(WardRecord::siteId).orElse(null),
                zoneId,
                AuditTrail.details("name", name));
        return HttpResponse.ok(zone);
    }

    @Post("/rooms/{roomId}/locations")
    public HttpResponse<?> addLocation(
            @PathVariable String roomId, @Body @Valid LocationRequest request, Principal principal) {
        Optional<RoomRecord> room = store.findRoom(roomId);
        if (room.isEmpty()) {
            return notFound("room", roomId);
        }
        LocationRecord location =
                store.createLocation(roomId, request.kind(), request.label().strip());
        audit.changed(
                principal.getName(),
                "facility.location.create",
                store.findZone(room.get().zoneId())
                        .flatMap(z -> store.findWard(z.wardId()))
                        .map(WardRecord::siteId)
                        .orElse(null),
                location.id(),
                AuditTrail.details("room", roomId, "kind", location.kind(), "label", location.label()));
        return HttpResponse.created(location);
    }

    private static HttpResponse<ApiError> notFound(String what, String id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("No " + what + " with id " + id + "."));
    }
}
