package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;
import static no.pasientsignal.server.api.Viewer.TECHNICIAN;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.ProtectionMonitor;
import no.pasientsignal.server.provisioning.TechnicalAlert;
import no.pasientsignal.server.routing.OnDuty;
import no.pasientsignal.server.staff.SessionTokens;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Technical alerts (device silent, battery low, tamper; and about the server itself: its journal
 * failing or its disk low on space), kept apart from {@code /api/calls}: they are for whoever
 * maintains the devices and the server, not a call to a resident.
 *
 * <ul>
 *   <li>{@code GET /api/technical-alerts}: active alerts, oldest first. Device level, no resident
 *       data, so any logged-in staff member may read it (nurses often change batteries).
 *   <li>{@code GET /api/technical-alerts/stream}: server-sent events by role. Technicians and
 *       administrators get {@code technical} events (device level, never a resident's name).
 *       Nurses and night staff get {@code protection} events instead: a resident whose care needs
 *       are no longer covered, named, with what is uncovered and the {@code responsibleNurse}
 *       (every care-staff stream gets them so a resident without a nurse on shift is not missed;
 *       {@code addressedToYou} marks the responsible nurse's and those of the carers the roster
 *       puts on the room's zone now, listed in {@code onDuty}). Administrators get both. Quality
 *       leads are refused: they read the lists.
 * </ul>
 */
@Controller("/api/technical-alerts")
public class TechnicalAlertsController {

    /**
     * A technical alert as the API shows it. {@code raisedAt} and {@code clearedAt} are ISO-8601
     * UTC; {@code clearedAt} is null while the alert is active. An alert about the server
     * ({@code JOURNAL_FAILING}, {@code JOURNAL_SPACE_LOW}) has {@code deviceId} {@code
     * signal-server} and no {@code roomId}.
     */
    @Serdeable
    public record TechnicalAlertDto(
            String kind, String deviceId, String roomId, String detail, String raisedAt, String clearedAt) {

        static TechnicalAlertDto of(TechnicalAlert alert) {
            return new TechnicalAlertDto(
                    alert.kind().name(),
                    alert.deviceId(),
                    alert.roomId(),
                    alert.detail(),
                    alert.raisedAt().toString(),
                    alert.cleared().map(Object::toString).orElse(null));
        }
    }

    private final DeviceHealth health;
    private final ProtectionMonitor protection;
    private final OnDuty onDuty;
    private final SessionTokens sessions;
    private final Duration keepAlive;

    public TechnicalAlertsController(
            DeviceHealth health,
            ProtectionMonitor protection,
            OnDuty onDuty,
            SessionTokens sessions,
            ApiSettings settings) {
        this.health = health;
        this.protection = protection;
        this.onDuty = onDuty;
        this.sessions = sessions;
        this.keepAlive = settings.keepAlive();
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<TechnicalAlertDto> activeTechnicalAlerts() {
        return health.activeTechnicalAlerts().stream()
                .map(TechnicalAlertDto::of)
                .toList();
    }

    /**
     * Server-sent events by role (see the class comment), plus {@code ping} events on connect and
     * every {@code signal.api.keep-alive}. A client reads {@code GET /api/technical-alerts} or
     * {@code GET /api/protection-alerts} after connecting for the current state, then applies
     * changes. The stream ends when its session is revoked or expires, at the latest one keep-alive
     * later.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    @Secured({NURSE, NIGHT_STAFF, TECHNICIAN, ADMINISTRATOR})
    public Publisher<Event<?>> stream(
            @Header(HttpHeaders.AUTHORIZATION) String authorization, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        var streams = new ArrayList<Flux<Event<?>>>();
        if (viewer.maintainsDevices()) {
            streams.add(SseStreams.from(emit -> health.subscribe(
                    alert -> emit.accept(Event.of(TechnicalAlertDto.of(alert)).name("technical")))));
        }
        if (viewer.careStaff() || authentication.getRoles().contains(ADMINISTRATOR)) {
            streams.add(SseStreams.from(emit -> protection.subscribe(alert ->
                    emit.accept(Event.of(ProtectionAlertDto.of(alert, viewer, onDuty.carersFor(alert.roomId())))
                            .name("protection")))));
        }
        return SseStreams.live(streams, authorization, sessions, keepAlive);
    }
}
