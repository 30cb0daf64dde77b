package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;
import static no.pasientsignal.server.api.Viewer.QUALITY_LEAD;
import static no.pasientsignal.server.api.Viewer.TECHNICIAN;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.persistence.DeviceRecord;
import no.pasientsignal.server.persistence.DeviceState;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.JdbcFacilityStore.InventoryDevice;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.DeviceStatus;
import no.pasientsignal.server.provisioning.TechnicalAlertKind;

/**
 * Reading the facility model: sites, wards, zones and rooms for every role (no resident data in
 * them), and devices with their health for technicians and administrators. The writes are in
 * {@link FacilityController}.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FacilityReadController {

    /**
     * A device with what is known of its health. {@code statusSource} says where {@code lastSeen},
     * {@code batteryPercent}, {@code rssiDbm} and {@code firmware} come from: LIVE (heard since the
     * server started), STORED (what was stored before the last restart; the device has not been
     * heard since) or NONE (never heard). {@code alerts} are the kinds of its active technical
     * alerts; {@code inService} says whether the call path accepts it now; {@code online} is true
     * for a device in service that was heard since the server started and is not silent now. The
     * place fields are null for a device in stock.
     */
    @Serdeable
    public record DeviceStatusDto(
            String deviceId,
            String type,
            String serial,
            String state,
            boolean inService,
            boolean online,
            String locationId,
            String roomId,
            String roomName,
            String wardId,
            String wardName,
            String locationKind,
            String lastSeen,
            Integer batteryPercent,
            Integer rssiDbm,
            String firmware,
            String statusSource,
            List<String> alerts) {}

    private final JdbcFacilityStore store;
    private final FacilityDirectory directory;
    private final DeviceHealth health;

    public FacilityReadController(JdbcFacilityStore store, FacilityDirectory directory, DeviceHealth health) {
        this.store = store;
        this.directory = directory;
        this.health = health;
    }

    @Get("/sites")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> sites() {
        return HttpResponse.ok(store.sites());
    }

    @Get("/sites/{siteId}")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> site(@PathVariable String siteId) {
        return store.findSite(siteId).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound("site", siteId));
    }

    @Get("/sites/{siteId}/wards")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> wards(@PathVariable String siteId) {
        if (store.findSite(siteId).isEmpty()) {
            return notFound("site", siteId);
        }
        return HttpResponse.ok(store.wardsOf(siteId));
    }

    @Get("/wards/{wardId}/zones")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> zones(@PathVariable String wardId) {
        if (store.findWard(wardId).isEmpty()) {
            return notFound("ward", wardId);
        }
        return HttpResponse.ok(store.zonesOf(wardId));
    }

    @Get("/zones/{zoneId}/rooms")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> rooms(@PathVariable String zoneId) {
        if (store.findZone(zoneId).isEmpty()) {
            return notFound("zone", zoneId);
        }
        return HttpResponse.ok(store.roomsOf(zoneId));
    }

    @Get("/rooms/{roomId}")
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
    public HttpResponse<?> room(@PathVariable String roomId) {
        return store.findRoom(roomId).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound("room", roomId));
    }

    /** The devices mounted in the room, whatever their state, with their health. */
    @Get("/rooms/{roomId}/devices")
    @Secured({TECHNICIAN, ADMINISTRATOR})
    public HttpResponse<?> devicesInRoom(@PathVariable String roomId) {
        if (store.findRoom(roomId).isEmpty()) {
            return notFound("room", roomId);
        }
        return HttpResponse.ok(store.inventory().stream()
                .filter(device -> roomId.equals(device.roomId()))
                .map(this::status)
                .toList());
    }

    /**
     * The technicians' inventory: every device the site has recorded, whatever its state, with its
     * place and health, ordered by device id. Optional filters, all applied together: {@code type}
     * and {@code state} (names, exact), {@code wardId} and {@code roomId}, and {@code q}, a piece
     * of the device id or serial (any case). An unknown type or state is refused with a sentence.
     */
    @Get("/devices{?type,state,wardId,roomId,q}")
    @Secured({TECHNICIAN, ADMINISTRATOR})
    public HttpResponse<?> inventory(
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String state,
            @Nullable @QueryValue String wardId,
            @Nullable @QueryValue String roomId,
            @Nullable @QueryValue String q) {
        if (present(type)
                && Arrays.stream(DeviceType.values()).noneMatch(t -> t.name().equals(type))) {
            return HttpResponse.badRequest(
                    new ApiError("type must be one of " + Arrays.toString(DeviceType.values()) + "."));
        }
        if (present(state)
                && Arrays.stream(DeviceState.values()).noneMatch(s -> s.name().equals(state))) {
            return HttpResponse.badRequest(
                    new ApiError("state must be one of " + Arrays.toString(DeviceState.values()) + "."));
        }
        String needle = present(q) ? q.strip().toLowerCase(Locale.ROOT) : null;
        return HttpResponse.ok(store.inventory().stream()
                .filter(d -> !present(type) || d.device().type().equals(type))
                .filter(d -> !present(state) || d.device().state().name().equals(state))
                .filter(d -> !present(wardId) || wardId.equals(d.wardId()))
                .filter(d -> !present(roomId) || roomId.equals(d.roomId()))
                .filter(d -> needle == null
                        || d.device().deviceId().toLowerCase(Locale.ROOT).contains(needle)
                        || d.device().serial().toLowerCase(Locale.ROOT).contains(needle))
                .map(this::status)
                .toList());
    }

    /**
     * A device with its last seen, battery, signal, firmware, state and active technical alerts:
     * live when it was heard since the server started, else as stored before the restart.
     */
    @Get("/devices/{deviceId}/status")
    @Secured({TECHNICIAN, ADMINISTRATOR})
    public HttpResponse<?> deviceStatus(@PathVariable String deviceId) {
        return store.inventory().stream()
                .filter(device -> device.device().deviceId().equals(deviceId))
                .findFirst()
                .<HttpResponse<?>>map(device -> HttpResponse.ok(status(device)))
                .orElseGet(() -> notFound("device", deviceId));
    }

    private DeviceStatusDto status(InventoryDevice placed) {
        DeviceRecord device = placed.device();
        Optional<DeviceStatus> live = health.status(device.deviceId());
        Optional<DeviceStatus> known = health.lastKnown(device.deviceId());
        String source = live.isPresent() ? "LIVE" : known.isPresent() ? "STORED" : "NONE";
        Set<TechnicalAlertKind> alerts = health.activeAlertKinds(device.deviceId());
        boolean inService = directory.device(device.deviceId()).isPresent();
        // What the tracker knows is newer than the row until the next write-behind; the row is
        // the fallback (for example a firmware entered at registration).
        return new DeviceStatusDto(
                device.deviceId(),
                device.type(),
                device.serial(),
                device.state().name(),
                inService,
                inService && live.isPresent() && !alerts.contains(TechnicalAlertKind.DEVICE_SILENT),
                device.locationId(),
                placed.roomId(),
                placed.roomName(),
                placed.wardId(),
                placed.wardName(),
                placed.locationKind(),
                known.map(s -> s.lastSeen().toString())
                        .orElse(
                                device.lastSeen() == null
                                        ? null
                                        : device.lastSeen().toString()),
                known.map(DeviceStatus::batteryPercent).orElse(device.batteryPercent()),
                known.map(DeviceStatus::rssiDbm).orElse(null),
                known.map(DeviceStatus::firmware).orElse(device.firmware()),
                source,
                alerts.stream().map(Enum::name).sorted().toList());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static HttpResponse<ApiError> notFound(String what, String id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("No " + what + " with id " + id + "."));
    }
}
