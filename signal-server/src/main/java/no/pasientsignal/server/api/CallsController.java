package no.pasientsignal.server.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Duration;
import java.util.List;
import no.pasientsignal.server.alarm.CallBoard;
import no.pasientsignal.server.staff.SessionTokens;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** Active calls, as a list and as a live stream. */
@Controller("/api/calls")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CallsController {

    private final CallBoard board;
    private final SessionTokens sessions;
    private final Duration keepAlive;

    public CallsController(CallBoard board, SessionTokens sessions, ApiSettings settings) {
        this.board = board;
        this.sessions = sessions;
        this.keepAlive = settings.keepAlive();
    }

    @Get
    public List<ActiveCallDto> activeCalls() {
        return board.activeCalls().stream().map(ActiveCallDto::of).toList();
    }

    /**
     * Server-sent events named {@code call}, one per change, plus {@code ping} events on connect
     * and every {@code signal.api.keep-alive}. A client reads {@code GET /api/calls} after
     * connecting to get the current state, then applies changes. The stream ends when its session
     * is revoked (logout) or expires, at the latest one keep-alive later.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(@Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : "";
        Flux<Event<?>> changes = Flux.create(
                sink -> {
                    AutoCloseable subscription = board.subscribe(change ->
                            sink.next(Event.of(CallChangeDto.of(change)).name("call")));
                    sink.onDispose(() -> {
                        try {
                            subscription.close();
                        } catch (Exception ignored) {
                            // removing a listener cannot fail
                        }
                    });
                },
                FluxSink.OverflowStrategy.BUFFER);
        // The first ping goes out at once: it flushes the response headers, so a client knows
        // it is subscribed before anything happens.
        Flux<Event<?>> pings =
                Flux.interval(Duration.ZERO, keepAlive).map(i -> Event.of("{}").name("ping"));
        // Checked before each event, so nothing is sent on a session that has ended.
        return Flux.merge(changes, pings)
                .takeWhile(event -> sessions.validate(token).isPresent());
    }
}
