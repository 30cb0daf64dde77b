package no.pasientsignal.sim.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One staff client reading the server's live stream (server-sent events) and telling {@link
 * Deliveries} when it sees the change a sent event caused. Reads the alarm stream ({@code GET
 * /api/alarms/stream}, events named {@code alarm}); on a server without it, the call stream
 * ({@code GET /api/calls/stream}, events named {@code call}).
 */
final class AlarmSubscriber implements AutoCloseable {

    static final String ALARM_STREAM = "/api/alarms/stream";
    static final String CALL_STREAM = "/api/calls/stream";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Deliveries deliveries;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final LongAdder events = new LongAdder();
    private volatile Stream<String> lines;
    private volatile Thread reader;
    private volatile String path;
    private volatile boolean closing;

    AlarmSubscriber(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Opens the stream and returns once the server has answered (its first keep-alive flushes the
     * headers), so nothing sent afterwards can be missed.
     */
    void open(URI api, String token) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = request(api, ALARM_STREAM, token);
        if (response.statusCode() == 404) {
            response.body().close();
            response = request(api, CALL_STREAM, token);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("subscribing to " + path + ": HTTP " + response.statusCode());
        }
        lines = response.body();
        Iterator<String> it = lines.iterator();
        reader = Thread.ofPlatform().daemon().name("load-subscriber").start(() -> read(it));
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IOException("subscribed to " + path + " but no keep-alive came within 30 s");
        }
    }

    private HttpResponse<Stream<String>> request(URI api, String streamPath, String token)
            throws IOException, InterruptedException {
        path = streamPath;
        var request = HttpRequest.newBuilder(URI.create(api + streamPath))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    /** Which stream is read: {@link #ALARM_STREAM} or {@link #CALL_STREAM}. */
    String path() {
        return path;
    }

    long eventsRead() {
        return events.sum();
    }

    private void read(Iterator<String> it) {
        String name = "message";
        var data = new StringBuilder();
        try {
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    dispatch(name, data);
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            if (!closing) {
                System.err.println("load: the subscriber's stream failed: " + e);
            }
        }
        if (!closing) {
            System.err.println("load: the server ended the subscriber's stream");
        }
    }

    private void dispatch(String name, StringBuilder data) {
        long now = System.nanoTime();
        subscribed.countDown();
        if (!name.equals("alarm") && !name.equals("call")) {
            return; // ping
        }
        events.increment();
        JsonNode json;
        try {
            json = JSON.readTree(data.toString());
        } catch (JacksonException e) {
            System.err.println("load: unreadable " + name + " event: " + data);
            return;
        }
        String change = json.path("change").asString("");
        if (name.equals("alarm")) {
            deliveries.onAlarmChange(change, uuid(json.path("eventId")), now);
        } else {
            UUID press = uuid(json.path("call").path("eventId"));
            if (press != null) {
                deliveries.onCallChange(change, press, now);
            }
        }
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closing = true;
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        Thread r = reader;
        if (r != null) {
            r.interrupt();
        }
        http.close();
    }
}
