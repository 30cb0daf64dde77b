package no.pasientsignal.server.persistence;

import java.util.Objects;

/** A care institution (one server installation may later serve several). */
public record SiteRecord(String id, String name) {
    public SiteRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
