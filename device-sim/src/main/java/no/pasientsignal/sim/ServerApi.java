package no.pasientsignal.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signal-server's HTTP API as a technician or administrator uses it: log in, get a one-time
 * enrolment credential for a registered device, and plain JSON reads and writes (the load
 * benchmark sets up its site with them). What the demo does on first run instead of a technician
 * with a laptop. Safe for concurrent use once logged in.
 */
public final class ServerApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http;
    private volatile String token;

    public ServerApi(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Logs in; later calls carry the token. */
    public void login(String username, String password) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        JsonNode answer = send("/login", body.toString(), "log in as " + username);
        JsonNode accessToken = answer.get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new IOException("log in as " + username + ": the answer holds no access_token");
        }
        token = accessToken.asString();
    }

    boolean loggedIn() {
        return token != null;
    }

    /** The session token from {@link #login}, for clients of other endpoints (e.g. a stream). */
    public String token() {
        if (token == null) {
            throw new IllegalStateException("log in first");
        }
        return token;
    }

    /** The API's base address, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** GETs {@code path} (JSON); {@code what} names the step in error messages. */
    public JsonNode get(String path, String what) throws IOException {
        return find(path, what).orElseThrow(() -> new IOException(what + ": HTTP 404"));
    }

    /** GETs {@code path} (JSON), empty when the server answers 404. */
    public Optional<JsonNode> find(String path, String what) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        return exchange(request, what, true);
    }

    /** POSTs a JSON body to {@code path} and returns the JSON answer. */
    public JsonNode post(String path, String json, String what) throws IOException {
        return send(path, json, what);
    }

    /** A fresh one-time enrolment credential for a registered device ({@code POST /api/devices/{id}/enrolment}). */
    public EstEnrolment.Credential issueCredential(String deviceId) throws IOException {
        if (token == null) {
            throw new IllegalStateException("log in first");
        }
        JsonNode answer = send(
                "/api/devices/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "/enrolment",
                "{}",
                "get an enrolment credential for " + deviceId);
        JsonNode identity = answer.get("identity");
        JsonNode secret = answer.get("secret");
        if (identity == null || secret == null) {
            throw new IOException("enrolment credential for " + deviceId + ": identity or secret missing");
        }
        return new EstEnrolment.Credential(identity.asString(), secret.asString());
    }

    private JsonNode send(String path, String json, String what) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return exchange(request, what, false).orElseThrow();
    }

    private Optional<JsonNode> exchange(HttpRequest.Builder request, String what, boolean notFoundIsEmpty)
            throws IOException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException(what + ": cannot reach the signal-server at " + base + " (" + e + ")", e);
        }
        if (notFoundIsEmpty && response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new HttpStatusException(
                    response.statusCode(), what + ": HTTP " + response.statusCode() + message(response.body()));
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JacksonException e) {
            throw new IOException(what + ": the answer is not JSON", e);
        }
    }

    /** The server's plain sentence from an error body, when there is one. */
    private static String message(String body) {
        try {
            JsonNode message = JSON.readTree(body).get("message");
            return message == null ? "" : " " + message.asString();
        } catch (JacksonException e) {
            return "";
        }
    }

    /** The server answered with an error status; {@link #status()} says which. */
    public static final class HttpStatusException extends IOException {
        private final int status;

        HttpStatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
