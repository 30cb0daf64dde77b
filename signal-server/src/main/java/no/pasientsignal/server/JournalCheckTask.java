package no.pasientsignal.server;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import no.pasientsignal.server.provisioning.JournalWatch;

/**
 * Runs {@link JournalWatch#check()} every {@code signal.journal.check-every} (1 s by default), so a
 * failing journal is a technical alert within about a second, and cleared as soon after it
 * recovers. Micronaut's scheduler owns the thread and stops it with the application.
 */
@Singleton
class JournalCheckTask {

    private final JournalWatch watch;

    JournalCheckTask(JournalWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelay = "${signal.journal.check-every:1s}", initialDelay = "${signal.journal.check-every:1s}")
    void check() {
        watch.check();
    }
}
