package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the running server generates from its routes: complete against the
 * Router, valid OpenAPI, with request schemas, roles and responses. Also writes it to {@code
 * target/openapi.json}, so every build keeps the document as an artifact.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT implements TestPropertyProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Inject
    EmbeddedServer http;

    @Inject
    Router router;

    private String body;
    private JsonNode document;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("openapi-it").properties("openapi-it.fixture", "true");
    }

    @BeforeAll
    void fetchWithoutLogin() throws Exception {
        var response = api().get("/openapi.json", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        body = response.body();
        document = JSON.readTree(body);
        Path artifact = Path.of(System.getProperty("basedir", "."), "target", "openapi.json");
        Files.createDirectories(artifact.getParent());
        Files.writeString(artifact, body);
    }

    @Test
    void the_document_is_valid_openapi_3_1() {
        SwaggerParseResult result = parse(body);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        List<String> operationIds = new ArrayList<>();
        document.get("paths")
                .forEach(item -> item.forEach(operation ->
                        operationIds.add(operation.get("operationId").asString())));
        assertThat(operationIds).doesNotHaveDuplicates().contains("createSite", "headOpenAlarms");
    }

    @Test
    void every_route_the_server_has_is_documented_with_its_method() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).hasSizeGreaterThan(10);
        Set<String> expected = new HashSet<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = openApiPath(route.getUriMatchTemplate().toString());
            String method = route.getHttpMethodName().toLowerCase();
            expected.add(method + " " + path);
            assertThat(document.path("paths").path(path).has(method))
                    .as(
                            "%s %s (%s.%s)",
                            method,
                            path,
                            route.getDeclaringType().getSimpleName(),
                            route.getTargetMethod().getMethodName())
                    .isTrue();
        }
        Set<String> documented = new HashSet<>();
        for (var path : document.get("paths").properties()) {
            path.getValue().propertyNames().forEach(method -> documented.add(method + " " + path.getKey()));
        }
        assertThat(documented).isEqualTo(expected);
        assertThat(documented).contains("get /openapi.json", "get /openapi.yaml", "post /api/sites");
    }

    @Test
    void a_request_body_shows_its_schema_with_the_required_fields_and_limits() {
        JsonNode site = schemaOf(operation("/api/sites", "post").at("/requestBody/content/application~1json/schema"));
        assertThat(texts(site.get("required"))).containsExactly("name");
        assertThat(site.at("/properties/name/type").asString()).isEqualTo("string");
        assertThat(site.at("/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(site.at("/properties/name/minLength").asInt()).isEqualTo(1);
        assertThat(operation("/api/sites", "post").at("/requestBody/required").asBoolean())
                .isTrue();

        JsonNode device =
                schemaOf(operation("/api/devices", "post").at("/requestBody/content/application~1json/schema"));
        assertThat(texts(device.get("required"))).containsExactlyInAnyOrder("deviceId", "type", "serial");
        assertThat(device.at("/properties/deviceId/pattern").asString()).isEqualTo("^(?:[A-Za-z0-9._-]{1,64})$");
        assertThat(texts(device.at("/properties/type/enum"))).contains("CALL_BUTTON");
        assertThat(texts(device.at("/properties/locationId/type"))).containsExactly("string", "null");

        JsonNode room = schemaOf(
                operation("/api/zones/{zoneId}/rooms", "post").at("/requestBody/content/application~1json/schema"));
        assertThat(room.at("/properties/locations/minItems").asInt()).isEqualTo(1);
        assertThat(room.at("/properties/locations/maxItems").asInt()).isEqualTo(20);
        assertThat(texts(schemaOf(room.at("/properties/locations/items")).get("required")))
                .containsExactlyInAnyOrder("kind", "label");
    }

    @Test
    void secured_operations_carry_their_roles_and_the_bearer_scheme() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        int secured = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            List<String> roles = Arrays.asList(route.getAnnotationMetadata().stringValues(Secured.class));
            JsonNode operation = operation(
                    openApiPath(route.getUriMatchTemplate().toString()),
                    route.getHttpMethodName().toLowerCase());
            assertThat(texts(operation.get("x-roles"))).as(operation.toString()).isEqualTo(roles);
            if (roles.equals(List.of(SecurityRule.IS_ANONYMOUS))) {
                assertThat(operation.get("security")).isEmpty();
            } else {
                secured++;
                assertThat(operation.at("/security/0/bearer").isArray()).isTrue();
                assertThat(operation.at("/responses/401/$ref").asString())
                        .isEqualTo("#/components/responses/Unauthorized");
            }
        }
        assertThat(secured).isGreaterThan(5);

        JsonNode createSite = operation("/api/sites", "post");
        assertThat(texts(createSite.get("x-roles"))).containsExactly("ADMINISTRATOR");
        assertThat(createSite.get("responses").propertyNames()).contains("2XX", "400", "401", "403", "409");
        assertThat(texts(operation("/api/devices", "post").get("x-roles")))
                .containsExactlyInAnyOrder("ADMINISTRATOR", "TECHNICIAN");
        assertThat(texts(operation("/api/technical-alerts", "get").get("x-roles")))
                .containsExactly(SecurityRule.IS_AUTHENTICATED);
        assertThat(operation("/api/technical-alerts", "get").get("responses").has("403"))
                .isFalse();
        assertThat(texts(operation("/api/alarms", "get").get("x-roles")))
                .containsExactlyInAnyOrder("NURSE", "NIGHT_STAFF", "ADMINISTRATOR");
        assertThat(operation("/login", "post").get("security")).isEmpty();
        assertThat(document.at("/components/responses/BadRequest/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ApiError");
    }

    @Test
    void responses_come_from_return_types_produces_and_the_path() {
        JsonNode calls = operation("/api/alarms", "get").at("/responses/200/content/application~1json/schema");
        assertThat(calls.get("type").asString()).isEqualTo("array");
        assertThat(schemaOf(calls.get("items")).get("properties").propertyNames())
                .contains("roomName", "raisedAt");

        JsonNode stream = operation("/api/alarms/stream", "get").at("/responses/200");
        assertThat(stream.get("content").propertyNames()).containsExactly("text/event-stream");
        assertThat(stream.get("description").asString()).contains("server-sent events");

        assertThat(operation("/api/devices/{deviceId}", "get")
                        .at("/responses/404/$ref")
                        .asString())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(operation("/api/devices/{deviceId}", "get")
                        .at("/parameters/0/in")
                        .asString())
                .isEqualTo("path");
        assertThat(operation("/health", "get")
                        .at("/responses/2XX/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Health");
        assertThat(texts(operation("/api/devices/{deviceId}", "get").get("tags")))
                .containsExactly("Facility");

        // Micronaut answers HEAD for each GET: documented as the GET without a body.
        JsonNode head = operation("/api/alarms", "head");
        assertThat(head.get("operationId").asString()).isEqualTo("headOpenAlarms");
        assertThat(head.at("/responses/200").has("content")).isFalse();
    }

    @Test
    void documented_errors_have_the_shape_the_server_answers_with() throws Exception {
        assertThat(document.at("/components/schemas/ApiError/properties/message/type")
                        .asString())
                .isEqualTo("string");
        String admin = api().login("admin", "demo-admin");
        String nurse = api().login("sykepleier", "demo-sykepleier");
        var refusals = Map.of(
                "400", api().post("/api/sites", "{\"name\":\" \"}", admin),
                "401", api().post("/api/sites", "{\"name\":\"X\"}", null),
                "403", api().post("/api/sites", "{\"name\":\"X\"}", nurse),
                "404", api().post("/api/sites/no-such-site/wards", "{\"name\":\"X\"}", admin));
        refusals.forEach((status, response) -> {
            assertThat(String.valueOf(response.statusCode())).isEqualTo(status);
            assertThat(operation("/api/sites/{siteId}/wards", "post")
                            .get("responses")
                            .has(status))
                    .isTrue();
            assertThat(JSON.readTree(response.body()).get("message").isString())
                    .as(response.body())
                    .isTrue();
        });
    }

    @Test
    void declared_responses_parameters_and_constraints_are_honoured() {
        JsonNode notes = operation("/fixture/rooms/{number}/notes", "get");
        assertThat(texts(notes.get("tags"))).containsExactly("Fixture");
        List<String> parameters = new ArrayList<>();
        notes.get("parameters")
                .forEach(p -> parameters.add(
                        p.get("in").asString() + ":" + p.get("name").asString()));
        assertThat(parameters).containsExactly("path:number", "query:max", "header:X-Trace");
        JsonNode max = notes.at("/parameters/1");
        assertThat(max.get("required").asBoolean()).isFalse();
        assertThat(max.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(max.at("/schema/maximum").asInt()).isEqualTo(50);
        assertThat(notes.at("/parameters/0/schema/type").asString()).isEqualTo("integer");
        assertThat(notes.at("/responses/200/description").asString()).isEqualTo("The notes");
        assertThat(schemaOf(notes.at("/responses/200/content/application~1json/schema/items"))
                        .at("/description")
                        .asString())
                .isEqualTo("A note on a room");
        assertThat(notes.at("/responses/404/description").asString()).isEqualTo("No such room");
        assertThat(notes.get("responses").has("2XX")).isFalse();

        JsonNode add = operation("/fixture/notes", "post");
        assertThat(add.get("responses").has("201")).isTrue();
        JsonNode note = schemaOf(add.at("/requestBody/content/application~1json/schema"));
        assertThat(texts(note.get("required"))).containsExactly("text", "priority");
        assertThat(note.at("/properties/priority/minimum").asInt()).isEqualTo(1);
        assertThat(note.at("/properties/tags/items/minLength").asInt()).isEqualTo(1);
        assertThat(note.at("/properties/counts/additionalProperties/type").asString())
                .isEqualTo("integer");
        assertThat(note.at("/properties/author/description").asString()).isEqualTo("Who wrote it");
        assertThat(note.at("/properties/reply/$ref").asString()).isEqualTo("#/components/schemas/Note");
    }

    @Test
    void the_yaml_document_says_the_same() throws Exception {
        var response = api().get("/openapi.yaml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("&id", "*id"); // no YAML aliases
        SwaggerParseResult yaml = parse(response.body());
        assertThat(yaml.getMessages()).isEmpty();
        assertThat(yaml.getOpenAPI().getPaths().keySet())
                .isEqualTo(parse(body).getOpenAPI().getPaths().keySet());
    }

    /** Micronaut's URI template as an OpenAPI path: no query expansion, no regex on a variable. */
    private static String openApiPath(String template) {
        return template.replaceAll("\\{[?&][^}]*}", "").replaceAll("\\{([^}:*]+)[:*][^}]*}", "{$1}");
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject())
                .as("%s %s in %s", method, path, document.get("paths").propertyNames())
                .isTrue();
        return operation;
    }

    private JsonNode schemaOf(JsonNode reference) {
        String ref = reference.path("$ref").asString();
        assertThat(ref).startsWith("#/components/schemas/");
        return document.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private static SwaggerParseResult parse(String text) {
        var options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
