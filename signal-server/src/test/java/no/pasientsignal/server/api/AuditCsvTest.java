package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
        assertThat(AuditCsv.cell("Rom 2, øst")).isEqualTo("\"Rom 2, øst\"");
        assertThat(AuditCsv.cell("say \"hei\"")).isEqualTo("\"say \"\"hei\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell(42L)).isEqualTo("42");
        assertThat(AuditCsv.cell(Instant.parse("2026-03-01T10:00:00Z"))).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(AuditCsv.cell(-5L)).as("numbers are numbers").isEqualTo("-5");
    }

    @Test
    void a_row_has_a_cell_for_every_column_and_ends_with_crlf() {
        var entry = new AuditDtos.HitDto(
                "entry",
                "7",
                7,
                Instant.parse("2026-03-01T10:00:00Z"),
                "site-1",
                null,
                null,
                "201",
                null,
                null,
                "search",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("a", "b"),
                null,
                null,
                null,
                null,
                "kvalitet",
                "audit.search",
                null,
                Map.of("q", "fall, night"));

        String row = AuditCsv.row(entry);

        assertThat(row).endsWith("\r\n").contains(",a;b,").contains(",\"q=fall, night\"");
        assertThat(AuditCsv.header().split(",")).hasSize(AuditCsv.COLUMNS.size());
        assertThat(AuditCsv.header()).isEqualTo(String.join(",", AuditCsv.COLUMNS) + "\r\n");
    }
}
