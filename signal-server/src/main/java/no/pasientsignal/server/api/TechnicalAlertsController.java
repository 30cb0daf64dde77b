package no.pasientsignal.server.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.TechnicalAlert;

/**
 * {@code GET /api/technical-alerts}: active technical alerts (device silent, battery low, tamper),
 * oldest first. Kept apart from {@code /api/calls}: these are for whoever maintains the devices,
 * not a call to a resident. Any logged-in staff member may read them.
 */
@Controller("/api/technical-alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TechnicalAlertsController {

    /** A technical alert as the API shows it. {@code raisedAt} is ISO-8601 UTC. */
    @Serdeable
    public record TechnicalAlertDto(String kind, String deviceId, String roomId, String detail, String raisedAt) {

        static TechnicalAlertDto of(TechnicalAlert alert) {
            return new TechnicalAlertDto(
                    alert.kind().name(),
                    alert.deviceId(),
                    alert.roomId(),
                    alert.detail(),
                    alert.raisedAt().toString());
        }
    }

    private final DeviceHealth health;

    public TechnicalAlertsController(DeviceHealth health) {
        this.health = health;
    }

    @Get
    public List<TechnicalAlertDto> activeTechnicalAlerts() {
        return health.activeTechnicalAlerts().stream()
                .map(TechnicalAlertDto::of)
                .toList();
    }
}
