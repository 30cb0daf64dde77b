package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.Viewer.ADMINISTRATOR;
import static no.pasientsignal.server.api.Viewer.NIGHT_STAFF;
import static no.pasientsignal.server.api.Viewer.NURSE;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import no.pasientsignal.server.alarm.Alarm;
import no.pasientsignal.server.alarm.AlarmInput;
import no.pasientsignal.server.alarm.AlarmRefused;
import no.pasientsignal.server.alarm.AlarmService;
import no.pasientsignal.server.alarm.AlarmUpdate;
import no.pasientsignal.server.alarm.DeliveryStatus;
import no.pasientsignal.server.audit.JournalException;
import no.pasientsignal.server.routing.RoomPlaces;
import no.pasientsignal.server.staff.SessionTokens;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Live alarms for care staff, and the handset API: the same endpoints serve the board, a phone
 * app or a DECT/messaging gateway logged in as the carer.
 *
 * <ul>
 *   <li>{@code GET /api/alarms}: open alarms, most urgent first ({@code zoneId}, {@code wardId}
 *       filter).
 *   <li>{@code GET /api/alarms/stream}: every change, as server-sent events named {@code alarm}
 *       ({@code forYou} marks alarms addressed to the caller); with {@code mine=true} only the
 *       caller's alarms (a handset). {@code GET /api/zones/{zoneId}/alarms/stream}: one zone's (a
 *       corridor display).
 *   <li>{@code POST /api/alarms/{id}/delivery}: a channel reports DELIVERED or SEEN;
 *       {@code accept}, {@code reject}, {@code silence}, {@code resolve}: the carer's answer.
 *   <li>{@code POST /api/rooms/{roomId}/presence}: mark or clear the caller's presence in a room.
 * </ul>
 *
 * Technicians and quality leads are refused: live alarms are about named people's care now.
 */
@Controller("/api")
@Secured({NURSE, NIGHT_STAFF, ADMINISTRATOR})
public class AlarmsController {

    /** A channel's receipt. */
    @Serdeable
    public record DeliveryReport(
            @NotNull @Pattern(regexp = "DELIVERED|SEEN", message = "must be DELIVERED or SEEN")
            String status) {}

    /** Presence marked ({@code true}) or cleared. */
    @Serdeable
    public record PresenceRequest(@NotNull Boolean present) {}

    /** What marking presence did. */
    @Serdeable
    public record PresenceDto(String roomId, boolean present, String outcome) {}

    private final AlarmService alarms;
    private final RoomPlaces rooms;
    private final SessionTokens sessions;
    private final Duration keepAlive;

    public AlarmsController(AlarmService alarms, RoomPlaces rooms, SessionTokens sessions, ApiSettings settings) {
        this.alarms = alarms;
        this.rooms = rooms;
        this.sessions = sessions;
        this.keepAlive = settings.keepAlive();
    }

    @Get("/alarms")
    public List<AlarmDto> openAlarms(@Nullable @QueryValue String zoneId, @Nullable @QueryValue String wardId) {
        return alarms.openAlarms().stream()
                .filter(a -> zoneId == null || zoneId.equals(a.place().zoneId()))
                .filter(a -> wardId == null || wardId.equals(a.place().wardId()))
                .map(AlarmDto::of)
                .toList();
    }

    @Get("/alarms/{id}")
    public HttpResponse<?> alarm(@PathVariable String id) {
        return parse(id)
                .flatMap(alarms::alarm)
                .<HttpResponse<?>>map(a -> HttpResponse.ok(AlarmDto.of(a)))
                .orElseGet(() -> notOpen(id));
    }

    /**
     * Server-sent events named {@code alarm} (an {@link AlarmChangeDto}), plus {@code ping} on
     * connect and every {@code signal.api.keep-alive}. Read {@code GET /api/alarms} after
     * connecting for the current state. Ends when the session ends.
     */
    @Get(value = "/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @Nullable @QueryValue Boolean mine,
            Authentication authentication) {
        String me = authentication.getName();
        Predicate<AlarmUpdate> filter = Boolean.TRUE.equals(mine)
                ? u -> u.alarm().recipients().containsKey(me)
                        || u.change().newRecipients().contains(me)
                : u -> true;
        return stream(authorization, me, filter);
    }

    @Get(value = "/zones/{zoneId}/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> zoneStream(
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String zoneId,
            Authentication authentication) {
        return stream(
                authorization,
                authentication.getName(),
                u -> zoneId.equals(u.alarm().place().zoneId()));
    }

    @Post("/alarms/{id}/delivery")
    public CompletableFuture<HttpResponse<?>> delivery(
            @PathVariable String id, @Body @Valid DeliveryReport report, Authentication authentication) {
        DeliveryStatus status = DeliveryStatus.valueOf(report.status());
        return act(id, alarmId -> alarms.delivered(alarmId, authentication.getName(), status));
    }

    @Post("/alarms/{id}/accept")
    public CompletableFuture<HttpResponse<?>> accept(@PathVariable String id, Authentication authentication) {
        return act(id, alarmId -> alarms.accept(alarmId, authentication.getName()));
    }

    @Post("/alarms/{id}/reject")
    public CompletableFuture<HttpResponse<?>> reject(@PathVariable String id, Authentication authentication) {
        return act(id, alarmId -> alarms.reject(alarmId, authentication.getName()));
    }

    @Post("/alarms/{id}/silence")
    public CompletableFuture<HttpResponse<?>> silence(@PathVariable String id, Authentication authentication) {
        return act(id, alarmId -> alarms.silence(alarmId, authentication.getName()));
    }

    /** How staff closed an alarm: {@code notActionable} marks a false or unnecessary alert. */
    @Serdeable
    public record ResolveRequest(@Nullable Boolean notActionable) {}

    @Post("/alarms/{id}/resolve")
    public CompletableFuture<HttpResponse<?>> resolve(
            @PathVariable String id, @Body @Nullable ResolveRequest request, Authentication authentication) {
        boolean notActionable = request != null && Boolean.TRUE.equals(request.notActionable());
        return act(id, alarmId -> alarms.resolve(alarmId, authentication.getName(), notActionable));
    }

    @Post("/rooms/{roomId}/presence")
    @ExecuteOn(TaskExecutors.BLOCKING) // the room is looked up in the database
    public CompletableFuture<HttpResponse<?>> presence(
            @PathVariable String roomId, @Body @Valid PresenceRequest request, Authentication authentication) {
        Optional<RoomPlaces.RoomPlace> room = rooms.find(roomId);
        if (room.isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.notFound(new ApiError("no room " + roomId)));
        }
        String me = authentication.getName();
        var input = new AlarmInput.Presence(
                UUID.randomUUID(), "handset:" + me, me, room.get().place(), request.present());
        return alarms.handle(room.get().siteId(), input)
                .<HttpResponse<?>>thenApply(
                        outcome -> HttpResponse.ok(new PresenceDto(roomId, request.present(), outcome.name())))
                .exceptionally(AlarmsController::failed);
    }

    private Publisher<Event<?>> stream(String authorization, String me, Predicate<AlarmUpdate> filter) {
        Flux<Event<?>> changes = SseStreams.from(emit -> alarms.subscribe(update -> {
            if (filter.test(update)) {
                emit.accept(Event.of(AlarmChangeDto.of(update, me)).name("alarm"));
            }
        }));
        return SseStreams.live(List.of(changes), authorization, sessions, keepAlive);
    }

    private CompletableFuture<HttpResponse<?>> act(
            String id, java.util.function.Function<UUID, CompletableFuture<Alarm>> action) {
        Optional<UUID> alarmId = parse(id);
        if (alarmId.isEmpty()) {
            return CompletableFuture.completedFuture(notOpen(id));
        }
        return action.apply(alarmId.get())
                .<HttpResponse<?>>thenApply(a -> HttpResponse.ok(AlarmDto.of(a)))
                .exceptionally(AlarmsController::failed);
    }

    private static HttpResponse<?> failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AlarmRefused refused) {
            return refused.reason() == AlarmRefused.Reason.NOT_FOUND
                    ? HttpResponse.notFound(new ApiError(refused.getMessage()))
                    : HttpResponse.status(HttpStatus.CONFLICT).body(new ApiError(refused.getMessage()));
        }
        if (cause instanceof JournalException) {
            // The change is in force on every board; only its record failed (disk full or failing).
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("done, but not yet recorded in the audit journal; the disk needs attention"));
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpResponse<?> notOpen(String id) {
        return HttpResponse.notFound(new ApiError("no open alarm " + id));
    }
}
