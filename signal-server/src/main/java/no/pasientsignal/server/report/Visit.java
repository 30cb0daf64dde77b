package no.pasientsignal.server.report;

import java.time.Instant;
import java.util.Objects;

/** Staff presence marked in a room: a physical visit, as the audit trail records it. */
public record Visit(String siteId, String roomId, String by, Instant at) {
    public Visit {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(at, "at");
    }
}
