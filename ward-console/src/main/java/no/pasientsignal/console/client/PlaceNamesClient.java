package no.pasientsignal.console.client;

import java.util.List;
import java.util.Objects;

/**
 * The names of sites, wards, zones and rooms, read with any staff login: the audit trail and the reports name places
 * by id, and a quality lead reads names.
 */
public final class PlaceNamesClient {

    private final ApiClient api;

    public PlaceNamesClient(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public record NamedSite(String id, String name) {}

    public record NamedWard(String id, String siteId, String name) {}

    public record NamedZone(String id, String wardId, String name) {}

    public record NamedRoom(String id, String zoneId, String number, String name) {}

    public List<NamedSite> sites(AccessToken token) {
        return api.getList("/api/sites", Query.none(), token, NamedSite.class);
    }

    public List<NamedWard> wards(String siteId, AccessToken token) {
        return api.getList("/api/sites/" + siteId + "/wards", Query.none(), token, NamedWard.class);
    }

    public List<NamedZone> zones(String wardId, AccessToken token) {
        return api.getList("/api/wards/" + wardId + "/zones", Query.none(), token, NamedZone.class);
    }

    public List<NamedRoom> rooms(String zoneId, AccessToken token) {
        return api.getList("/api/zones/" + zoneId + "/rooms", Query.none(), token, NamedRoom.class);
    }
}
