package no.pasientsignal.server.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Duration;
import java.util.List;
import no.pasientsignal.server.alarm.CallBoard;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** Active calls, as a list and as a live stream. */
@Controller("/api/calls")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CallsController {

    /** Keeps idle streams open through proxies and lets clients notice a dead connection. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final CallBoard board;

    public CallsController(CallBoard board) {
        this.board = board;
    }

    @Get
    public List<ActiveCallDto> activeCalls() {
        return board.activeCalls().stream().map(ActiveCallDto::of).toList();
    }

    /**
     * Server-sent events named {@code call}, one per change, plus {@code ping} events on connect
     * and every {@link #KEEP_ALIVE}. A client reads {@code GET /api/calls} after connecting to get the
     * current state, then applies changes.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream() {
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
                Flux.interval(Duration.ZERO, KEEP_ALIVE).map(i -> Event.of("{}").name("ping"));
        return Flux.merge(changes, pings);
    }
}
