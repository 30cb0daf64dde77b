package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches and reports of the audit trail are journaled before any result is given. */
class AuditTrailTest {

    @TempDir
    Path dir;

    @Test
    void a_report_request_is_journaled_as_a_search_with_who_what_and_the_parameters() {
        try (Journal journal = Journal.open(dir, Clock.systemUTC(), 1 << 20, 100)) {
            new AuditTrail(new AuditLog(journal))
                    .searched("kvalitet", "report.falls", "site-1", Map.of("by", "MONTH"), "the report was not run");
        }

        var records = new ArrayList<JournalRecord>();
        Journal.readDirectory(dir, 1, records::add);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AuditLog.SEARCH);
            assertThat(AuditLog.decode(r.payload()))
                    .isEqualTo(new AuditLog.Entry("kvalitet", "report.falls", "site-1", null, Map.of("by", "MONTH")));
        });
    }

    @Test
    void when_the_journal_cannot_record_it_the_report_is_refused_with_503() {
        Journal journal = Journal.open(dir, Clock.systemUTC(), 1 << 20, 100);
        journal.close();
        var audit = new AuditTrail(new AuditLog(journal));

        assertThatThrownBy(
                        () -> audit.searched("kvalitet", "report.falls", "site-1", Map.of(), "the report was not run"))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status().getCode()).isEqualTo(503))
                .hasMessageContaining("the report was not run because it could not be recorded in the audit journal");
    }
}
