package no.pasientsignal.server.coap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * The device endpoint's settings ({@code signal.coap.*}).
 *
 * @param bindAddress address to listen on
 * @param port UDP port; 0 picks a free one (tests)
 * @param maxConnections DTLS sessions kept; sized for the devices of a large site
 * @param connectionIdLength bytes of DTLS Connection ID, so a device keeps its session when its
 *     address changes (NAT rebinding, Wi-Fi roaming)
 * @param serverNames DNS names put in a generated server certificate
 * @param serverAddresses IP addresses put in a generated server certificate
 */
@ConfigurationProperties("signal.coap")
public record CoapSettings(
        @Bindable(defaultValue = "0.0.0.0") @NotBlank String bindAddress,
        @Bindable(defaultValue = "5684") @Min(0) @Max(65535) int port,
        @Bindable(defaultValue = "20000") @Min(1) int maxConnections,
        @Bindable(defaultValue = "6") @Min(1) @Max(16) int connectionIdLength,
        @Bindable(defaultValue = "localhost") @NotEmpty List<String> serverNames,
        @Bindable(defaultValue = "127.0.0.1") @NotEmpty List<String> serverAddresses) {}
