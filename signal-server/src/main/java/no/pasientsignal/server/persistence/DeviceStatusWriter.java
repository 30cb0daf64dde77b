package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what devices report to the database behind their backs: every {@code
 * signal.health.persist-every} (30 s by default) and at shutdown, never on a device's request
 * path. At startup it hands the stored statuses to {@link DeviceHealth}, so the API shows a
 * device's last known state after a restart (silence still counts from the restart).
 */
@Context
class DeviceStatusWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStatusWriter.class);

    private final DeviceHealth health;
    private final JdbcDeviceStatusStore store;
    /** Drained from the tracker but not yet stored (the last write failed). */
    private final Map<String, DeviceStatus> pending = new LinkedHashMap<>();

    DeviceStatusWriter(DeviceHealth health, JdbcDeviceStatusStore store) {
        this.health = health;
        this.store = store;
        List<DeviceStatus> stored = store.stored();
        health.restorePersisted(stored);
        LOG.info("Restored the last known status of {} device(s)", stored.size());
    }

    @Scheduled(fixedDelay = "${signal.health.persist-every:30s}", initialDelay = "${signal.health.persist-every:30s}")
    synchronized void flush() {
        for (DeviceStatus status : health.drainChangedStatuses()) {
            pending.put(status.deviceId(), status);
        }
        if (pending.isEmpty()) {
            return;
        }
        try {
            int written = store.record(List.copyOf(pending.values()));
            LOG.debug("Stored the status of {} device(s)", written);
            pending.clear();
        } catch (PersistenceException e) {
            // Kept and retried with newer reports merged in; device traffic is not affected.
            LOG.warn("Could not store the status of {} device(s): {}", pending.size(), e.getMessage());
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }
}
