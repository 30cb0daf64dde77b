package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's sentence is found both in its own refusals and in what its bean validation answers. */
class ApiClientRefusalTest {

    private final ApiClient api = new ApiClient(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));

    @Test
    void a_refusal_of_the_servers_own_gives_its_message() {
        SignalServerException e =
                api.failure(409, "{\"message\":\"username: kari is taken. Nothing was saved.\"}", "POST /x");
        assertThat(e.reason()).isEqualTo(SignalServerException.Reason.REFUSED);
        assertThat(e.serverMessage()).contains("username: kari is taken. Nothing was saved.");
    }

    @Test
    void a_bean_validation_refusal_gives_the_sentences_naming_the_fields_not_bad_request() {
        String body = "{\"_links\":{\"self\":{\"href\":\"/api/staff\"}},\"_embedded\":{\"errors\":["
                + "{\"message\":\"request.username: must be 2-64 of a-z 0-9 . _ - starting with a letter or digit\"},"
                + "{\"message\":\"request.password: size must be between 12 and 200\"}]},\"message\":\"Bad Request\"}";
        SignalServerException e = api.failure(400, body, "POST /api/staff");
        assertThat(e.serverMessage())
                .contains("request.username: must be 2-64 of a-z 0-9 . _ - starting with a letter or digit."
                        + " request.password: size must be between 12 and 200.");
    }
}
