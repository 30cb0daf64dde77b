package no.pasientsignal.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        var table = Table.of("key", "text")
                .row("a,b", "he said \"hi\"")
                .row("line\nbreak", "cr\rhere")
                .build();

        assertThat(table.csv())
                .isEqualTo("key,text\r\n" + "\"a,b\",\"he said \"\"hi\"\"\"\r\n" + "\"line\nbreak\",\"cr\rhere\"\r\n");
    }

    @Test
    void numbers_use_a_decimal_point_without_exponent_and_missing_values_are_empty() {
        var table = Table.of("a", "b", "c", "d", "e")
                .row(1234.5, 2.0, 0.00001, null, 7L)
                .build();

        assertThat(table.csv()).isEqualTo("a,b,c,d,e\r\n1234.5,2,0.00001,,7\r\n");
    }

    @Test
    void text_is_utf_8_without_a_byte_order_mark() {
        var table = Table.of("avdeling").row("Avdeling 2 Øst").build();

        assertThat(table.csvBytes()).startsWith("avdeling".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(table.csvBytes(), StandardCharsets.UTF_8)).isEqualTo("avdeling\r\nAvdeling 2 Øst\r\n");
        assertThat(table.csvBytes()).hasSize("avdeling\r\nAvdeling 2 Øst\r\n".length() + 1); // Ø is 2 bytes
    }

    @Test
    void a_row_must_fill_the_header() {
        assertThatThrownBy(() -> Table.of("a", "b").row(1)).hasMessageContaining("1 fields for 2 columns");
    }
}
