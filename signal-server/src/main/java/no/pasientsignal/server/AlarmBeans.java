package no.pasientsignal.server;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import no.pasientsignal.server.alarm.AlarmCheckpoint;
import no.pasientsignal.server.alarm.AlarmService;
import no.pasientsignal.server.alarm.CarePlanBook;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.JournalWatch;
import no.pasientsignal.server.routing.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the journal and the alarm desks, and brings back open alarms after a restart. */
@Factory
class AlarmBeans {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmBeans.class);

    /** 64 MiB segments: big enough to be few, small enough to copy and verify one at a time. */
    static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    static final int JOURNAL_QUEUE = 65_536;

    @Singleton
    @Bean(preDestroy = "close")
    Journal journal(SignalSettings settings, JournalSettings journalSettings, Clock clock) {
        Journal journal = Journal.open(
                journalDirectory(settings), clock, SEGMENT_BYTES, JOURNAL_QUEUE, journalSettings.retainBytes());
        var recovery = journal.recovery();
        if (recovery.cutBytes() > 0) {
            LOG.warn("Journal: cut a torn last record ({} bytes: {})", recovery.cutBytes(), recovery.cutReason());
        }
        return journal;
    }

    static Path journalDirectory(SignalSettings settings) {
        return Path.of(settings.dataDir(), "journal");
    }

    @Singleton
    AuditLog auditLog(Journal journal) {
        return new AuditLog(journal);
    }

    /** The journal's failures and low disk space, as technical alerts and for /health. */
    @Singleton
    JournalWatch journalWatch(Journal journal, DeviceHealth health, JournalSettings settings) {
        return new JournalWatch(journal, health, settings.minFreeBytes());
    }

    static Path checkpointFile(SignalSettings settings) {
        return Path.of(settings.dataDir(), "alarms", "checkpoint.json");
    }

    /**
     * The desks, with the open alarms of before a restart back in place before the first device
     * event is taken: the checkpoint, then every journal record written after it.
     */
    @Context
    @Bean(preDestroy = "close")
    AlarmService alarmService(
            Clock clock,
            SignalSettings settings,
            AlarmProperties properties,
            RoutingTables routing,
            CarePlanBook plans,
            Journal journal) {
        var service = new AlarmService(
                clock,
                properties.settings(settings.rememberedEventIds()),
                routing::dispatcher,
                site -> routing.forSite(site).zone(),
                plans,
                journal);
        Path file = checkpointFile(settings);
        AlarmCheckpoint restored =
                AlarmCheckpoint.readFrom(file).orElseGet(AlarmCheckpoint::empty).replay(journal);
        service.restore(restored.sites()).join();
        return service;
    }
}
