package no.pasientsignal.server.api;

import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.pasientsignal.server.Application;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /openapi.json} and {@code GET /openapi.yaml}: the OpenAPI 3.1 document of this API,
 * built by {@link OpenApiBuilder} from the routes the server really has. Open without a login: it
 * describes the API and holds no data. Built once, on the first request, when every controller is
 * routed.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {

    static final String YAML = "application/yaml";

    private final Supplier<Map<String, Object>> document;
    private final Supplier<String> json;
    private final Supplier<String> yaml;

    public OpenApiController(Router router) {
        String version = Optional.ofNullable(Application.class.getPackage().getImplementationVersion())
                .orElse("development");
        this.document = SupplierUtil.memoized(
                () -> new OpenApiBuilder(router, "Pasientsignal signal-server HTTP API", version).build());
        this.json = SupplierUtil.memoized(() -> toJson(document.get()));
        this.yaml = SupplierUtil.memoized(() -> toYaml(document.get()));
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "This document, as JSON")
    public String openApiJson() {
        return json.get();
    }

    @Get(value = "/openapi.yaml", produces = YAML)
    @Operation(summary = "This document, as YAML")
    public String openApiYaml() {
        return yaml.get();
    }

    static String toYaml(Map<String, Object> document) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDereferenceAliases(true);
        options.setWidth(120);
        return new Yaml(options).dump(document);
    }

    /** Indented JSON of maps, lists, strings, numbers, booleans and nulls; empty lists kept (security: []). */
    static String toJson(Object value) {
        var out = new StringBuilder();
        write(out, value, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        String inner = indent + "  ";
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (var entry : map.entrySet()) {
                out.append(inner);
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), inner);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(inner);
                write(out, list.get(i), inner);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
