package no.pasientsignal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

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
        var controller = new AuditSearchController(new AuditSearch(index), index, new AuditLog(journal));
        var lead = Authentication.build("kvalitet", List.of("QUALITY_LEAD"));

        var search = controller.search(
                "fall", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                lead);
        var export = controller.export(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, lead);

        assertThat(search.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        Object searchBody = search.body();
        Object exportBody = export.body();
        assertThat(searchBody).isInstanceOf(ApiError.class);
        assertThat(((ApiError) searchBody).message()).contains("audit journal");
        assertThat(export.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(exportBody).isInstanceOf(ApiError.class);
    }
}
