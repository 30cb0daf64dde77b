package no.pasientsignal.server.provisioning;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.pasientsignal.server.facility.FacilityDirectory;

/** Wires device health into the application context. */
@Factory
class ProvisioningBeans {

    /** One thread, so every listener sees technical alerts in the order they were recorded. */
    @Singleton
    @Named("health-fanout")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService healthFanout() {
        return Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("health-fanout").daemon(true).factory());
    }

    /**
     * Created with the context (not on first use) so silence counts from server start. Call events
     * count as signs of life: the tracker follows the call board.
     */
    @Context
    DeviceHealth deviceHealth(
            Clock clock,
            HealthSettings settings,
            FacilityDirectory facility,
            @Named("health-fanout") ExecutorService fanout) {
        return new DeviceHealth(clock, settings, facility, fanout);
    }
}
