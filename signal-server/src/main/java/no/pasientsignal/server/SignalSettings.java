package no.pasientsignal.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Server-wide settings ({@code signal.*}).
 *
 * @param dataDir where the site PKI and (later) the journal and indexes live; created on first run
 * @param siteName the site's name, used in the generated site CA
 * @param demo seed the demo ward and demo staff logins; never on in production
 * @param rememberedEventIds how many recent device event ids are kept to absorb retransmissions
 * @param sessionLifetime how long a staff login lasts (one shift plus hand-over by default)
 */
@ConfigurationProperties("signal")
public record SignalSettings(
        @Bindable(defaultValue = "data/server") @NotBlank String dataDir,
        @Bindable(defaultValue = "Demo sykehjem") @NotBlank String siteName,
        @Bindable(defaultValue = "false") boolean demo,
        @Bindable(defaultValue = "100000") @Min(1000) int rememberedEventIds,
        @Bindable(defaultValue = "12h") @NotNull Duration sessionLifetime) {}
