package no.pasientsignal.server.api;

import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import no.pasientsignal.server.staff.SessionTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** What every server-sent event stream of the API shares: subscriptions, keep-alive pings, session end. */
final class SseStreams {

    private SseStreams() {}

    /**
     * Events from a listener subscription: {@code subscribe} registers a listener that emits into
     * the given consumer and returns the handle that removes it when the client goes away.
     */
    static Flux<Event<?>> from(Function<Consumer<Event<?>>, AutoCloseable> subscribe) {
        return Flux.create(
                sink -> {
                    AutoCloseable subscription = subscribe.apply(sink::next);
                    sink.onDispose(() -> close(subscription));
                },
                FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * The streams merged with {@code ping} events (the first at once: it flushes the response
     * headers, so a client knows it is subscribed before anything happens), ending when the session
     * of {@code authorization} ends: checked before each event, so nothing is sent after it.
     */
    static Flux<Event<?>> live(
            List<Flux<Event<?>>> streams, String authorization, SessionTokens sessions, Duration keepAlive) {
        String token = authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : "";
        var all = new ArrayList<>(streams);
        all.add(Flux.interval(Duration.ZERO, keepAlive).map(i -> Event.of("{}").name("ping")));
        return Flux.merge(all).takeWhile(event -> sessions.validate(token).isPresent());
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // removing a listener cannot fail
        }
    }
}
