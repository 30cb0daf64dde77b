package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.search.AuditIndex;
import no.pasientsignal.server.search.AuditSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search that cannot be journaled is not answered. */
class AuditSearchControllerTest {

    @TempDir
    Path data;

    private Journal journal;
    private AuditIndex index;

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void when_the_journal_cannot_record_the_search_the_answer_is_503_without_results() {
        journal = Journal.open(data.resolve("journal"), Clock.systemUTC(), 1 << 20, 100);
        index = AuditIndex.open(data.resolve("index"), journal, AuditIndex.Settings.defaults(), Clock.systemUTC());
        journal.close(); // every append now fails, as on a failed disk
        var controller =
                new AuditSearchController(new AuditSearch(index), index, new AuditTrail(new AuditLog(journal)));
        var lead = Authentication.build("kvalitet", List.of("QUALITY_LEAD"));

        assertThatThrownBy(() -> controller.search(
                        "fall", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, lead))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status().getCode()).isEqualTo(503))
                .hasMessageContaining(
                        "the search gave no results because it could not be recorded in the audit journal");
        var export = controller.export(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, lead);

        Object exportBody = export.body();
        assertThat(export.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(exportBody).isInstanceOf(ApiError.class);
    }
}
