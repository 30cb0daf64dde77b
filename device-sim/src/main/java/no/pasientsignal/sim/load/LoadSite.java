package no.pasientsignal.sim.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceWallet;
import no.pasientsignal.sim.EstEnrolment;
import no.pasientsignal.sim.ServerApi;
import no.pasientsignal.sim.ServerApi.HttpStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings the load run's site into being through the server's HTTP API, as an administrator and a
 * technician would: a site, wards, zones and one room per device with a bed location; a call
 * button registered at each bed; each button enrolled over EST-coaps (DTLS-PSK with its one-time
 * credential) into the wallet. What exists from an earlier run is reused: rooms by number, devices
 * that are active and have their certificate in the wallet.
 *
 * <p>Device {@code i} (from 1) is {@code <prefix>-<i>} in room {@code <prefix>-<i>}; wards hold
 * {@code zonesPerWard x roomsPerZone} rooms.
 */
final class LoadSite {

    /** How the site is laid out. */
    record Layout(String siteName, String prefix, int devices, int roomsPerZone, int zonesPerWard) {
        String deviceId(int i) {
            return String.format("%s-%05d", prefix, i + 1);
        }

        String roomNumber(int i) {
            return deviceId(i);
        }

        int wards() {
            return (devices + roomsPerWard() - 1) / roomsPerWard();
        }

        int roomsPerWard() {
            return roomsPerZone * zonesPerWard;
        }

        int ward(int i) {
            return i / roomsPerWard();
        }

        int zone(int i) {
            return (i / roomsPerZone) % zonesPerWard;
        }
    }

    /** What setup did, for the report. */
    record Summary(int devices, long roomsCreated, long registered, long enrolled, long reused, double seconds) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerApi admin;
    private final ServerApi technician;
    private final DeviceWallet wallet;
    private final InetSocketAddress coapServer;
    private final Layout layout;
    private final PrintWriter err;
    private final LongAdder roomsCreated = new LongAdder();
    private final LongAdder registered = new LongAdder();
    private final LongAdder enrolled = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder finished = new LongAdder();

    LoadSite(
            ServerApi admin,
            ServerApi technician,
            DeviceWallet wallet,
            InetSocketAddress coapServer,
            Layout layout,
            PrintWriter err) {
        this.admin = admin;
        this.technician = technician;
        this.wallet = wallet;
        this.coapServer = coapServer;
        this.layout = layout;
        this.err = err;
    }

    /**
     * Makes sure every device of the layout is registered, placed and enrolled; runs up to {@code
     * parallel} devices' setup at once.
     */
    Summary prepare(int parallel) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String siteId = findOrCreate("/api/sites", "/api/sites", layout.siteName(), "site");
        List<List<String>> zones = new ArrayList<>();
        for (int w = 0; w < layout.wards(); w++) {
            String wardId = findOrCreate(
                    "/api/sites/" + siteId + "/wards",
                    "/api/sites/" + siteId + "/wards",
                    String.format("Lastavdeling %03d", w + 1),
                    "ward");
            var wardZones = new ArrayList<String>();
            for (int z = 0; z < layout.zonesPerWard(); z++) {
                wardZones.add(findOrCreate(
                        "/api/wards/" + wardId + "/zones",
                        "/api/wards/" + wardId + "/zones",
                        "Sone " + (z + 1),
                        "zone"));
            }
            zones.add(wardZones);
        }
        Map<String, Map<String, String>> roomsByZone = new ConcurrentHashMap<>();
        for (List<String> wardZones : zones) {
            for (String zoneId : wardZones) {
                var rooms = new HashMap<String, String>();
                for (JsonNode room : admin.get("/api/zones/" + zoneId + "/rooms", "list the rooms of zone " + zoneId)) {
                    rooms.put(room.path("number").asString(), room.path("id").asString());
                }
                roomsByZone.put(zoneId, rooms);
            }
        }
        err.printf(
                "  site '%s': %d wards, %d zones; setting up %d devices, %d at a time%n",
                layout.siteName(), layout.wards(), layout.wards() * layout.zonesPerWard(), layout.devices(), parallel);
        err.flush();
        var permits = new Semaphore(parallel);
        var futures = new ArrayList<Future<?>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var progress = Thread.ofPlatform().daemon().start(() -> report(started));
            for (int i = 0; i < layout.devices(); i++) {
                int index = i;
                String zoneId = zones.get(layout.ward(i)).get(layout.zone(i));
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        prepareDevice(index, zoneId, roomsByZone.get(zoneId));
                        finished.increment();
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    Throwable cause = e.getCause();
                    throw new IOException("setting up the load site failed: " + cause.getMessage(), cause);
                }
            }
            progress.interrupt();
        }
        return new Summary(
                layout.devices(),
                roomsCreated.sum(),
                registered.sum(),
                enrolled.sum(),
                reused.sum(),
                (System.nanoTime() - started) / 1e9);
    }

    private void report(long started) {
        try {
            while (true) {
                Thread.sleep(5000);
                double s = (System.nanoTime() - started) / 1e9;
                err.printf(
                        "  setup: %d/%d devices ready after %.0f s (rooms created %d, registered %d, enrolled %d,"
                                + " reused %d)%n",
                        finished.sum(),
                        layout.devices(),
                        s,
                        roomsCreated.sum(),
                        registered.sum(),
                        enrolled.sum(),
                        reused.sum());
                err.flush();
            }
        } catch (InterruptedException e) {
            // setup finished
        }
    }

    private void prepareDevice(int i, String zoneId, Map<String, String> rooms) throws Exception {
        String deviceId = layout.deviceId(i);
        String roomId = rooms.get(layout.roomNumber(i));
        if (roomId == null) {
            roomId = createRoom(zoneId, i);
            try {
                enrol(deviceId, register(deviceId, bedOf(roomId)));
                return;
            } catch (HttpStatusException e) {
                if (e.status() != 409) {
                    throw e;
                }
                // The device exists already (elsewhere): treat it as below.
            }
        }
        Optional<JsonNode> device = technician.find("/api/devices/" + encode(deviceId), "look up device " + deviceId);
        if (device.isEmpty()) {
            enrol(deviceId, register(deviceId, bedOf(roomId)));
            return;
        }
        String state = device.get().path("state").asString();
        switch (state) {
            case "ACTIVE", "REGISTERED" -> {
                if (state.equals("ACTIVE") && wallet.has(deviceId)) {
                    reused.increment();
                } else {
                    enrol(deviceId, technician.issueCredential(deviceId));
                }
            }
            default ->
                throw new IOException("device " + deviceId + " is " + state
                        + " on the server and its id cannot be used again: choose other ids with --prefix");
        }
    }

    private String createRoom(String zoneId, int i) throws IOException {
        ObjectNode body =
                JSON.createObjectNode().put("number", layout.roomNumber(i)).put("name", "Lastrom " + (i + 1));
        ArrayNode locations = body.putArray("locations");
        locations.addObject().put("kind", "BED").put("label", "Seng");
        JsonNode room = admin.post("/api/zones/" + zoneId + "/rooms", body.toString(), "create room " + (i + 1));
        roomsCreated.increment();
        return room.path("id").asString();
    }

    private String bedOf(String roomId) throws IOException {
        for (JsonNode location : technician.get("/api/rooms/" + roomId + "/locations", "locations of room " + roomId)) {
            if ("BED".equals(location.path("kind").asString())) {
                return location.path("id").asString();
            }
        }
        throw new IOException("room " + roomId + " has no bed location to mount a call button at");
    }

    private EstEnrolment.Credential register(String deviceId, String locationId) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("deviceId", deviceId)
                .put("type", "CALL_BUTTON")
                .put("serial", "SN-" + deviceId)
                .put("locationId", locationId);
        JsonNode answer = technician.post("/api/devices", body.toString(), "register device " + deviceId);
        registered.increment();
        JsonNode enrolment = answer.path("enrolment");
        return new EstEnrolment.Credential(
                enrolment.path("identity").asString(), enrolment.path("secret").asString());
    }

    private void enrol(String deviceId, EstEnrolment.Credential credential)
            throws EstEnrolment.EnrolmentFailedException {
        wallet.store(EstEnrolment.enrol(deviceId, credential, coapServer, ClientTiming.CALL));
        enrolled.increment();
    }

    /** The id of the entity named {@code name} in the list at {@code listPath}; created when missing. */
    private String findOrCreate(String listPath, String createPath, String name, String what) throws IOException {
        for (JsonNode item : admin.get(listPath, "list " + what + "s")) {
            if (name.equals(item.path("name").asString())) {
                return item.path("id").asString();
            }
        }
        JsonNode created = admin.post(
                createPath, JSON.createObjectNode().put("name", name).toString(), "create " + what + " " + name);
        return created.path("id").asString();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
