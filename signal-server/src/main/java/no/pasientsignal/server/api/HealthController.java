package no.pasientsignal.server.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.Map;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.provisioning.JournalWatch;

/**
 * {@code GET /health}, one entry per component, open to monitoring without a login; it names no
 * resident.
 *
 * <ul>
 *   <li>{@code UP} (200): devices can reach the server and every event is journaled.
 *   <li>{@code DEGRADED} (503): the journal cannot write (disk full or failing). Calls are still
 *       routed to staff, but devices are answered "retry" and nothing is recorded, so a monitor
 *       that only looks at the status code must page someone. Do not restart the server on it: a
 *       restart does not free the disk and drops the records waiting in memory.
 *   <li>{@code DOWN} (503): the device endpoint is not listening; calls do not arrive.
 * </ul>
 *
 * The {@code journal} component is {@code DOWN} with the reason while writes fail, else {@code UP}
 * with the last durable sequence (and a warning when its disk is low on space).
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    private static final long MIB = 1024 * 1024;

    @Serdeable
    public record Component(String status, String detail) {}

    @Serdeable
    public record Health(String status, Map<String, Component> components) {}

    private final DeviceEndpoint endpoint;
    private final JournalWatch journal;

    public HealthController(DeviceEndpoint endpoint, JournalWatch journal) {
        this.endpoint = endpoint;
        this.journal = journal;
    }

    @Get
    public HttpResponse<Health> health() {
        boolean listening = endpoint.isRunning();
        var components = new LinkedHashMap<String, Component>();
        components.put(
                "deviceEndpoint",
                listening
                        ? new Component("UP", "udp port " + endpoint.address().getPort())
                        : new Component("DOWN", "device endpoint not listening"));
        JournalWatch.Status watched = journal.status();
        components.put("journal", journal(watched));
        String status = !listening ? "DOWN" : watched.journal().failing() ? "DEGRADED" : "UP";
        return HttpResponse.status(status.equals("UP") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health(status, components));
    }

    private static Component journal(JournalWatch.Status watched) {
        Journal.Status now = watched.journal();
        if (now.failing()) {
            return new Component(
                    "DOWN",
                    "writes failing since " + now.failingSince() + ": " + now.failure() + "; " + now.unwritten()
                            + " record(s) waiting in memory" + (now.lost() > 0 ? ", " + now.lost() + " lost" : "")
                            + "; calls are still routed");
        }
        String space = watched.spaceLow()
                ? "; only " + watched.usableBytes() / MIB + " MiB free (minimum " + watched.minimumFreeBytes() / MIB
                        + " MiB)"
                : "";
        return new Component("UP", "last sequence " + now.lastSequence() + space);
    }
}
