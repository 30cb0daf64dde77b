package no.pasientsignal.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) for the Java types the API reads and
 * writes. Records (and other introspected beans) become named components referenced by
 * {@code $ref}; the jakarta.validation constraints the server enforces become the matching schema
 * keywords, so a client sees the same limits the server checks. Not thread-safe: one generator per
 * document.
 */
final class SchemaGenerator {

    static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** A type with the annotations that apply to it: its declaration's and its type-use ones. */
    record TypeRef(Class<?> raw, List<TypeRef> args, Annotations annotations) {

        TypeRef arg(int index) {
            return index < args.size() ? args.get(index) : of(Object.class);
        }

        static TypeRef of(Class<?> type) {
            return new TypeRef(type, List.of(), Annotations.NONE);
        }

        /** From a Micronaut argument (route parameters, return types): annotations from its metadata. */
        static TypeRef of(Argument<?> argument) {
            Class<?> raw = argument.getType();
            List<TypeRef> args = raw.isArray()
                    ? List.of(of(raw.getComponentType()))
                    : Arrays.stream(argument.getTypeParameters())
                            .map(TypeRef::of)
                            .toList();
            AnnotationMetadata metadata = argument.getAnnotationMetadata();
            boolean nullable = argument.isNullable();
            return new TypeRef(raw, args, new Annotations() {
                @Override
                public <A extends Annotation> A find(Class<A> type) {
                    return metadata.isAnnotationPresent(type) ? metadata.synthesize(type) : null;
                }

                @Override
                public boolean nullable() {
                    return nullable;
                }
            });
        }

        /** From reflection (record components): the declarations' and the type's own annotations. */
        static TypeRef of(AnnotatedType type, AnnotatedElement... declarations) {
            List<AnnotatedElement> sources = new ArrayList<>(Arrays.asList(declarations));
            sources.add(type);
            Annotations annotations = Annotations.of(sources);
            if (type instanceof AnnotatedWildcardType wildcard) {
                AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
                return upper.length == 0 ? of(Object.class) : of(upper[0], declarations);
            }
            Class<?> raw = rawClass(type.getType());
            List<TypeRef> args = List.of();
            if (type instanceof AnnotatedParameterizedType parameterized) {
                args = Arrays.stream(parameterized.getAnnotatedActualTypeArguments())
                        .map(TypeRef::of)
                        .toList();
            } else if (type instanceof AnnotatedArrayType array) {
                args = List.of(of(array.getAnnotatedGenericComponentType()));
            }
            return new TypeRef(raw, args, annotations);
        }
    }

    /** Where a type's annotations are looked up. */
    interface Annotations {
        Annotations NONE = of(List.of());

        <A extends Annotation> A find(Class<A> type);

        boolean nullable();

        static Annotations of(List<AnnotatedElement> sources) {
            return new Annotations() {
                @Override
                public <A extends Annotation> A find(Class<A> type) {
                    for (AnnotatedElement source : sources) {
                        A found = source == null ? null : source.getAnnotation(type);
                        if (found != null) {
                            return found;
                        }
                    }
                    return null;
                }

                @Override
                public boolean nullable() {
                    // Any @Nullable: Micronaut's, jakarta.annotation's, JSpecify's.
                    return sources.stream()
                            .filter(source -> source != null)
                            .flatMap(source -> Arrays.stream(source.getAnnotations()))
                            .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
                }
            };
        }
    }

    /** The named schemas referenced so far, for {@code components.schemas}. */
    Map<String, Object> components() {
        return components;
    }

    /** The schema of {@code type}, constraints included; records and beans as a {@code $ref}. */
    Map<String, Object> schema(TypeRef type) {
        Map<String, Object> schema = base(type);
        constrain(schema, type.annotations());
        return schema;
    }

    /** Whether a property or parameter of this type must be given. */
    static boolean required(TypeRef type) {
        if (isOptional(type.raw()) || type.annotations().nullable()) {
            return false;
        }
        Annotations a = type.annotations();
        return type.raw().isPrimitive()
                || a.find(NotNull.class) != null
                || a.find(NotBlank.class) != null
                || a.find(NotEmpty.class) != null;
    }

    static boolean isOptional(Class<?> raw) {
        return raw == Optional.class
                || raw == OptionalInt.class
                || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    /** A simple value: what may travel in a path segment, query string or header. */
    static boolean isScalar(Class<?> raw) {
        Map<String, Object> schema = scalar(raw);
        return schema != null;
    }

    private Map<String, Object> base(TypeRef type) {
        Class<?> raw = type.raw();
        Map<String, Object> scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw == Optional.class) {
            return base(type.arg(0));
        }
        if (raw == byte[].class) {
            return object("type", "string", "contentEncoding", "base64");
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            Map<String, Object> array = object("type", "array", "items", schema(type.arg(0)));
            if (Set.class.isAssignableFrom(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return object("type", "object", "additionalProperties", schema(type.arg(1)));
        }
        if (raw.isRecord()) {
            return ref(raw, () -> recordSchema(raw));
        }
        Optional<BeanIntrospection<Object>> introspection = introspection(raw);
        if (introspection.isPresent()) {
            return ref(raw, () -> beanSchema(raw, introspection.get()));
        }
        // Object, a wildcard, an interface: any JSON value.
        return new LinkedHashMap<>();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<BeanIntrospection<Object>> introspection(Class<?> raw) {
        if (raw == Object.class || raw.isInterface() || raw.getName().startsWith("java.")) {
            return Optional.empty();
        }
        return (Optional) BeanIntrospector.SHARED.findIntrospection(raw);
    }

    private static Map<String, Object> scalar(Class<?> raw) {
        if (raw == String.class || raw == CharSequence.class) {
            return object("type", "string");
        }
        if (raw == char.class || raw == Character.class) {
            return object("type", "string", "minLength", 1, "maxLength", 1);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return object("type", "boolean");
        }
        if (raw == int.class
                || raw == Integer.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class
                || raw == OptionalInt.class) {
            return object("type", "integer", "format", "int32");
        }
        if (raw == long.class || raw == Long.class || raw == OptionalLong.class) {
            return object("type", "integer", "format", "int64");
        }
        if (raw == BigInteger.class) {
            return object("type", "integer");
        }
        if (raw == float.class || raw == Float.class) {
            return object("type", "number", "format", "float");
        }
        if (raw == double.class || raw == Double.class || raw == OptionalDouble.class) {
            return object("type", "number", "format", "double");
        }
        if (raw == BigDecimal.class || raw == Number.class) {
            return object("type", "number");
        }
        if (raw.isEnum()) {
            return object(
                    "type",
                    "string",
                    "enum",
                    Arrays.stream(raw.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .toList());
        }
        if (raw == UUID.class) {
            return object("type", "string", "format", "uuid");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return object("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return object("type", "string", "format", "date");
        }
        if (raw == OffsetTime.class) {
            return object("type", "string", "format", "time");
        }
        if (raw == Duration.class || raw == Period.class) {
            return object("type", "string", "format", "duration");
        }
        if (raw == URI.class || raw == URL.class) {
            return object("type", "string", "format", "uri");
        }
        if (raw == LocalDateTime.class || raw == LocalTime.class || raw == ZoneId.class) {
            return object("type", "string");
        }
        return null;
    }

    /** A {@code $ref} to the component for {@code type}, building it the first time. */
    private Map<String, Object> ref(Class<?> type, java.util.function.Supplier<Map<String, Object>> build) {
        String name = names.get(type);
        if (name == null) {
            name = componentName(type);
            names.put(type, name);
            components.put(name, Map.of()); // placeholder: a record may refer to itself
            components.put(name, build.get());
        }
        return object("$ref", REF_PREFIX + name);
    }

    /** The simple name; qualified by the enclosing classes, then the package, when already taken. */
    private String componentName(Class<?> type) {
        String simple = type.getSimpleName();
        String nested = type.getName()
                .substring(
                        type.getPackageName().length() + (type.getPackageName().isEmpty() ? 0 : 1))
                .replace('$', '.');
        for (String candidate : List.of(simple, nested, type.getName().replace('$', '.'))) {
            if (!components.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("two schemas named " + type.getName());
    }

    private Map<String, Object> recordSchema(Class<?> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            AnnotatedElement field = field(type, component.getName());
            Annotations declared = Annotations.of(Arrays.asList(component.getAccessor(), field, component));
            if (declared.find(JsonIgnore.class) != null) {
                continue;
            }
            TypeRef ref = TypeRef.of(component.getAnnotatedType(), component.getAccessor(), field, component);
            String name = jsonName(component.getName(), declared.find(JsonProperty.class));
            properties.put(name, property(ref, declared.find(Schema.class)));
            if (required(ref)) {
                required.add(name);
            }
        }
        return objectSchema(type, properties, required);
    }

    private Map<String, Object> beanSchema(Class<?> type, BeanIntrospection<Object> introspection) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (BeanProperty<Object, Object> property : introspection.getBeanProperties()) {
            if (property.isWriteOnly() || property.hasAnnotation(JsonIgnore.class)) {
                continue;
            }
            TypeRef ref = TypeRef.of(property.asArgument());
            String name = jsonName(
                    property.getName(),
                    property.isAnnotationPresent(JsonProperty.class) ? property.synthesize(JsonProperty.class) : null);
            properties.put(
                    name,
                    property(
                            ref,
                            property.isAnnotationPresent(Schema.class) ? property.synthesize(Schema.class) : null));
            if (required(ref)) {
                required.add(name);
            }
        }
        return objectSchema(type, properties, required);
    }

    private Map<String, Object> property(TypeRef type, Schema documented) {
        Map<String, Object> schema = schema(type);
        // OpenAPI 3.1 writes "may be null" as a type union.
        if (type.annotations().nullable() && schema.get("type") instanceof String single) {
            schema.put("type", List.of(single, "null"));
        }
        if (documented != null) {
            if (!documented.description().isBlank()) {
                schema.put("description", documented.description());
            }
            if (!documented.example().isBlank()) {
                schema.put("examples", List.of(documented.example()));
            }
        }
        return schema;
    }

    private static Map<String, Object> objectSchema(
            Class<?> type, Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = object("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        Schema documented = type.getAnnotation(Schema.class);
        if (documented != null && !documented.description().isBlank()) {
            schema.put("description", documented.description());
        }
        return schema;
    }

    private static String jsonName(String name, JsonProperty renamed) {
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : name;
    }

    private static AnnotatedElement field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The constraints the server validates, as schema keywords for the schema's own type. */
    private static void constrain(Map<String, Object> schema, Annotations a) {
        Object type = schema.get("type");
        boolean string = "string".equals(type);
        boolean array = "array".equals(type);
        boolean object = "object".equals(type);
        boolean number = "integer".equals(type) || "number".equals(type);
        if (a.find(NotBlank.class) != null && string) {
            schema.put("minLength", 1);
            schema.put("pattern", "\\S"); // at least one character that is not white space
        }
        if (a.find(NotEmpty.class) != null) {
            putIf(string, schema, "minLength", 1);
            putIf(array, schema, "minItems", 1);
            putIf(object, schema, "minProperties", 1);
        }
        Size size = a.find(Size.class);
        if (size != null) {
            if (size.min() > 0) {
                putIf(string, schema, "minLength", size.min());
                putIf(array, schema, "minItems", size.min());
                putIf(object, schema, "minProperties", size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                putIf(string, schema, "maxLength", size.max());
                putIf(array, schema, "maxItems", size.max());
                putIf(object, schema, "maxProperties", size.max());
            }
        }
        Pattern pattern = a.find(Pattern.class);
        if (pattern != null && string) {
            // Bean Validation matches the whole value; a JSON Schema pattern matches anywhere.
            schema.put("pattern", "^(?:" + pattern.regexp() + ")$");
        }
        if (a.find(Email.class) != null && string) {
            schema.put("format", "email");
        }
        if (number) {
            Min min = a.find(Min.class);
            if (min != null) {
                schema.put("minimum", min.value());
            }
            Max max = a.find(Max.class);
            if (max != null) {
                schema.put("maximum", max.value());
            }
            DecimalMin decimalMin = a.find(DecimalMin.class);
            if (decimalMin != null) {
                schema.put(decimalMin.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(decimalMin.value()));
            }
            DecimalMax decimalMax = a.find(DecimalMax.class);
            if (decimalMax != null) {
                schema.put(decimalMax.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(decimalMax.value()));
            }
            if (a.find(Positive.class) != null) {
                schema.put("exclusiveMinimum", 0);
            }
            if (a.find(PositiveOrZero.class) != null) {
                schema.put("minimum", 0);
            }
            if (a.find(Negative.class) != null) {
                schema.put("exclusiveMaximum", 0);
            }
            if (a.find(NegativeOrZero.class) != null) {
                schema.put("maximum", 0);
            }
        }
    }

    private static void putIf(boolean condition, Map<String, Object> schema, String key, Object value) {
        if (condition) {
            schema.put(key, value);
        }
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return rawClass(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType array) {
            return Array.newInstance(rawClass(array.getGenericComponentType()), 0)
                    .getClass();
        }
        if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length > 0) {
            return rawClass(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable && variable.getBounds().length > 0) {
            return rawClass(variable.getBounds()[0]);
        }
        return Object.class;
    }

    /** A mutable, ordered map from alternating keys and values. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
