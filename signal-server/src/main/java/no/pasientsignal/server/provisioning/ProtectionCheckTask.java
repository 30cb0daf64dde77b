package no.pasientsignal.server.provisioning;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Re-evaluates residents with an active protection alert every {@code signal.health.check-every},
 * for recoveries no technical alert reports (a replacement device registered at the location).
 */
@Singleton
class ProtectionCheckTask {

    private final ProtectionMonitor monitor;

    ProtectionCheckTask(ProtectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Scheduled(fixedDelay = "${signal.health.check-every:5s}", initialDelay = "${signal.health.check-every:5s}")
    void reevaluate() {
        monitor.reevaluate();
    }
}
