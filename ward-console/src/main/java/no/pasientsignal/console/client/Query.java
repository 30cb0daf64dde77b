package no.pasientsignal.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable query string: {@code Query.none().and("room", "203").and("page", 2)}. Parameters whose value is
 * {@code null} or blank are left out, so optional filters can be passed straight through. Names and values are
 * percent-encoded.
 */
public final class Query {

    private static final Query NONE = new Query(List.of());

    private final List<Map.Entry<String, String>> parameters;

    private Query(List<Map.Entry<String, String>> parameters) {
        this.parameters = parameters;
    }

    public static Query none() {
        return NONE;
    }

    /** This query and {@code name=value}; unchanged when the value is {@code null} or blank. */
    public Query and(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        List<Map.Entry<String, String>> next = new ArrayList<>(parameters);
        next.add(Map.entry(name, value.toString()));
        return new Query(List.copyOf(next));
    }

    /** This query and {@code name=v} for each value (repeated parameters). */
    public Query andEach(String name, Iterable<?> values) {
        Query query = this;
        for (Object value : values) {
            query = query.and(name, value);
        }
        return query;
    }

    /** {@code ?a=1&b=2}, or the empty string when there are no parameters. */
    public String toQueryString() {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("?");
        for (Map.Entry<String, String> p : parameters) {
            if (s.length() > 1) {
                s.append('&');
            }
            s.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return toQueryString();
    }
}
