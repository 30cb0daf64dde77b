package no.pasientsignal.console.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in signal server on the JDK's HTTP server (loopback, port 0) that speaks the API the console consumes:
 * {@code POST /login}, {@code GET /api/calls}, {@code GET /api/calls/stream} (server-sent events the test pushes) and
 * {@code GET /health}. JSON is written by hand, exactly as the API describes it, plus a field the console does not know
 * ({@code priority}) to prove it is ignored.
 */
public final class FakeSignalServer implements AutoCloseable {

    /** Sent down open streams to make the handler end the response. */
    private static final String END_OF_STREAM = "\u0000end";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-signal-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Map<UUID, String> activeCalls = new ConcurrentHashMap<>();
    private final List<BlockingQueue<String>> openStreams = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private volatile boolean refuseTokens;
    private volatile String lastStreamToken;
    private volatile boolean unavailable;

    private FakeSignalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/login", this::login);
        server.createContext("/logout", this::logout);
        server.createContext("/api/calls", this::calls);
        server.createContext("/health", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.start();
    }

    public static FakeSignalServer start() {
        try {
            return new FakeSignalServer();
        } catch (IOException e) {
            throw new IllegalStateException("The fake signal server could not start", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeSignalServer withUser(String username, String password) {
        passwords.put(username, password);
        return this;
    }

    /** A call as the API sends it. */
    public static String callJson(UUID id, String roomId, String roomName, String callType, Instant raisedAt) {
        return """
                {"id":"%s","eventId":"%s","deviceId":"call-%s","roomId":"%s","roomName":"%s",\
                "wardName":"Avdeling 2 Øst","callType":"%s","raisedAt":"%s","state":"RAISED","priority":"MEDIUM"}""".formatted(id, UUID.randomUUID(), roomId, roomId, roomName, callType, raisedAt);
    }

    /** Makes a call active and sends {@code RAISED} down every open stream. */
    public UUID raise(String roomId, String roomName, String callType, Instant raisedAt) {
        UUID id = UUID.randomUUID();
        String call = callJson(id, roomId, roomName, callType, raisedAt);
        activeCalls.put(id, call);
        pushEvent("call", "{\"change\":\"RAISED\",\"call\":" + call + "}");
        return id;
    }

    /** Makes a call active without telling open streams (as if raised while the console was disconnected). */
    public UUID raiseSilently(String roomId, String roomName, String callType, Instant raisedAt) {
        UUID id = UUID.randomUUID();
        activeCalls.put(id, callJson(id, roomId, roomName, callType, raisedAt));
        return id;
    }

    /** Ends a call and sends {@code CANCELLED} down every open stream. */
    public void cancel(UUID id) {
        String call = activeCalls.remove(id);
        if (call == null) {
            throw new IllegalArgumentException("No active call " + id);
        }
        pushEvent("call", "{\"change\":\"CANCELLED\",\"call\":" + call + "}");
    }

    /** Sends one event with a single-line data field down every open stream. */
    public void pushEvent(String event, String data) {
        pushRaw("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** Sends raw text down every open stream. */
    public void pushRaw(String text) {
        openStreams.forEach(queue -> queue.add(text));
    }

    /** Ends every open stream (the server side closes the response). */
    public void dropStreams() {
        openStreams.forEach(queue -> queue.add(END_OF_STREAM));
    }

    /** From now on, answer every API call with 401 (as for an expired token) or stop doing so. */
    public void refuseTokens(boolean refuse) {
        refuseTokens = refuse;
    }

    /** From now on, answer every API call with 503 (as a server that is restarting) or stop doing so. */
    public void unavailable(boolean down) {
        unavailable = down;
    }

    public int streamConnections() {
        return streamConnections.get();
    }

    public int openStreamCount() {
        return openStreams.size();
    }

    public int listRequests() {
        return listRequests.get();
    }

    private void login(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "text/plain", "");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String username = jsonString(body, "username");
        String password = jsonString(body, "password");
        if (username == null || password == null || !password.equals(passwords.get(username))) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_credentials\"}");
            return;
        }
        String token = "token-" + tokenCounter.incrementAndGet() + "-" + UUID.randomUUID();
        issuedTokens.add(token);
        respond(exchange, 200, "application/json", """
                {"username":"%s","roles":["NURSE"],"access_token":"%s","token_type":"Bearer","expires_in":3600}""".formatted(username, token));
    }

    private void logout(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            respond(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
            return;
        }
        issuedTokens.remove(bearer(exchange));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** The token the most recent call stream connected with. */
    public String lastStreamToken() {
        return lastStreamToken;
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header == null ? null : header.substring("Bearer ".length());
    }

    private void calls(HttpExchange exchange) throws IOException {
        if (unavailable) {
            respond(exchange, 503, "application/json", "{\"error\":\"unavailable\"}");
            return;
        }
        if (!authorized(exchange)) {
            respond(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/calls")) {
            listRequests.incrementAndGet();
            respond(exchange, 200, "application/json", "[" + String.join(",", activeCalls.values()) + "]");
        } else if (path.equals("/api/calls/stream")) {
            lastStreamToken = bearer(exchange);
            stream(exchange);
        } else {
            respond(exchange, 404, "application/json", "{}");
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            openStreams.add(queue);
            streamConnections.incrementAndGet();
            while (true) {
                String next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                if (next.equals(END_OF_STREAM)) {
                    break;
                }
                out.write(next.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientWentAway) {
            // the console closed the stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            openStreams.remove(queue);
            exchange.close();
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return !refuseTokens
                && header != null
                && header.startsWith("Bearer ")
                && issuedTokens.contains(header.substring("Bearer ".length()));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Reads one string field of a flat JSON object; good enough for the login body the console sends. */
    private static String jsonString(String json, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        return matcher.find() ? matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
        executor.shutdownNow();
    }
}
