package no.pasientsignal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the API's answers in integration tests: success bodies, created ids, error sentences. */
public final class ApiResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiResponses() {}

    /** The body of a 2xx answer (the test fails, showing the body, on anything else). */
    public static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** The id of what a 201 answer created. */
    public static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    /** The plain sentence of an error answer. */
    public static String message(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("message").asString();
    }
}
