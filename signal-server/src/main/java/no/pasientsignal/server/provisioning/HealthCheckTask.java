package no.pasientsignal.server.provisioning;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs {@link DeviceHealth#check()} every {@code signal.health.check-every} (5 s by default), so a
 * silent device is reported at most that long after its silence bound (60 s by default, so 65 s
 * at worst). Micronaut's scheduler owns the thread and stops it with the application.
 */
@Singleton
class HealthCheckTask {

    private final DeviceHealth health;

    HealthCheckTask(DeviceHealth health) {
        this.health = health;
    }

    @Scheduled(fixedDelay = "${signal.health.check-every:5s}", initialDelay = "${signal.health.check-every:5s}")
    void check() {
        health.check();
    }
}
