package no.pasientsignal.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed client for the signal-server HTTP API. Thread-safe; one instance per console process.
 *
 * <ul>
 *   <li>{@code POST /login} → {@link #login(String, String)}
 *   <li>{@code GET /api/alarms} → {@link #activeCalls(AccessToken)}
 *   <li>{@code GET /api/alarms/stream} → {@link #openCallStream(AccessToken)}, used by {@link CallStream}
 *   <li>{@code GET /api/protection-alerts} → {@link #protectionAlerts(AccessToken)}
 *   <li>{@code GET /api/technical-alerts/stream} → {@link #openTechnicalAlertStream(AccessToken)}, used by {@link
 *       ProtectionAlertStream}
 *   <li>{@code GET /health} → {@link #isHealthy()}
 * </ul>
 */
public final class SignalServerClient {

    /** How long a plain request may take before the server counts as not reachable. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final URI baseUri;
    private final Duration requestTimeout;
    private final Clock clock;
    private final JsonMapper json;
    private final ApiClient api;

    public SignalServerClient(URI baseUri) {
        this(baseUri, DEFAULT_REQUEST_TIMEOUT, Clock.systemUTC());
    }

    public SignalServerClient(URI baseUri, Duration requestTimeout, Clock clock) {
        this.baseUri = withoutTrailingSlash(Objects.requireNonNull(baseUri, "baseUri"));
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = newJsonMapper();
        this.api = new ApiClient(this.baseUri, requestTimeout);
    }

    /** The generic JSON client the feature clients (devices, audit, administration ...) are built on. */
    public ApiClient api() {
        return api;
    }

    /** A mapper that reads the API leniently: unknown fields are ignored, so the server can add fields freely. */
    static JsonMapper newJsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** The server's base address, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Logs in with a user name and password.
     *
     * @throws SignalServerException {@link SignalServerException.Reason#INVALID_CREDENTIALS} for a wrong user name or
     *     password, or another reason when the server cannot be reached or answers oddly
     */
    public LoginResult login(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        ObjectNode body = json.createObjectNode();
        body.put("username", username);
        body.put("password", password);
        HttpRequest request = HttpRequest.newBuilder(resolve("/login"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        Instant sentAt = clock.instant();
        HttpResponse<String> response = send(request, "POST /login");
        if (response.statusCode() == 401) {
            throw new SignalServerException(
                    SignalServerException.Reason.INVALID_CREDENTIALS, "Wrong user name or password.");
        }
        expectOk(response, "POST /login");
        JsonNode node = readTree(response.body(), "POST /login");
        String token = text(node, "access_token");
        if (token == null || token.isBlank()) {
            throw unexpected("POST /login", "no access_token in the answer");
        }
        String tokenType = text(node, "token_type");
        if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer")) {
            throw unexpected("POST /login", "token_type " + tokenType + " instead of Bearer");
        }
        long expiresIn = node.path("expires_in").asLong(3600);
        List<String> roles = new ArrayList<>();
        node.path("roles").forEach(role -> roles.add(role.asString()));
        String name = text(node, "username");
        return new LoginResult(
                name == null ? username : name, roles, new AccessToken(token, sentAt.plusSeconds(expiresIn)));
    }

    /**
     * Ends the session on the server ({@code POST /logout}), so the token is refused from now on even
     * if it is copied. Answers other than 204 are reported as {@link SignalServerException}.
     */
    public void logout(AccessToken token) {
        HttpRequest request = apiRequest("/logout", token)
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = send(request, "POST /logout");
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw unexpected("POST /logout", "status " + response.statusCode());
        }
    }

    /** The calls that are active right now. */
    public List<ActiveCall> activeCalls(AccessToken token) {
        HttpRequest request = apiRequest("/api/alarms", token)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request, "GET /api/alarms");
        expectApiOk(response.statusCode(), "GET /api/alarms");
        try {
            return List.of(json.readValue(response.body(), ActiveCall[].class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw unexpected("GET /api/alarms", "the list of calls could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Whether {@code GET /health} answers 200 with status UP. Never throws. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(resolve("/health"))
                .timeout(requestTimeout)
                .GET()
                .build();
        try {
            HttpResponse<String> response = send(request, "GET /health");
            return response.statusCode() == 200
                    && "UP"
                            .equalsIgnoreCase(readTree(response.body(), "GET /health")
                                    .path("status")
                                    .asString(""));
        } catch (SignalServerException e) {
            return false;
        }
    }

    /** The active protection alerts the token's user may see, oldest first. */
    public List<ProtectionAlert> protectionAlerts(AccessToken token) {
        HttpRequest request = apiRequest("/api/protection-alerts", token)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request, "GET /api/protection-alerts");
        expectApiOk(response.statusCode(), "GET /api/protection-alerts");
        try {
            return List.of(json.readValue(response.body(), ProtectionAlert[].class));
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw unexpected(
                    "GET /api/protection-alerts",
                    "the list of protection alerts could not be read (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * Opens {@code GET /api/alarms/stream}. The caller owns the returned stream and must close it; closing it from
     * another thread ends a blocked read.
     */
    InputStream openCallStream(AccessToken token) {
        return openEventStream("/api/alarms/stream", token);
    }

    /**
     * Opens {@code GET /api/technical-alerts/stream} (what comes down it depends on the token's roles). The caller owns
     * the returned stream, as for {@link #openCallStream(AccessToken)}.
     */
    InputStream openTechnicalAlertStream(AccessToken token) {
        return openEventStream("/api/technical-alerts/stream", token);
    }

    private InputStream openEventStream(String path, AccessToken token) {
        String what = "GET " + path;
        HttpRequest request = apiRequest(path, token)
                // only until the response headers arrive; the body is open-ended
                .timeout(requestTimeout.multipliedBy(2))
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET()
                .build();
        HttpResponse<InputStream> response = api.exchange(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        int status = response.statusCode();
        if (status != 200) {
            closeQuietly(response.body());
            expectApiOk(status, what);
        }
        String contentType =
                response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/event-stream")) {
            closeQuietly(response.body());
            throw unexpected(what, "content type '" + contentType + "' instead of text/event-stream");
        }
        return response.body();
    }

    JsonMapper json() {
        return json;
    }

    private HttpRequest.Builder apiRequest(String path, AccessToken token) {
        Objects.requireNonNull(token, "token");
        return HttpRequest.newBuilder(resolve(path)).header("Authorization", "Bearer " + token.value());
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        return api.exchange(request, HttpResponse.BodyHandlers.ofString(), what);
    }

    private void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw unexpected(what, "HTTP " + response.statusCode());
        }
    }

    private void expectApiOk(int status, String what) {
        if (status == 401) {
            throw new SignalServerException(
                    SignalServerException.Reason.UNAUTHORIZED,
                    "Signal server at " + baseUri + " did not accept the access token for " + what
                            + " (it may have expired).");
        }
        if (status != 200) {
            throw unexpected(what, "HTTP " + status);
        }
    }

    private JsonNode readTree(String body, String what) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw unexpected(what, "the answer is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw unexpected(what, "the answer is not valid JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private SignalServerException unexpected(String what, String detail) {
        return unexpected(what, detail, null);
    }

    private SignalServerException unexpected(String what, String detail, Throwable cause) {
        return new SignalServerException(
                SignalServerException.Reason.UNEXPECTED_RESPONSE,
                "Signal server at " + baseUri + " gave an unexpected answer to " + what + ": " + detail + ".",
                cause);
    }

    private URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
