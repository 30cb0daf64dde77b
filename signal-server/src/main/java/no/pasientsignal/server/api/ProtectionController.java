package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;
import static no.pasientsignal.server.api.Viewer.QUALITY_LEAD;
import static no.pasientsignal.server.api.Viewer.TECHNICIAN;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.server.persistence.RoomRecord;
import no.pasientsignal.server.provisioning.ProtectionMonitor;
import no.pasientsignal.server.routing.OnDuty;

/**
 * The protection view: which of the devices each resident's care needs rely on work now. Every
 * role may read it (technicians fix what it shows); names only for care staff and administrators
 * ({@link Viewer}). Live alerts come on {@code GET /api/technical-alerts/stream}.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({NURSE, NIGHT_STAFF, TECHNICIAN, QUALITY_LEAD, ADMINISTRATOR})
public class ProtectionController {

    private final ProtectionMonitor monitor;
    private final JdbcFacilityStore facility;
    private final OnDuty onDuty;

    public ProtectionController(ProtectionMonitor monitor, JdbcFacilityStore facility, OnDuty onDuty) {
        this.monitor = monitor;
        this.facility = facility;
        this.onDuty = onDuty;
    }

    /** One resident's needs, covered or not and why, with device, last seen and battery. */
    @Get("/residents/{id}/protection")
    public HttpResponse<?> resident(@PathVariable String id, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return monitor.protection(id)
                .<HttpResponse<?>>map(p -> HttpResponse.ok(ProtectionDto.of(
                        p,
                        p.resident().roomId() == null
                                ? null
                                : facility.findRoom(p.resident().roomId())
                                        .map(RoomRecord::name)
                                        .orElse(null),
                        viewer)))
                .orElseGet(() -> ResidentsController.notFound(id));
    }

    /**
     * The ward overview: residents living here whose protection is incomplete, ordered by room;
     * {@code all=true} lists every resident living here.
     */
    @Get("/protection")
    public List<ProtectionDto> overview(
            @QueryValue(defaultValue = "false") boolean all, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        Map<String, String> roomNames = new HashMap<>();
        facility.rooms().forEach(room -> roomNames.put(room.id(), room.name()));
        return monitor.overview().stream()
                .filter(p -> all || !p.complete())
                .map(p -> ProtectionDto.of(p, roomNames.get(p.resident().roomId()), viewer))
                .toList();
    }

    /** Active protection alerts, oldest first. */
    @Get("/protection-alerts")
    public List<ProtectionAlertDto> alerts(Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return monitor.activeAlerts().stream()
                .map(alert -> ProtectionAlertDto.of(alert, viewer, onDuty.carersFor(alert.roomId())))
                .toList();
    }
}
