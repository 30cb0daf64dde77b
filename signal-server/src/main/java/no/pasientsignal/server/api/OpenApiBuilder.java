package no.pasientsignal.server.api;

import static no.pasientsignal.server.api.SchemaGenerator.object;

import io.micronaut.aop.Intercepted;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.reflect.ReflectionUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import no.pasientsignal.server.api.SchemaGenerator.TypeRef;
import org.reactivestreams.Publisher;

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the routes Micronaut actually serves (its
 * {@link Router}), so a new controller is documented without anyone touching this class. Per
 * route: the method and path; parameters and the request body from the target method's
 * {@code @PathVariable}, {@code @QueryValue}, {@code @Header}, {@code @CookieValue} and {@code
 * @Body} arguments (unannotated simple arguments bind from the path or query, as in Micronaut);
 * the success response from the return type and {@code @Produces} (server-sent events included);
 * who may call it from {@code @Secured}, as the bearer security requirement plus {@code x-roles}.
 *
 * <p>Error responses are inferred: 400 when there is input to validate, 401 when a login is
 * needed, 403 when only some roles may call, 404 when the path names something, 409 for a write
 * with a body by a logged-in user to one of our own controllers (the database may refuse it, see
 * {@link ConflictHandler}). HEAD routes, which Micronaut adds for every GET, are documented as the
 * GET without a body.
 * A controller can be more exact with the standard {@code io.swagger.v3.oas.annotations}
 * annotations: {@code @ApiResponse} (code, description, body schema) replaces the inferred
 * response of the same code, and a declared 2xx replaces the inferred success; {@code
 * @Operation} gives summary, description and operation id; {@code @Tag} on the class names its
 * group; {@code @Parameter} and {@code @Schema} describe arguments and record components.
 */
public final class OpenApiBuilder {

    static final String BEARER = "bearer";
    static final String ROLES = "x-roles";

    private static final Set<String> OPENAPI_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String OWN_PACKAGES = "no.pasientsignal.";
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\{([?&/#+.;]?)([^}]*)}");

    /** A URI template as OpenAPI writes it, and the variables it binds from path and query. */
    record PathTemplate(String path, List<String> pathVariables, List<String> queryVariables) {

        /** {@code /a/{id:[0-9]+}{/rest}{?max,offset*}} becomes {@code /a/{id}/{rest}} plus query max, offset. */
        static PathTemplate parse(String template) {
            StringBuilder path = new StringBuilder();
            List<String> pathVariables = new ArrayList<>();
            List<String> queryVariables = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(template);
            int last = 0;
            while (matcher.find()) {
                path.append(template, last, matcher.start());
                last = matcher.end();
                String operator = matcher.group(1);
                List<String> names = Arrays.stream(matcher.group(2).split(","))
                        .map(name -> name.replaceAll("[:*].*$", "").strip())
                        .filter(name -> !name.isEmpty())
                        .toList();
                if (operator.equals("?") || operator.equals("&")) {
                    queryVariables.addAll(names);
                    continue;
                }
                String prefix = operator.equals("/") || operator.equals(".") ? operator : "";
                String separator = prefix.isEmpty() ? "," : "";
                path.append(String.join(
                        separator,
                        names.stream().map(name -> prefix + "{" + name + "}").toList()));
                pathVariables.addAll(names);
            }
            path.append(template.substring(last));
            String normalized = path.isEmpty() || path.charAt(0) != '/' ? "/" + path : path.toString();
            return new PathTemplate(normalized, List.copyOf(pathVariables), List.copyOf(queryVariables));
        }
    }

    private final Router router;
    private final String title;
    private final String version;

    public OpenApiBuilder(Router router, String title, String version) {
        this.router = router;
        this.title = title;
        this.version = version;
    }

    /** The document as nested maps and lists, ready to write as JSON or YAML. */
    public Map<String, Object> build() {
        var schemas = new SchemaGenerator();
        // ApiError first, so it keeps its plain name.
        Map<String, Object> apiError = schemas.schema(TypeRef.of(ApiError.class));
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> operationIds = new HashMap<>();
        Set<String> tags = new TreeSet<>();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .sorted(Comparator.comparing((UriRouteInfo<?, ?> route) -> pathOf(route))
                        .thenComparing(UriRouteInfo::getHttpMethodName))
                .toList();
        for (UriRouteInfo<?, ?> route : routes) {
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            if (!OPENAPI_METHODS.contains(method)) {
                continue; // a custom HTTP method has no place in OpenAPI 3.1
            }
            PathTemplate template =
                    PathTemplate.parse(route.getUriMatchTemplate().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(template.path(), p -> new LinkedHashMap<>());
            if (item.containsKey(method)) {
                continue; // the same path and method again (another media type): the first documents both
            }
            Map<String, Object> operation = new RouteOperation(route, template, schemas).build();
            operationIds
                    .computeIfAbsent((String) operation.get("operationId"), id -> new ArrayList<>())
                    .add(operation);
            @SuppressWarnings("unchecked")
            List<String> operationTags = (List<String>) operation.get("tags");
            tags.addAll(operationTags);
            item.put(method, operation);
        }

        // A method name two controllers share (list, get, stream) becomes unique by its tag, in
        // every controller that has it, so adding a controller never renames only one of them.
        operationIds.forEach((id, operations) -> {
            if (operations.size() > 1) {
                for (Map<String, Object> operation : operations) {
                    @SuppressWarnings("unchecked")
                    String tag = ((List<String>) operation.get("tags")).getFirst();
                    String prefix = NameUtils.decapitalize(tag.replaceAll("[^A-Za-z0-9]", ""));
                    operation.put("operationId", prefix + NameUtils.capitalize(id));
                }
            }
        });
        // Overloads in one controller, the last resort: a number.
        Set<String> unique = new HashSet<>();
        for (Object item : paths.values()) {
            for (Object value : ((Map<?, ?>) item).values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) value;
                String id = (String) operation.get("operationId");
                String candidate = id;
                for (int n = 2; !unique.add(candidate); n++) {
                    candidate = id + n;
                }
                operation.put("operationId", candidate);
            }
        }

        Map<String, Object> responses = new LinkedHashMap<>();
        for (Standard standard : Standard.values()) {
            responses.put(
                    standard.name(),
                    object(
                            "description",
                            standard.description,
                            "content",
                            object(MediaType.APPLICATION_JSON, object("schema", copy(apiError)))));
        }
        Map<String, Object> components = object(
                "schemas", schemas.components(),
                "responses", responses,
                "securitySchemes",
                        object(
                                BEARER,
                                object(
                                        "type", "http",
                                        "scheme", "bearer",
                                        "description",
                                                "A staff session token from POST /login (access_token). Each operation's "
                                                        + ROLES
                                                        + " lists the roles that may call it, any one of them suffices; "
                                                        + SecurityRule.IS_AUTHENTICATED
                                                        + " means any logged-in staff member, "
                                                        + SecurityRule.IS_ANONYMOUS + " means no login.")));
        return object(
                "openapi",
                "3.1.0",
                "info",
                object(
                        "title",
                        title,
                        "version",
                        version,
                        "description",
                        "Generated at run time from the server's routes (see OpenApiBuilder).",
                        "license",
                        object("name", "Apache-2.0", "identifier", "Apache-2.0")),
                "tags",
                tags.stream().map(tag -> object("name", tag)).toList(),
                "paths",
                paths,
                "components",
                components);
    }

    /** The controller class a route was declared in, not Micronaut's AOP subclass of it. */
    static Class<?> controller(UriRouteInfo<?, ?> route) {
        Class<?> type = route.getDeclaringType();
        while (Intercepted.class.isAssignableFrom(type) && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type;
    }

    /** The OpenAPI path of a route: what a client's generated code and this document key on. */
    static String pathOf(UriRouteInfo<?, ?> route) {
        return PathTemplate.parse(route.getUriMatchTemplate().toString()).path();
    }

    /**
     * The error responses operations refer to by name. The body always has {@link ApiError}'s
     * {@code message}; refusals by the framework (validation, login, roles) add {@code _embedded}
     * and {@code _links}.
     */
    enum Standard {
        BadRequest(
                HttpStatus.BAD_REQUEST,
                "The request is invalid; nothing was done. When validation refuses it, _embedded.errors[].message"
                        + " names the field (for example \"request.name: must not be blank\")."),
        Unauthorized(HttpStatus.UNAUTHORIZED, "No valid session token: log in first (POST /login)."),
        Forbidden(HttpStatus.FORBIDDEN, "Logged in, but with none of the roles in " + ROLES + "."),
        NotFound(HttpStatus.NOT_FOUND, "Nothing with that id."),
        Conflict(HttpStatus.CONFLICT, "Refused: it conflicts with what is already registered; nothing was saved.");

        final HttpStatus status;
        final String description;

        Standard(HttpStatus status, String description) {
            this.status = status;
            this.description = description;
        }

        Map<String, Object> ref() {
            return object("$ref", "#/components/responses/" + name());
        }
    }

    /** One route's operation object. */
    private static final class RouteOperation {

        private final UriRouteInfo<?, ?> route;
        private final PathTemplate template;
        private final SchemaGenerator schemas;
        private final Method method;
        private final Class<?> controller;
        private final boolean head;
        private final List<String> roles;

        RouteOperation(UriRouteInfo<?, ?> route, PathTemplate template, SchemaGenerator schemas) {
            this.route = route;
            this.template = template;
            this.schemas = schemas;
            this.controller = controller(route);
            this.method = ReflectionUtils.findMethod(
                            controller,
                            route.getTargetMethod().getMethodName(),
                            route.getTargetMethod().getArgumentTypes())
                    .orElse(null);
            this.head = route.getHttpMethod() == HttpMethod.HEAD;
            this.roles = Arrays.asList(route.getAnnotationMetadata().stringValues(Secured.class));
        }

        private <A extends java.lang.annotation.Annotation> A declared(Class<A> type) {
            return method == null ? null : method.getAnnotation(type);
        }

        Map<String, Object> build() {
            String methodName = route.getTargetMethod().getMethodName();
            Operation documented = declared(Operation.class);
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("tags", List.of(tag()));
            String summary =
                    documented != null && !documented.summary().isBlank() ? documented.summary() : sentence(methodName);
            // Micronaut answers HEAD for every GET: the same, without the body.
            operation.put("summary", head ? summary + " (HEAD: headers only)" : summary);
            if (documented != null && !documented.description().isBlank()) {
                operation.put("description", documented.description());
            }
            String operationId =
                    documented != null && !documented.operationId().isBlank() ? documented.operationId() : methodName;
            operation.put("operationId", head ? "head" + NameUtils.capitalize(operationId) : operationId);

            List<Map<String, Object>> parameters = new ArrayList<>();
            Map<String, Argument<?>> bodyParts = new LinkedHashMap<>();
            Argument<?> body = null;
            for (Argument<?> argument : route.getTargetMethod().getArguments()) {
                AnnotationMetadata metadata = argument.getAnnotationMetadata();
                if (metadata.hasStereotype(Body.class)) {
                    String part = metadata.stringValue(Body.class).orElse("");
                    if (part.isEmpty()) {
                        body = argument;
                    } else {
                        bodyParts.put(part, argument);
                    }
                    continue;
                }
                Map<String, Object> parameter = parameter(argument);
                if (parameter != null) {
                    parameters.add(parameter);
                }
            }
            Set<String> bound = new HashSet<>();
            parameters.forEach(p -> bound.add(p.get("in") + ":" + p.get("name")));
            for (String name : template.pathVariables()) {
                if (bound.add("path:" + name)) {
                    parameters.add(
                            object("name", name, "in", "path", "required", true, "schema", object("type", "string")));
                }
            }
            for (String name : template.queryVariables()) {
                if (bound.add("query:" + name)) {
                    parameters.add(object("name", name, "in", "query", "schema", object("type", "string")));
                }
            }
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            Map<String, Object> requestBody = requestBody(body, bodyParts);
            if (requestBody != null) {
                operation.put("requestBody", requestBody);
            }
            boolean input = requestBody != null
                    || parameters.stream().anyMatch(p -> !"path".equals(p.get("in")) || !isPlainString(p));
            operation.put("responses", responses(input, requestBody != null));

            if (roles.equals(List.of(SecurityRule.IS_ANONYMOUS))) {
                operation.put("security", List.of());
            } else {
                operation.put("security", List.of(object(BEARER, List.of())));
            }
            // As declared; none means micronaut-security lets nobody in.
            operation.put(ROLES, roles);
            if ((documented != null && documented.deprecated()) || declared(Deprecated.class) != null) {
                operation.put("deprecated", true);
            }
            return operation;
        }

        private String tag() {
            Tag tag = controller.getAnnotation(Tag.class);
            if (tag != null && !tag.name().isBlank()) {
                return tag.name();
            }
            String name = controller.getSimpleName();
            return name.endsWith("Controller") && name.length() > "Controller".length()
                    ? name.substring(0, name.length() - "Controller".length())
                    : name;
        }

        /** A parameter object, or null for what the framework supplies (the request, the user...). */
        private Map<String, Object> parameter(Argument<?> argument) {
            AnnotationMetadata metadata = argument.getAnnotationMetadata();
            String in;
            String name;
            if (metadata.hasStereotype(PathVariable.class)) {
                in = "path";
                name = boundName(metadata, PathVariable.class, argument.getName());
            } else if (metadata.hasStereotype(QueryValue.class)) {
                in = "query";
                name = boundName(metadata, QueryValue.class, argument.getName());
            } else if (metadata.hasStereotype(Header.class)) {
                in = "header";
                name = boundName(metadata, Header.class, NameUtils.hyphenate(argument.getName()));
                if (name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                    return null; // the bearer security scheme documents it
                }
            } else if (metadata.hasStereotype(CookieValue.class)) {
                in = "cookie";
                name = boundName(metadata, CookieValue.class, argument.getName());
            } else if (metadata.hasStereotype(Bindable.class) || !bindsByName(argument)) {
                return null; // @RequestAttribute, @Part, HttpRequest, Authentication and the like
            } else {
                name = argument.getName();
                in = template.pathVariables().contains(name) ? "path" : "query";
            }
            TypeRef type = TypeRef.of(argument);
            Map<String, Object> parameter = object("name", name, "in", in);
            String description =
                    metadata.stringValue(Parameter.class, "description").orElse("");
            if (!description.isBlank()) {
                parameter.put("description", description);
            }
            boolean hasDefault =
                    metadata.stringValue(Bindable.class, "defaultValue").isPresent();
            parameter.put(
                    "required",
                    in.equals("path")
                            || (!hasDefault
                                    && !argument.isNullable()
                                    && !SchemaGenerator.isOptional(argument.getType())));
            parameter.put("schema", schemas.schema(type));
            return parameter;
        }

        private static String boundName(
                AnnotationMetadata metadata,
                Class<? extends java.lang.annotation.Annotation> binding,
                String fallback) {
            return metadata.stringValue(binding)
                    .or(() -> metadata.stringValue(binding, "name"))
                    .filter(name -> !name.isBlank())
                    .orElse(fallback);
        }

        /** Micronaut binds an unannotated simple argument from the path or the query by its name. */
        private static boolean bindsByName(Argument<?> argument) {
            Class<?> type = argument.getType();
            if (HttpRequest.class.isAssignableFrom(type) || Principal.class.isAssignableFrom(type)) {
                return false;
            }
            if (SchemaGenerator.isOptional(type) || java.util.Collection.class.isAssignableFrom(type)) {
                return argument.getTypeParameters().length == 1
                        && SchemaGenerator.isScalar(argument.getTypeParameters()[0].getType());
            }
            return SchemaGenerator.isScalar(type);
        }

        private static boolean isPlainString(Map<String, Object> parameter) {
            return object("type", "string").equals(parameter.get("schema"));
        }

        private Map<String, Object> requestBody(Argument<?> body, Map<String, Argument<?>> parts) {
            Map<String, Object> schema;
            boolean required;
            if (body != null) {
                schema = schemas.schema(TypeRef.of(body));
                required = !body.isNullable() && !SchemaGenerator.isOptional(body.getType());
            } else if (!parts.isEmpty()) {
                // @Body("name") arguments: each is one property of the JSON object sent.
                Map<String, Object> properties = new LinkedHashMap<>();
                List<String> requiredParts = new ArrayList<>();
                parts.forEach((name, argument) -> {
                    TypeRef type = TypeRef.of(argument);
                    properties.put(name, schemas.schema(type));
                    if (!argument.isNullable() && !SchemaGenerator.isOptional(argument.getType())) {
                        requiredParts.add(name);
                    }
                });
                schema = object("type", "object", "properties", properties);
                if (!requiredParts.isEmpty()) {
                    schema.put("required", requiredParts);
                }
                required = true;
            } else {
                return null;
            }
            Map<String, Object> content = new LinkedHashMap<>();
            for (String mediaType : mediaTypes(route.getConsumes())) {
                content.put(mediaType, object("schema", content.isEmpty() ? schema : copy(schema)));
            }
            return object("required", required, "content", content);
        }

        private Map<String, Object> responses(boolean input, boolean hasBody) {
            Map<String, Object> responses = new TreeMap<>();
            List<ApiResponse> declared = new ArrayList<>(
                    method == null ? List.of() : Arrays.asList(method.getAnnotationsByType(ApiResponse.class)));
            Operation operation = declared(Operation.class);
            if (operation != null) {
                declared.addAll(Arrays.asList(operation.responses()));
            }
            for (ApiResponse response : declared) {
                responses.put(response.responseCode(), declaredResponse(response));
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                success(responses);
            }
            boolean anonymous = roles.equals(List.of(SecurityRule.IS_ANONYMOUS));
            boolean anyUser = roles.equals(List.of(SecurityRule.IS_AUTHENTICATED));
            boolean optionalResult = SchemaGenerator.isOptional(
                    unwrapAsync(route.getReturnType().asArgument()).getType());
            inferred(responses, Standard.BadRequest, input);
            inferred(responses, Standard.Unauthorized, !anonymous);
            inferred(responses, Standard.Forbidden, !anonymous && !anyUser);
            inferred(responses, Standard.NotFound, !template.pathVariables().isEmpty() || optionalResult);
            // Only our own controllers write to the database; framework routes (token_info) do not.
            boolean ours = controller.getPackageName().startsWith(OWN_PACKAGES);
            inferred(
                    responses,
                    Standard.Conflict,
                    ours && WRITES.contains(route.getHttpMethod()) && hasBody && !anonymous);
            if (head) {
                responses.replaceAll((code, response) -> withoutContent(response));
            }
            return responses;
        }

        @SuppressWarnings("unchecked")
        private static Object withoutContent(Object response) {
            if (response instanceof Map<?, ?> map && map.containsKey("content")) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                copy.remove("content");
                return copy;
            }
            return response;
        }

        private static void inferred(Map<String, Object> responses, Standard standard, boolean applies) {
            if (applies) {
                responses.putIfAbsent(String.valueOf(standard.status.getCode()), standard.ref());
            }
        }

        private Map<String, Object> declaredResponse(ApiResponse response) {
            Map<String, Object> result = new LinkedHashMap<>();
            String description = response.description();
            if (description.isBlank()) {
                description = reason(response.responseCode());
            }
            result.put("description", description);
            Map<String, Object> content = new LinkedHashMap<>();
            for (Content declared : response.content()) {
                Map<String, Object> schema = null;
                if (declared.schema().implementation() != Void.class) {
                    schema = schemas.schema(TypeRef.of(declared.schema().implementation()));
                } else if (declared.array().schema().implementation() != Void.class) {
                    schema = object(
                            "type",
                            "array",
                            "items",
                            schemas.schema(TypeRef.of(declared.array().schema().implementation())));
                }
                if (schema != null) {
                    List<String> mediaTypes = declared.mediaType().isBlank()
                            ? mediaTypes(route.getProduces())
                            : List.of(declared.mediaType());
                    for (String mediaType : mediaTypes) {
                        content.put(mediaType, object("schema", copy(schema)));
                    }
                }
            }
            if (content.isEmpty() && response.responseCode().matches("[45].*")) {
                content.put(MediaType.APPLICATION_JSON, object("schema", schemas.schema(TypeRef.of(ApiError.class))));
            }
            if (!content.isEmpty()) {
                result.put("content", content);
            }
            return result;
        }

        /** The success response from the return type: the body, its media type, and the status. */
        private void success(Map<String, Object> responses) {
            Argument<?> body = unwrapAsync(route.getReturnType().asArgument());
            boolean statusAtRunTime = false;
            if (HttpResponse.class.isAssignableFrom(body.getType())) {
                statusAtRunTime = true;
                body = unwrapAsync(firstTypeParameter(body));
            }
            boolean stream = Publisher.class.isAssignableFrom(body.getType()) && !isSingle(body.getType());
            if (stream) {
                body = firstTypeParameter(body);
            }
            List<String> produces = mediaTypes(route.getProduces());
            boolean events = produces.contains(MediaType.TEXT_EVENT_STREAM);
            if (Event.class.isAssignableFrom(body.getType())) {
                body = firstTypeParameter(body);
            }
            Class<?> type = SchemaGenerator.isOptional(body.getType())
                    ? firstTypeParameter(body).getType()
                    : body.getType();
            boolean empty = type == void.class || type == Void.class;

            Map<String, Object> response = new LinkedHashMap<>();
            String code;
            if (route.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Status.class)
                    || !statusAtRunTime) {
                code = String.valueOf(route.findStatus(HttpStatus.OK).getCode());
                response.put("description", reason(code));
            } else {
                code = "2XX";
                response.put(
                        "description", "Success; the handler sets the status (for example 200 OK or 201 Created).");
            }
            if (!empty) {
                Map<String, Object> schema = schemas.schema(TypeRef.of(body));
                if (stream && !events) {
                    schema = object("type", "array", "items", schema);
                }
                if (events) {
                    response.put("description", "A stream of server-sent events; the schema is each event's data.");
                }
                Map<String, Object> content = new LinkedHashMap<>();
                for (String mediaType : produces) {
                    content.put(mediaType, object("schema", content.isEmpty() ? schema : copy(schema)));
                }
                response.put("content", content);
            }
            responses.putIfAbsent(code, response);
        }

        /** CompletionStage, Future, Mono and other single-valued publishers: what they complete with. */
        private static Argument<?> unwrapAsync(Argument<?> argument) {
            Class<?> type = argument.getType();
            if (CompletionStage.class.isAssignableFrom(type)
                    || Future.class.isAssignableFrom(type)
                    || (Publisher.class.isAssignableFrom(type) && isSingle(type))) {
                return unwrapAsync(firstTypeParameter(argument));
            }
            return argument;
        }

        private static boolean isSingle(Class<?> type) {
            String name = type.getSimpleName();
            return name.equals("Mono") || name.equals("Single") || name.equals("Maybe");
        }

        private static Argument<?> firstTypeParameter(Argument<?> argument) {
            Argument<?>[] parameters = argument.getTypeParameters();
            return parameters.length == 0 ? Argument.OBJECT_ARGUMENT : parameters[0];
        }

        private static List<String> mediaTypes(List<MediaType> types) {
            List<String> names = types.stream()
                    .map(MediaType::getName)
                    .filter(name -> !name.equals(MediaType.ALL))
                    .distinct()
                    .toList();
            return names.isEmpty() ? List.of(MediaType.APPLICATION_JSON) : names;
        }

        private static String reason(String code) {
            try {
                return HttpStatus.valueOf(Integer.parseInt(code)).getReason();
            } catch (RuntimeException e) {
                return "Response " + code;
            }
        }

        /** {@code createSite} becomes "Create site". */
        private static String sentence(String methodName) {
            String words = NameUtils.hyphenate(methodName).replace('-', ' ');
            return NameUtils.capitalize(words);
        }
    }

    /** A deep copy, so no two places in the document share one map (YAML would write an alias). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(OpenApiBuilder::copy).toList();
        }
        return value;
    }
}
