package no.pasientsignal.console.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP and JSON plumbing every typed API client of the console shares: bearer token, timeouts, JSON both ways,
 * and one mapping of failures to {@link SignalServerException}.
 *
 * <ul>
 *   <li>no answer → {@link SignalServerException.Reason#NOT_REACHABLE}
 *   <li>401 → {@link SignalServerException.Reason#UNAUTHORIZED}; 403 → {@link SignalServerException.Reason#FORBIDDEN}
 *   <li>400, 404, 409, 422 → {@link SignalServerException.Reason#REFUSED} with the server's sentence
 *   <li>503 → {@link SignalServerException.Reason#UNAVAILABLE} with the server's sentence
 *   <li>anything else, or a body that cannot be read → {@link SignalServerException.Reason#UNEXPECTED_RESPONSE}
 * </ul>
 *
 * <p>Feature clients (alarms, devices, audit, administration) are thin classes over this one. Thread-safe.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final JsonMapper json;

    public ApiClient(URI baseUri, Duration requestTimeout) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = SignalServerClient.newJsonMapper();
    }

    /** The server's base address, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The mapper used both ways (lenient on unknown fields). */
    public JsonMapper json() {
        return json;
    }

    /** {@code GET path?query}, read as {@code type}. */
    public <T> T get(String path, Query query, AccessToken token, Class<T> type) {
        return read(send(request(path, query, token).GET(), "GET " + path), "GET " + path, json.constructType(type));
    }

    /** {@code GET path?query}, read as a JSON array of {@code elementType}. */
    public <T> List<T> getList(String path, Query query, AccessToken token, Class<T> elementType) {
        JavaType type = json.getTypeFactory().constructCollectionType(List.class, elementType);
        List<T> list = read(send(request(path, query, token).GET(), "GET " + path), "GET " + path, type);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** {@code GET path?query} as a JSON tree, for answers with an open shape (facets, reports). */
    public JsonNode getTree(String path, Query query, AccessToken token) {
        return get(path, query, token, JsonNode.class);
    }

    /**
     * {@code GET path?query} with {@code Accept: accept}, the body as bytes (CSV exports).
     *
     * @return the body
     */
    public byte[] getBytes(String path, Query query, AccessToken token, String accept) {
        String what = "GET " + path;
        HttpRequest request =
                request(path, query, token).header("Accept", accept).GET().build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), what);
        if (response.statusCode() != 200) {
            throw failure(
                    response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), what);
        }
        return response.body();
    }

    /** {@code POST path} with {@code body} as JSON ({@code null}: no body), the answer read as {@code type}. */
    public <T> T post(String path, AccessToken token, Object body, Class<T> type) {
        String what = "POST " + path;
        return read(
                send(withBody(request(path, Query.none(), token), "POST", body), what), what, json.constructType(type));
    }

    /**
     * {@code POST path} with {@code body} as JSON and {@code Accept: accept}, the answer's body as bytes (a report's
     * CSV computed from a posted request).
     */
    public byte[] postBytes(String path, AccessToken token, Object body, String accept) {
        String what = "POST " + path;
        HttpRequest request = withBody(request(path, Query.none(), token), "POST", body)
                .header("Accept", accept)
                .build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), what);
        if (response.statusCode() != 200) {
            throw failure(
                    response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), what);
        }
        return response.body();
    }

    /** {@code PUT path} with {@code body} as JSON, the answer read as {@code type}. */
    public <T> T put(String path, AccessToken token, Object body, Class<T> type) {
        String what = "PUT " + path;
        return read(
                send(withBody(request(path, Query.none(), token), "PUT", body), what), what, json.constructType(type));
    }

    /** {@code DELETE path}. */
    public void delete(String path, AccessToken token) {
        send(request(path, Query.none(), token).DELETE(), "DELETE " + path);
    }

    private HttpRequest.Builder request(String path, Query query, AccessToken token) {
        Objects.requireNonNull(token, "token");
        return HttpRequest.newBuilder(URI.create(baseUri + path + query.toQueryString()))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body) {
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    /** Sends, and returns the body of a 2xx answer (empty for 204); anything else becomes an exception. */
    private String send(HttpRequest.Builder builder, String what) {
        HttpResponse<String> response = exchange(builder.build(), HttpResponse.BodyHandlers.ofString(), what);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw failure(status, response.body(), what);
        }
        return response.body() == null ? "" : response.body();
    }

    /**
     * Sends {@code request}; every way of not getting an answer becomes {@link SignalServerException.Reason#NOT_REACHABLE}.
     * The status is the caller's to judge.
     */
    <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw notReachable(e);
        } catch (HttpTimeoutException e) {
            throw new SignalServerException(
                    SignalServerException.Reason.NOT_REACHABLE,
                    "Signal server at " + baseUri + " did not answer " + what + " within " + requestTimeout.toMillis()
                            + " ms.",
                    e);
        } catch (IOException e) {
            throw notReachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalServerException(
                    SignalServerException.Reason.NOT_REACHABLE,
                    "Interrupted while waiting for the signal server at " + baseUri + ".",
                    e);
        }
    }

    private <T> T read(String body, String what, JavaType type) {
        if (body.isBlank() || type.getRawClass() == Void.class) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new SignalServerException(
                    SignalServerException.Reason.UNEXPECTED_RESPONSE,
                    "Signal server at " + baseUri + " gave an answer to " + what + " that could not be read ("
                            + e.getMessage() + ").",
                    e);
        }
    }

    /** The exception for a non-2xx answer, with the server's own sentence when the body has one. */
    SignalServerException failure(int status, String body, String what) {
        String sentence = serverSentence(body);
        SignalServerException.Reason reason = switch (status) {
            case 401 -> SignalServerException.Reason.UNAUTHORIZED;
            case 403 -> SignalServerException.Reason.FORBIDDEN;
            case 400, 404, 409, 422 -> SignalServerException.Reason.REFUSED;
            case 503 -> SignalServerException.Reason.UNAVAILABLE;
            default -> SignalServerException.Reason.UNEXPECTED_RESPONSE;
        };
        String message = "Signal server at " + baseUri + " answered " + what + " with HTTP " + status
                + (sentence == null ? "." : ": " + sentence);
        return new SignalServerException(reason, message, null, status, sentence);
    }

    private String serverSentence(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null) {
                return null;
            }
            // a request the server's bean validation refused says only "Bad Request" on top; the sentences naming
            // the fields are in _embedded.errors
            List<String> details = new ArrayList<>();
            for (JsonNode error : node.path("_embedded").path("errors")) {
                JsonNode text = error.get("message");
                if (text != null && !text.isNull() && !text.asString().isBlank()) {
                    details.add(text.asString().strip());
                }
            }
            if (!details.isEmpty()) {
                return String.join(
                        " ",
                        details.stream().map(d -> d.endsWith(".") ? d : d + ".").toList());
            }
            JsonNode message = node.get("message");
            return message == null || message.isNull() ? null : message.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    private SignalServerException notReachable(IOException cause) {
        return new SignalServerException(
                SignalServerException.Reason.NOT_REACHABLE, "Signal server not reachable at " + baseUri + ".", cause);
    }
}
