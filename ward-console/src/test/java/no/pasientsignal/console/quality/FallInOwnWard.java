package no.pasientsignal.console.quality;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import no.pasientsignal.console.testsupport.RealSignalServer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real fall in the real signal server, in a ward of the quality tests' own (so other tests' alarms do not change
 * its counts): the administrator adds the ward, a zone and a room through the API, a resident in the room whose care
 * plan watches for falls (with consent), and registers a fall sensor there; device-sim enrols the sensor over DTLS
 * and sends a fall, which the server raises as a FALL alarm; the administrator accepts it, marks presence in the room
 * and resolves it. Made once per test JVM; every quality IT uses the same.
 */
public final class FallInOwnWard {

    public static final String WARD_NAME = "Kvalitetsavdelingen";
    public static final String ROOM_NUMBER = "Q1";
    /** One token, so full text finds it alone (a hyphen would split it into "fall" and more). */
    public static final String DEVICE_ID = "kvalfall7";

    private static FallInOwnWard made;

    public final String siteId;
    public final String wardId;
    public final String zoneId;
    public final String roomId;
    public final String residentId;
    public final Instant fellAt;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FallInOwnWard(String siteId, String wardId, String zoneId, String roomId, String residentId, Instant at) {
        this.siteId = siteId;
        this.wardId = wardId;
        this.zoneId = zoneId;
        this.roomId = roomId;
        this.residentId = residentId;
        this.fellAt = at;
    }

    /** The fall, made on first use and found in the audit search before this returns. */
    public static synchronized FallInOwnWard get() {
        if (made == null) {
            try {
                made = make(RealSignalServer.shared());
            } catch (IOException e) {
                throw new IllegalStateException("Could not set up the fall", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    private static FallInOwnWard make(RealSignalServer server) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            var api = new Api(http, server.uri());
            String admin = api.login("admin");
            String siteId =
                    api.call("GET", "/api/sites", admin, null).get(0).get("id").asString();
            String wardId = api.call("POST", "/api/sites/" + siteId + "/wards", admin, Map.of("name", WARD_NAME))
                    .get("id")
                    .asString();
            String zoneId = api.call("POST", "/api/wards/" + wardId + "/zones", admin, Map.of("name", "Sone Q"))
                    .get("id")
                    .asString();
            String roomId = api.call(
                            "POST",
                            "/api/zones/" + zoneId + "/rooms",
                            admin,
                            Map.of(
                                    "number",
                                    ROOM_NUMBER,
                                    "name",
                                    "Rom " + ROOM_NUMBER,
                                    "locations",
                                    List.of(Map.of("kind", "BED", "label", "Seng"))))
                    .get("id")
                    .asString();
            String bed = api.call("GET", "/api/rooms/" + roomId + "/locations", admin, null)
                    .get(0)
                    .get("id")
                    .asString();
            String residentId = api.call(
                            "POST",
                            "/api/residents",
                            admin,
                            Map.of(
                                    "displayName",
                                    "Test Fallesen",
                                    "roomId",
                                    roomId,
                                    "needs",
                                    List.of(Map.of("deviceType", "FALL_SENSOR", "locationKind", "BED"))))
                    .get("id")
                    .asString();
            api.call(
                    "PUT",
                    "/api/residents/" + residentId + "/care-plan",
                    admin,
                    Map.of(
                            "rules",
                            List.of(Map.of("kind", "FALL")),
                            "bases",
                            List.of(Map.of(
                                    "kind",
                                    "CONSENT",
                                    "recordedBy",
                                    "sykepleier",
                                    "validFrom",
                                    Instant.now()
                                            .minus(1, ChronoUnit.HOURS)
                                            .truncatedTo(ChronoUnit.SECONDS)
                                            .toString()))));
            api.call(
                    "POST",
                    "/api/devices",
                    admin,
                    Map.of(
                            "deviceId",
                            DEVICE_ID,
                            "type",
                            "FALL_SENSOR",
                            "serial",
                            "SN-" + DEVICE_ID,
                            "locationId",
                            bed));
            check(
                    server.sim(
                            "enrol",
                            ROOM_NUMBER,
                            "--device",
                            DEVICE_ID,
                            "--api",
                            server.uri().toString()),
                    "enrol");
            Instant at = Instant.now();
            check(server.sim("send", ROOM_NUMBER, "--device", DEVICE_ID, "--event", "fall"), "send fall");
            String quality = api.login("kvalitet");
            Awaitility.await("the fall in the audit index")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .pollInSameThread()
                    .until(() -> api.call("GET", "/api/audit/search?kind=alarm&type=FALL&ward=" + wardId, quality, null)
                                    .get("total")
                                    .asLong()
                            == 1);
            // Handled as a nurse would, so the response-time report has each step of it: accepted, someone present
            // in the room, resolved (a real fall: not "not actionable").
            String alarmId = api.call("GET", "/api/audit/search?kind=alarm&type=FALL&ward=" + wardId, quality, null)
                    .get("hits")
                    .get(0)
                    .get("id")
                    .asString();
            api.call("POST", "/api/alarms/" + alarmId + "/accept", admin, null);
            api.call("POST", "/api/rooms/" + roomId + "/presence", admin, Map.of("present", true));
            api.call("POST", "/api/alarms/" + alarmId + "/resolve", admin, Map.of("notActionable", false));
            Awaitility.await("the fall resolved in the audit index")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .pollInSameThread()
                    .until(() -> api.call(
                                            "GET",
                                            "/api/audit/search?kind=alarm&type=FALL&outcome=RESOLVED&ward=" + wardId,
                                            quality,
                                            null)
                                    .get("total")
                                    .asLong()
                            == 1);
            return new FallInOwnWard(siteId, wardId, zoneId, roomId, residentId, at);
        }
    }

    private static void check(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException("device-sim " + what + " failed (" + exit + "); see target/it-logs");
        }
    }

    /** The server's HTTP API as the fixture uses it: JSON in and out, any non-2xx is an error. */
    private record Api(HttpClient http, URI base) {

        String login(String user) throws IOException, InterruptedException {
            return call("POST", "/login", null, Map.of("username", user, "password", "demo-" + user))
                    .get("access_token")
                    .asString();
        }

        JsonNode call(String method, String path, String token, Object body) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(20));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        }
    }
}
