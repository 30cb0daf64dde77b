package no.pasientsignal.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import no.pasientsignal.server.api.DeviceLifecycleController.DeviceWithCredentialDto;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.DeviceRecord;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.persistence.LocationRecord;
import no.pasientsignal.server.persistence.RoomRecord;
import no.pasientsignal.server.persistence.SiteRecord;
import no.pasientsignal.server.persistence.WardRecord;
import no.pasientsignal.server.persistence.ZoneRecord;
import no.pasientsignal.server.provisioning.EnrolmentCredential;
import no.pasientsignal.server.provisioning.EnrolmentService;

/**
 * The facility model over HTTP: administrators set up sites, wards, zones and rooms; technicians
 * (and administrators) register devices at a room's locations. Every request body is validated
 * and a refusal names the field; each write is one transaction, so a refused request writes
 * nothing, and is answered once its audit journal entry is durable ({@link AuditTrail}). Runs off
 * the event loop: it talks to the database.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FacilityController {

    static final String ADMIN = "ADMINISTRATOR";
    static final String TECHNICIAN = "TECHNICIAN";

    @Serdeable
    public record NameRequest(@NotBlank @Size(max = 200) String name) {}

    @Serdeable
    public record LocationRequest(
            @NotNull LocationKind kind,
            @NotBlank @Size(max = 100) String label) {}

    @Serdeable
    public record RoomRequest(
            @NotBlank @Size(max = 20) String number,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull LocationRequest> locations) {}

    @Serdeable
    public record DeviceRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 of A-Z a-z 0-9 . _ -")
            String deviceId,

            @NotNull DeviceType type,
            @NotBlank @Size(max = 100) String serial,
            @Nullable String locationId) {}

    private final JdbcFacilityStore store;
    private final EnrolmentService enrolment;
    private final AuditTrail audit;

    FacilityController(JdbcFacilityStore store, EnrolmentService enrolment, AuditTrail audit) {
        this.store = store;
        this.enrolment = enrolment;
        this.audit = audit;
    }

    @Post("/sites")
    @Secured(ADMIN)
    public HttpResponse<SiteRecord> createSite(@Body @Valid NameRequest request, Principal principal) {
        SiteRecord site = store.createSite(request.name().strip());
        audit.changed(
                principal.getName(),
                "facility.site.create",
                site.id(),
                site.id(),
                AuditTrail.details("name", site.name()));
        return HttpResponse.created(site);
    }

    @Post("/sites/{siteId}/wards")
    @Secured(ADMIN)
    public HttpResponse<?> createWard(
            @PathVariable String siteId, @Body @Valid NameRequest request, Principal principal) {
        if (store.findSite(siteId).isEmpty()) {
            return notFound("site", siteId);
        }
        WardRecord ward = store.createWard(siteId, request.name().strip());
        audit.changed(
                principal.getName(),
                "facility.ward.create",
                siteId,
                ward.id(),
                AuditTrail.details("name", ward.name()));
        return HttpResponse.created(ward);
    }

    @Post("/wards/{wardId}/zones")
    @Secured(ADMIN)
    public HttpResponse<?> createZone(
            @PathVariable String wardId, @Body @Valid NameRequest request, Principal principal) {
        Optional<WardRecord> ward = store.findWard(wardId);
        if (ward.isEmpty()) {
            return notFound("ward", wardId);
        }
        ZoneRecord zone = store.createZone(wardId, request.name().strip());
        audit.changed(
                principal.getName(),
                "facility.zone.create",
                ward.get().siteId(),
                zone.id(),
                AuditTrail.details("ward", wardId, "name", zone.name()));
        return HttpResponse.created(zone);
    }

    /** A room and its locations (bed, bathroom, door...) in one transaction. */
    @Post("/zones/{zoneId}/rooms")
    @Secured(ADMIN)
    public HttpResponse<?> createRoom(
            @PathVariable String zoneId, @Body @Valid RoomRequest request, Principal principal) {
        Optional<ZoneRecord> zone = store.findZone(zoneId);
        if (zone.isEmpty()) {
            return notFound("zone", zoneId);
        }
        RoomRecord room = store.createRoomWithLocations(
                zoneId,
                request.number().strip(),
                request.name().strip(),
                request.locations().stream()
                        .map(l -> new NewLocation(l.kind(), l.label().strip()))
                        .toList());
        audit.changed(
                principal.getName(),
                "facility.room.create",
                store.findWard(zone.get().wardId()).map(WardRecord::siteId).orElse(null),
                room.id(),
                AuditTrail.details(
                        "zone",
                        zoneId,
                        "number",
                        room.number(),
                        "locations",
                        request.locations().size()));
        return HttpResponse.created(room);
    }

    @Get("/rooms/{roomId}/locations")
    @Secured({ADMIN, TECHNICIAN})
    public HttpResponse<?> locations(@PathVariable String roomId) {
        if (store.findRoom(roomId).isEmpty()) {
            return notFound("room", roomId);
        }
        List<LocationRecord> locations = store.locationsInRoom(roomId);
        return HttpResponse.ok(locations);
    }

    /**
     * Registers a device and returns it with its one-time enrolment credential (shown once), in
     * one transaction. Mounted at a location, it is known to the call path at once; it gets its
     * certificate by enrolling with the credential (EST-coaps, see docs/protocol.md).
     */
    @Post("/devices")
    @Secured({ADMIN, TECHNICIAN})
    public HttpResponse<?> registerDevice(@Body @Valid DeviceRequest request, Principal principal) {
        if (request.locationId() != null
                && store.findLocation(request.locationId()).isEmpty()) {
            return notFound("location", request.locationId());
        }
        EnrolmentCredential credential = enrolment.registerDevice(
                request.deviceId(),
                request.type(),
                request.serial().strip(),
                request.locationId(),
                principal.getName());
        DeviceRecord device = store.findDevice(request.deviceId()).orElseThrow();
        // The credential's identity only: its secret is shown once, to the technician, and kept nowhere else.
        audit.changed(
                principal.getName(),
                "device.register",
                null,
                device.deviceId(),
                AuditTrail.details(
                        "type", device.type(),
                        "serial", device.serial(),
                        "location", device.locationId(),
                        "credential", credential.identity()));
        return HttpResponse.created(DeviceWithCredentialDto.of(device, credential));
    }

    @Get("/devices/{deviceId}")
    @Secured({ADMIN, TECHNICIAN})
    public HttpResponse<?> device(@PathVariable String deviceId) {
        return store.findDevice(deviceId)
                .<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> notFound("device", deviceId));
    }

    private static HttpResponse<ApiError> notFound(String what, String id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("No " + what + " with id " + id + "."));
    }
}
