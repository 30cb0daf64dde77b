package no.pasientsignal.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signal-server's HTTP API as a technician uses it to bring devices into service: log in, get
 * a one-time enrolment credential for a registered device. What the demo does on first run instead
 * of a technician with a laptop.
 */
final class ServerApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http;
    private String token;

    ServerApi(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Logs in; later calls carry the token. */
    void login(String username, String password) throws IOException {
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

    /** A fresh one-time enrolment credential for a registered device ({@code POST /api/devices/{id}/enrolment}). */
    EstEnrolment.Credential issueCredential(String deviceId) throws IOException {
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
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + ": HTTP " + response.statusCode() + message(response.body()));
        }
        try {
            return JSON.readTree(response.body());
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
}
