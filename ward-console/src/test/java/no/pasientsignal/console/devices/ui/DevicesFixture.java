package no.pasientsignal.console.devices.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.ApiClient;
import no.pasientsignal.console.client.Query;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.testsupport.RealSignalServer;
import tools.jackson.databind.JsonNode;

/**
 * Test data of its own on the shared real server, made through the HTTP API as the demo administrator and technician:
 * a fresh room in the demo ward (so tests do not meet other tests' rooms 201-208), residents with care needs, devices.
 */
final class DevicesFixture {

    /** A fresh room and the id of its bed location. */
    record NewRoom(String id, String number, String name, String bedLocationId) {}

    private final ApiClient api;
    private final AccessToken admin;
    private final AccessToken technician;

    DevicesFixture() {
        SignalServerClient client =
                new SignalServerClient(RealSignalServer.shared().uri());
        api = client.api();
        admin = client.login("admin", "demo-admin").token();
        technician = client.login("tekniker", "demo-tekniker").token();
    }

    /** A room "Rom T-xxxxxx" with a bed and a bathroom in the demo ward's first zone. */
    NewRoom newRoom() {
        String site =
                api.getTree("/api/sites", Query.none(), admin).get(0).get("id").asString();
        String ward = api.getTree("/api/sites/" + site + "/wards", Query.none(), admin)
                .get(0)
                .get("id")
                .asString();
        String zone = api.getTree("/api/wards/" + ward + "/zones", Query.none(), admin)
                .get(0)
                .get("id")
                .asString();
        String number = "T-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode room = api.post(
                "/api/zones/" + zone + "/rooms",
                admin,
                Map.of(
                        "number",
                        number,
                        "name",
                        "Rom " + number,
                        "locations",
                        List.of(Map.of("kind", "BED", "label", "Seng"), Map.of("kind", "BATHROOM", "label", "Bad"))),
                JsonNode.class);
        String roomId = room.get("id").asString();
        String bed = null;
        for (JsonNode location : api.getTree("/api/rooms/" + roomId + "/locations", Query.none(), admin)) {
            if (location.get("kind").asString().equals("BED")) {
                bed = location.get("id").asString();
            }
        }
        return new NewRoom(roomId, number, "Rom " + number, bed);
    }

    /** A resident living in {@code room} who needs a device of {@code deviceType} at the bed; returns the pseudonym. */
    String newResident(NewRoom room, String deviceType) {
        JsonNode resident = api.post(
                "/api/residents",
                admin,
                Map.of(
                        "displayName",
                        "Testbeboer " + room.number(),
                        "roomId",
                        room.id(),
                        "needs",
                        List.of(Map.of("deviceType", deviceType, "locationKind", "BED"))),
                JsonNode.class);
        return resident.get("id").asString();
    }

    /** Registers a device at the room's bed, as the technician. */
    void registerAtBed(String deviceId, String type, NewRoom room) {
        api.post(
                "/api/devices",
                technician,
                Map.of(
                        "deviceId",
                        deviceId,
                        "type",
                        type,
                        "serial",
                        "SN-" + deviceId,
                        "locationId",
                        room.bedLocationId()),
                JsonNode.class);
    }

    /** The device's life-cycle state as the server has it. */
    String stateOf(String deviceId) {
        return api.getTree("/api/devices/" + deviceId, Query.none(), technician)
                .get("state")
                .asString();
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
