package no.pasientsignal.server;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.server.alarm.AlarmService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the alarm desks' timers (escalation, returns, timed care-plan rules) and writes the
 * checkpoint now and then and at shutdown. Kept out of {@link AlarmService} so tests drive time by
 * hand with {@link AlarmService#tick()} and a moved clock.
 */
@Context
final class AlarmTimers {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmTimers.class);

    private final AlarmService alarms;
    private final Path checkpointFile;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alarm-timers").daemon(true).factory());

    AlarmTimers(AlarmService alarms, AlarmProperties properties, SignalSettings settings) {
        this.alarms = alarms;
        this.checkpointFile = AlarmBeans.checkpointFile(settings);
        long tick = properties.tickInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        long every = properties.checkpointInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            alarms.tick().join();
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one retries.
            LOG.error("Alarm timers failed", e);
        }
    }

    private void checkpoint() {
        try {
            alarms.checkpoint().join().writeTo(checkpointFile);
        } catch (RuntimeException e) {
            LOG.error("Alarm checkpoint failed; the journal is replayed further at the next start", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
    }
}
