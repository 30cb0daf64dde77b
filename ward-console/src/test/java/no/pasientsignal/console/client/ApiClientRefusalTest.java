package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's own sentence out of a refusal, as the console shows it next to the form. */
class ApiClientRefusalTest {

    private final ApiClient api = new ApiClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1));

    @Test
    void a_validation_refusal_gives_the_field_messages_instead_of_bad_request() {
        String body = "{\"_embedded\":{\"errors\":[{\"message\":\"request.deviceId: must be 1-64 of A-Z\"},"
                + "{\"message\":\"request.serial: must not be blank\"}]},\"message\":\"Bad Request\"}";

        SignalServerException e = api.failure(400, body, "POST /api/devices");

        assertThat(e.reason()).isEqualTo(SignalServerException.Reason.REFUSED);
        assertThat(e.serverMessage())
                .hasValue("request.deviceId: must be 1-64 of A-Z; request.serial: must not be blank");
    }

    @Test
    void a_refusal_with_one_sentence_gives_that_sentence() {
        SignalServerException e = api.failure(409, "{\"message\":\"Nothing was saved.\"}", "POST /api/devices");

        assertThat(e.serverMessage()).hasValue("Nothing was saved.");
    }
}
