package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.pasientsignal.server.api.OpenApiBuilder.PathTemplate;
import org.junit.jupiter.api.Test;

/** The pieces of the OpenAPI document that need no running server. */
class OpenApiBuilderTest {

    @Test
    void uri_templates_become_openapi_paths_and_query_parameters() {
        assertThat(PathTemplate.parse("/api/sites/{siteId}/wards"))
                .isEqualTo(new PathTemplate("/api/sites/{siteId}/wards", List.of("siteId"), List.of()));
        assertThat(PathTemplate.parse("/rooms/{number:[0-9]+}/notes{?max,offset*}"))
                .isEqualTo(new PathTemplate("/rooms/{number}/notes", List.of("number"), List.of("max", "offset")));
        assertThat(PathTemplate.parse("/files{/name}").path()).isEqualTo("/files/{name}");
        assertThat(PathTemplate.parse("").path()).isEqualTo("/");
    }

    @Test
    void json_keeps_empty_lists_and_escapes_strings() {
        String json = OpenApiController.toJson(
                SchemaGenerator.object("security", List.of(), "text", "a \"b\"\n\\c\u0001", "n", 3, "ok", true));
        assertThat(json)
                .isEqualTo("{\n  \"security\": [],\n  \"text\": \"a \\\"b\\\"\\n\\\\c\\u0001\",\n  \"n\": 3,\n"
                        + "  \"ok\": true\n}\n");
    }

    @Test
    void yaml_writes_shared_maps_out_in_full() {
        Map<String, Object> shared = SchemaGenerator.object("type", "string");
        String yaml = OpenApiController.toYaml(SchemaGenerator.object("a", shared, "b", shared, "code", "200"));
        assertThat(yaml).doesNotContain("&id", "*id").contains("'200'");
    }
}
