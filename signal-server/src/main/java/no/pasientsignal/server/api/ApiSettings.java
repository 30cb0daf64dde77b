package no.pasientsignal.server.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * HTTP API settings ({@code signal.api.*}).
 *
 * @param keepAlive how often an idle event stream sends a ping; also how soon a stream notices that
 *     its session was revoked or expired and ends
 */
@ConfigurationProperties("signal.api")
public record ApiSettings(
        @Bindable(defaultValue = "15s") @NotNull Duration keepAlive) {}
