package no.pasientsignal.server.persistence;

import java.util.Objects;

/** A ward (avdeling) of a site. */
public record WardRecord(String id, String siteId, String name) {
    public WardRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
    }
}
