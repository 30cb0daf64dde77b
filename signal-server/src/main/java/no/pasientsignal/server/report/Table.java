package no.pasientsignal.server.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A report as rows, for CSV: RFC 4180 (comma separated, CRLF line ends, a header row, a field
 * quoted when it holds a comma, quote or line break, quotes doubled), UTF-8 without a byte-order
 * mark. Numbers are written with a decimal point and no thousands separator ({@code 1234.5}),
 * whatever the locale; a missing value is an empty field.
 */
public record Table(List<String> header, List<List<Object>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream()
                .map(r -> Collections.unmodifiableList(new ArrayList<>(r)))
                .toList();
    }

    public static Builder of(String... header) {
        return new Builder(List.of(header));
    }

    public String csv() {
        var out = new StringBuilder();
        line(out, new ArrayList<>(header));
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    public byte[] csvBytes() {
        return csv().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        String text = switch (value) {
            case null -> "";
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Collects rows of the header's width. */
    public static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        public Builder row(Object... values) {
            if (values.length != header.size()) {
                throw new IllegalArgumentException(
                        "row of " + values.length + " fields for " + header.size() + " columns");
            }
            rows.add(Arrays.asList(values));
            return this;
        }

        public Table build() {
            return new Table(header, rows);
        }
    }
}
