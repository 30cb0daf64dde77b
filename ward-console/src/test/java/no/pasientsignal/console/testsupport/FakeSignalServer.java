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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * {@code POST /login}, {@code GET /api/alarms}, {@code GET /api/alarms/stream} (server-sent events the test pushes),
 * {@code GET /api/protection-alerts}, {@code GET /api/technical-alerts/stream} (by role, as the real server: {@code
 * protection} events for nurses, night staff and administrators, {@code technical} for technicians and administrators,
 * a {@code ping} on connect, 403 for quality leads) and {@code GET /health}. JSON is written by hand, exactly as the API
 * describes it (null fields and empty lists left out, as the server's serde does), plus fields the console does not
 * read ({@code priority}, the English {@code message}) to prove they are ignored.
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
    private static final Set<String> PROTECTION_ROLES = Set.of("NURSE", "NIGHT_STAFF", "ADMINISTRATOR");
    private static final Set<String> TECHNICAL_ROLES = Set.of("TECHNICIAN", "ADMINISTRATOR");

    /** One care need in a protection alert, e.g. {@code CALL_BUTTON} at {@code BED}, {@code SILENT}. */
    public record Need(String deviceType, String locationKind, String coverage) {}

    private record ProtectionAlert(
            String residentId,
            String displayName,
            String roomId,
            String roomName,
            String responsibleNurse,
            List<Need> uncovered,
            Instant raisedAt) {}

    /** An open technical-alert stream and whose it is. */
    private record TechnicalStream(BlockingQueue<String> queue, String username, List<String> roles) {}

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, List<String>> roles = new ConcurrentHashMap<>();
    private final Map<String, String> issuedTokens = new ConcurrentHashMap<>(); // token -> user name
    private final Map<String, ProtectionAlert> protectionAlerts = new ConcurrentHashMap<>();
    private final List<TechnicalStream> technicalStreams = new CopyOnWriteArrayList<>();
    private final AtomicInteger technicalStreamConnections = new AtomicInteger();
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
        server.createContext("/api/alarms", this::calls);
        server.createContext("/api/protection-alerts", this::protectionAlerts);
        server.createContext("/api/technical-alerts/stream", this::technicalAlertStream);
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
        return withUser(username, password, "NURSE");
    }

    /** A user with the given roles, e.g. {@code TECHNICIAN}. */
    public FakeSignalServer withUser(String username, String password, String... userRoles) {
        passwords.put(username, password);
        roles.put(username, List.of(userRoles));
        return this;
    }

    public static Need need(String deviceType, String locationKind, String coverage) {
        return new Need(deviceType, locationKind, coverage);
    }

    /** A resident's protection is broken: the alert becomes active and is sent down the protection streams. */
    public void protectionLost(
            String residentId,
            String displayName,
            String roomId,
            String roomName,
            String responsibleNurse,
            Instant raisedAt,
            Need... uncovered) {
        protectionLostSilently(residentId, displayName, roomId, roomName, responsibleNurse, raisedAt, uncovered);
        pushProtection(protectionAlerts.get(residentId), "RAISED", raisedAt);
    }

    /** As {@link #protectionLost}, without telling open streams (as if it happened before the console connected). */
    public void protectionLostSilently(
            String residentId,
            String displayName,
            String roomId,
            String roomName,
            String responsibleNurse,
            Instant raisedAt,
            Need... uncovered) {
        protectionAlerts.put(
                residentId,
                new ProtectionAlert(
                        residentId, displayName, roomId, roomName, responsibleNurse, List.of(uncovered), raisedAt));
    }

    /** The resident is protected again: the alert ends and {@code CLEARED} goes down the protection streams. */
    public void protectionRestored(String residentId) {
        ProtectionAlert alert = protectionAlerts.remove(residentId);
        if (alert == null) {
            throw new IllegalArgumentException("No protection alert for " + residentId);
        }
        pushProtection(alert, "CLEARED", Instant.now());
    }

    /** A device-level technical alert, sent down the streams of technicians and administrators. */
    public void technicalAlert(String deviceId, String roomId) {
        String json = """
                {"kind":"SILENT","deviceId":"%s","roomId":"%s","detail":"no heartbeat","raisedAt":"%s"}""".formatted(deviceId, roomId, Instant.now());
        String text = "event: technical\ndata: " + json + "\n\n";
        technicalStreams.stream()
                .filter(stream -> stream.roles().stream().anyMatch(TECHNICAL_ROLES::contains))
                .forEach(stream -> stream.queue().add(text));
    }

    private void pushProtection(ProtectionAlert alert, String state, Instant changedAt) {
        for (TechnicalStream stream : technicalStreams) {
            if (stream.roles().stream().anyMatch(PROTECTION_ROLES::contains)) {
                String json = protectionJson(alert, state, changedAt, stream.username(), stream.roles());
                stream.queue().add("event: protection\ndata: " + json + "\n\n");
            }
        }
    }

    /** A protection alert as the API sends it to {@code viewer}: names only for care staff and administrators. */
    private static String protectionJson(
            ProtectionAlert alert, String state, Instant changedAt, String viewer, List<String> viewerRoles) {
        boolean seesNames = viewerRoles.stream().anyMatch(PROTECTION_ROLES::contains);
        StringBuilder json = new StringBuilder("{");
        field(json, "residentId", alert.residentId());
        if (seesNames) {
            field(json, "displayName", alert.displayName());
        }
        field(json, "roomId", alert.roomId());
        field(json, "roomName", alert.roomName());
        if (alert.responsibleNurse() != null) {
            field(json, "responsibleNurse", alert.responsibleNurse());
        }
        json.append("\"addressedToYou\":")
                .append(viewer.equals(alert.responsibleNurse()))
                .append(',');
        field(json, "state", state);
        field(
                json,
                "message",
                (seesNames ? alert.displayName() : "Resident " + alert.residentId()) + " (" + alert.roomName()
                        + ") is not protected");
        if (!alert.uncovered().isEmpty()) {
            json.append("\"uncovered\":[");
            for (int i = 0; i < alert.uncovered().size(); i++) {
                Need need = alert.uncovered().get(i);
                json.append(i == 0 ? "" : ",").append("""
                        {"deviceType":"%s","locationKind":"%s","description":"%s at %s","covered":false,\
                        "coverage":"%s","explanation":"%s","deviceId":"dev-%s"}""".formatted(
                                need.deviceType(),
                                need.locationKind(),
                                need.deviceType().toLowerCase(Locale.ROOT).replace('_', ' '),
                                need.locationKind().toLowerCase(Locale.ROOT),
                                need.coverage(),
                                need.coverage().toLowerCase(Locale.ROOT),
                                alert.roomId()));
            }
            json.append("],");
        }
        field(json, "raisedAt", alert.raisedAt().toString());
        json.append("\"changedAt\":\"").append(changedAt).append("\"}");
        return json.toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\"", "\\\""))
                .append("\",");
    }

    /** A call as the API sends it. */
    public static String callJson(UUID id, String roomId, String roomName, String callType, Instant raisedAt) {
        return """
                {"id":"%s","originEventId":"%s","deviceId":"call-%s","roomId":"%s","roomName":"%s",\
                "wardName":"Avdeling 2 Øst","type":"%s","raisedAt":"%s","state":"NOTIFIED","priority":"NORMAL"}""".formatted(id, UUID.randomUUID(), roomId, roomId, roomName, callType, raisedAt);
    }

    /** Makes a call active and sends {@code RAISED} down every open stream. */
    public UUID raise(String roomId, String roomName, String callType, Instant raisedAt) {
        UUID id = UUID.randomUUID();
        String call = callJson(id, roomId, roomName, callType, raisedAt);
        activeCalls.put(id, call);
        pushEvent("alarm", "{\"change\":\"RAISED\",\"alarm\":" + call + "}");
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
        pushEvent("alarm", "{\"change\":\"CANCELLED\",\"alarm\":" + call + "}");
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
        technicalStreams.forEach(stream -> stream.queue().add(END_OF_STREAM));
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
        issuedTokens.put(token, username);
        String roleList = String.join(
                ",",
                roles.getOrDefault(username, List.of()).stream()
                        .map(r -> "\"" + r + "\"")
                        .toList());
        respond(exchange, 200, "application/json", """
                {"username":"%s","roles":[%s],"access_token":"%s","token_type":"Bearer","expires_in":3600}""".formatted(username, roleList, token));
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
        if (path.equals("/api/alarms")) {
            listRequests.incrementAndGet();
            respond(exchange, 200, "application/json", "[" + String.join(",", activeCalls.values()) + "]");
        } else if (path.equals("/api/alarms/stream")) {
            lastStreamToken = bearer(exchange);
            stream(exchange);
        } else {
            respond(exchange, 404, "application/json", "{}");
        }
    }

    private void protectionAlerts(HttpExchange exchange) throws IOException {
        if (!apiAvailable(exchange)) {
            return;
        }
        String username = issuedTokens.get(bearer(exchange));
        List<String> viewerRoles = roles.getOrDefault(username, List.of());
        String list = String.join(
                ",",
                protectionAlerts.values().stream()
                        .sorted(Comparator.comparing(ProtectionAlert::raisedAt))
                        .map(alert -> protectionJson(alert, "RAISED", alert.raisedAt(), username, viewerRoles))
                        .toList());
        respond(exchange, 200, "application/json", "[" + list + "]");
    }

    private void technicalAlertStream(HttpExchange exchange) throws IOException {
        if (!apiAvailable(exchange)) {
            return;
        }
        String username = issuedTokens.get(bearer(exchange));
        List<String> viewerRoles = roles.getOrDefault(username, List.of());
        if (viewerRoles.stream().noneMatch(r -> PROTECTION_ROLES.contains(r) || TECHNICAL_ROLES.contains(r))) {
            respond(exchange, 403, "application/json", "{\"message\":\"Forbidden\"}");
            return;
        }
        TechnicalStream stream = new TechnicalStream(new LinkedBlockingQueue<>(), username, viewerRoles);
        try {
            // pings every poll, as the real server does every keep-alive: they also show when the console has gone
            stream(exchange, stream.queue(), "event: ping\ndata: {}\n\n", ": ping\n\n", () -> {
                technicalStreams.add(stream);
                technicalStreamConnections.incrementAndGet();
            });
        } finally {
            technicalStreams.remove(stream);
        }
    }

    /** Answers 503 or 401 when the API is down or the token not valid; true when the request may go on. */
    private boolean apiAvailable(HttpExchange exchange) throws IOException {
        if (unavailable) {
            respond(exchange, 503, "application/json", "{\"error\":\"unavailable\"}");
            return false;
        }
        if (!authorized(exchange)) {
            respond(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
            return false;
        }
        return true;
    }

    /** How many technical-alert streams have been opened. */
    public int technicalStreamConnections() {
        return technicalStreamConnections.get();
    }

    /** How many technical-alert streams are open now. */
    public int openTechnicalStreamCount() {
        return technicalStreams.size();
    }

    private void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        stream(exchange, queue, ": connected\n\n", null, () -> {
            openStreams.add(queue);
            streamConnections.incrementAndGet();
        });
    }

    /** Writes {@code greeting}, then what is queued; {@code keepAlive} (if not null) whenever nothing is. */
    private void stream(
            HttpExchange exchange, BlockingQueue<String> queue, String greeting, String keepAlive, Runnable opened)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(greeting.getBytes(StandardCharsets.UTF_8));
            out.flush();
            opened.run();
            while (true) {
                String next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next == null && keepAlive != null) {
                    next = keepAlive;
                }
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
                && issuedTokens.containsKey(header.substring("Bearer ".length()));
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
