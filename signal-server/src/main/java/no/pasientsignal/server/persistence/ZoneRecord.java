package no.pasientsignal.server.persistence;

import java.util.Objects;

/** A part of a ward that staff are assigned to (a corridor, a wing). */
public record ZoneRecord(String id, String wardId, String name) {
    public ZoneRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(name, "name");
    }
}
