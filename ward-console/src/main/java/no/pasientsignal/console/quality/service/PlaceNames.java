package no.pasientsignal.console.quality.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.PlaceNamesClient;

/**
 * The names of the places the audit trail and the reports name by id: sites, wards, zones and rooms. Read once when a
 * quality view opens (a handful of requests per ward). An id it does not know (a room since removed) is shown as the
 * id itself.
 */
public final class PlaceNames {

    /** A place to choose in a filter: its id (what the server filters on) and the name to show. */
    public record Place(String id, String label) {}

    private final Map<String, Map<String, String>> byLevel;

    private PlaceNames(Map<String, Map<String, String>> byLevel) {
        this.byLevel = byLevel;
    }

    /** No names at all: every id is shown as itself. */
    public static PlaceNames none() {
        return new PlaceNames(Map.of());
    }

    public static PlaceNames load(PlaceNamesClient client, AccessToken token) {
        var sites = new LinkedHashMap<String, String>();
        var wards = new LinkedHashMap<String, String>();
        var zones = new LinkedHashMap<String, String>();
        var rooms = new LinkedHashMap<String, String>();
        for (var site : client.sites(token)) {
            sites.put(site.id(), site.name());
            for (var ward : client.wards(site.id(), token)) {
                wards.put(ward.id(), ward.name());
                for (var zone : client.zones(ward.id(), token)) {
                    zones.put(zone.id(), ward.name() + " – " + zone.name());
                    for (var room : client.rooms(zone.id(), token)) {
                        rooms.put(room.id(), room.number() + " (" + ward.name() + ")");
                    }
                }
            }
        }
        return new PlaceNames(Map.of("site", sites, "ward", wards, "zone", zones, "room", rooms));
    }

    /** The name of {@code id} at {@code level} (site, ward, zone, room), or the id when unknown. */
    public String label(String level, String id) {
        if (id == null) {
            return "";
        }
        String name = byLevel.getOrDefault(level, Map.of()).get(id);
        return name == null ? id : name;
    }

    /** The places of a level, in the order the server listed them. */
    public List<Place> places(String level) {
        var places = new ArrayList<Place>();
        byLevel.getOrDefault(level, Map.of()).forEach((id, name) -> places.add(new Place(id, name)));
        return places;
    }
}
