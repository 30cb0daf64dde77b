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
 * One staff client reading the server's live alarm stream ({@code GET /api/alarms/stream},
 * server-sent events named {@code alarm}) and telling {@link Deliveries} when it sees the change a
 * sent event caused (the change's {@code eventId}).
 */
final class AlarmSubscriber implements AutoCloseable {

    static final String ALARM_STREAM = "/api/alarms/stream";

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
    private volatile boolean closing;

    AlarmSubscriber(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Opens the stream and returns once the server has answered (its first keep-alive flushes the
     * headers), so nothing sent afterwards can be missed.
     */
    void open(URI api, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(api + ALARM_STREAM))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("subscribing to " + ALARM_STREAM + ": HTTP " + response.statusCode()
                    + (response.statusCode() == 403 ? " (the subscriber login may not read live alarms)" : ""));
        }
        lines = response.body();
        Iterator<String> it = lines.iterator();
        reader = Thread.ofPlatform().daemon().name("load-subscriber").start(() -> read(it));
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IOException("subscribed to " + ALARM_STREAM + " but no keep-alive came within 30 s");
        }
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
        if (!name.equals("alarm")) {
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
        deliveries.onAlarmChange(json.path("change").asString(""), uuid(json.path("eventId")), now);
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
