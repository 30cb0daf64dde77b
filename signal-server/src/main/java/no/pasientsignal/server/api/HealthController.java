package no.pasientsignal.server.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import no.pasientsignal.server.coap.DeviceEndpoint;

/**
 * {@code GET /health}: UP (200) when the server can take calls, DOWN (503) otherwise, with one
 * entry per component. Open to monitoring without a login; it names no resident.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    @Serdeable
    public record Component(String status, String detail) {}

    @Serdeable
    public record Health(String status, Map<String, Component> components) {}

    private final DeviceEndpoint endpoint;

    public HealthController(DeviceEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Get
    public HttpResponse<Health> health() {
        boolean listening = endpoint.isRunning();
        var device = listening
                ? new Component("UP", "udp port " + endpoint.address().getPort())
                : new Component("DOWN", "device endpoint not listening");
        var health = new Health(listening ? "UP" : "DOWN", Map.of("deviceEndpoint", device));
        return HttpResponse.status(listening ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(health);
    }
}
