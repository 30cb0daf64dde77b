package no.pasientsignal.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/** A real SSE subscriber over HTTP: collects the data lines of events with a given name. */
public final class SseProbe implements AutoCloseable {

    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile boolean ended;

    public SseProbe(URI uri, String bearerToken, String eventName) {
        var request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearerToken)
                .build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> Thread.ofVirtual().start(() -> {
            String currentEvent = "message";
            try (Stream<String> lines = r.body()) {
                for (var it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        currentEvent = line.substring(6).strip();
                    } else if (line.startsWith("data:") && currentEvent.equals(eventName)) {
                        data.add(line.substring(5).strip());
                    } else if (line.isEmpty()) {
                        currentEvent = "message";
                    }
                }
            } catch (RuntimeException closed) {
                // stream closed by close()
            }
            ended = true;
        }));
    }

    public int status() throws Exception {
        return response.get().statusCode();
    }

    /** Whether the server has ended the stream. */
    public boolean ended() {
        return ended;
    }

    /** Data lines received so far, in order; the queue keeps filling while the probe is open. */
    public BlockingQueue<String> data() {
        return data;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        client.shutdownNow();
    }
}
