package no.pasientsignal.server;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.report.AlarmHistories;
import no.pasientsignal.server.search.AuditIndex;
import no.pasientsignal.server.search.AuditSearch;
import no.pasientsignal.server.search.IndexedHistories;

/** Wires the audit search index, which follows the journal from startup, and what reads it. */
@Factory
class SearchBeans {

    /** Started with the server (not on first use), so it follows the journal from the first record. */
    @Context
    @Bean(preDestroy = "close")
    AuditIndex auditIndex(SignalSettings settings, Journal journal, Clock clock) {
        return AuditIndex.open(Path.of(settings.dataDir(), "index"), journal, AuditIndex.Settings.defaults(), clock);
    }

    @Singleton
    AlarmHistories alarmHistories(AuditIndex index) {
        return new IndexedHistories(index);
    }

    @Singleton
    AuditSearch auditSearch(AuditIndex index) {
        return new AuditSearch(index);
    }
}
