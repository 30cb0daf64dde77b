package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static no.pasientsignal.server.ApiResponses.json;
import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.RestartableServer;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.alarm.CarePlan;
import no.pasientsignal.server.alarm.CarePlanBook;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.TimeWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents' care plans over real HTTP: health data for care staff and administrators only, in
 * force at once in the {@link CarePlanBook} the alarm engine reads, following the resident when
 * they move, there again after a restart; every refusal names the field and writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarePlanApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TimeWindow NIGHT = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final String NIGHT_BED_RULES = "[{\"kind\":\"BED_EXIT\",\"from\":\"22:00\",\"to\":\"07:00\"},"
            + "{\"kind\":\"OUT_OF_BED_TOO_LONG\",\"from\":\"22:00\",\"to\":\"07:00\",\"thresholdSeconds\":1800}]";
    private static final String DECISION = "{\"kind\":\"DECISION\",\"recordedBy\":\"sykepleier\","
            + "\"validFrom\":\"2026-01-01T00:00:00+01:00\",\"validUntil\":\"2036-01-01T00:00:00Z\","
            + "\"reference\":\"Vedtak 2026/4411\"}";

    private RestartableServer server;
    private String admin;
    private String nurse;
    private String night;
    private String technician;
    private String quality;

    @BeforeAll
    void start() throws Exception {
        server = RestartableServer.start(TestServer.prepare("care-plan-api-it").properties());
        logIn();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
        night = api().login("natt", "demo-natt");
        technician = api().login("tekniker", "demo-tekniker");
        quality = api().login("kvalitet", "demo-kvalitet");
    }

    @Test
    void the_demo_resident_of_room_203_is_watched_for_bed_exit_at_night_with_consent() throws Exception {
        JsonNode kari = null;
        for (JsonNode resident : json(api().get("/api/residents", nurse))) {
            if (resident.get("displayName").asString().equals("Kari Johansen")) {
                kari = resident;
            }
        }
        assertThat(kari).isNotNull();
        String id = kari.get("id").asString();

        JsonNode plan = json(api().get(path(id), night));

        assertThat(plan.get("roomId").asString()).isEqualTo(kari.get("roomId").asString());
        assertThat(plan.get("rules").toString())
                .isEqualTo(
                        "[{\"kind\":\"BED_EXIT\",\"from\":\"22:00\",\"to\":\"07:00\"},"
                                + "{\"kind\":\"OUT_OF_BED_TOO_LONG\",\"from\":\"22:00\",\"to\":\"07:00\",\"thresholdSeconds\":1800}]");
        assertThat(plan.at("/bases/0/kind").asString()).isEqualTo("CONSENT");
        assertThat(plan.at("/bases/0/recordedBy").asString()).isEqualTo("sykepleier");
        assertThat(plan.get("rulesActive").asBoolean()).isTrue();
        assertThat(book().plan(id))
                .hasValueSatisfying(p -> assertThat(p.rules()).hasSize(2));
    }

    @Test
    void a_care_plan_is_saved_and_in_force_without_restart() throws Exception {
        Resident resident = newResident("701");

        var saved = api().put(
                        path(resident.id()), "{\"rules\":" + NIGHT_BED_RULES + ",\"bases\":[" + DECISION + "]}", admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("rulesActive").asBoolean()).isTrue();
        CarePlan inForce = book().plan(resident.id()).orElseThrow();
        assertThat(inForce.roomId()).isEqualTo(resident.roomId());
        assertThat(inForce.rules())
                .containsExactly(
                        new PassiveRule(PassiveRule.Kind.BED_EXIT, NIGHT, null),
                        new PassiveRule(PassiveRule.Kind.OUT_OF_BED_TOO_LONG, NIGHT, Duration.ofMinutes(30)));
        assertThat(inForce.bases())
                .containsExactly(new LegalBasis(
                        LegalBasis.Kind.DECISION,
                        "sykepleier",
                        Instant.parse("2025-12-31T23:00:00Z"),
                        Instant.parse("2036-01-01T00:00:00Z"),
                        "Vedtak 2026/4411"));
        JsonNode read = json(api().get(path(resident.id()), nurse));
        assertThat(read.at("/bases/0/validFrom").asString()).isEqualTo("2025-12-31T23:00:00Z");
        assertThat(read.at("/bases/0/reference").asString()).isEqualTo("Vedtak 2026/4411");
    }

    @Test
    void rules_without_a_valid_legal_basis_are_stored_but_do_not_run() throws Exception {
        Resident resident = newResident("702");

        var saved = api().put(
                        path(resident.id()),
                        "{\"rules\":[{\"kind\":\"DOOR_OPENED\",\"from\":\"23:00\",\"to\":\"06:00\"}],\"bases\":[]}",
                        admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("rulesActive").asBoolean()).isFalse();
        assertThat(book().plan(resident.id()))
                .hasValueSatisfying(p -> assertThat(p.allowedAt(Instant.now())).isFalse());
    }

    @Test
    void a_basis_recorded_without_a_name_is_recorded_by_the_administrator_saving_it() throws Exception {
        Resident resident = newResident("703");

        var saved = api().put(
                        path(resident.id()),
                        "{\"rules\":[{\"kind\":\"FALL\"}],\"bases\":[{\"kind\":\"CONSENT\","
                                + "\"validFrom\":\"2026-01-01T00:00:00Z\"}]}",
                        admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode plan = json(saved);
        assertThat(plan.at("/bases/0/recordedBy").asString()).isEqualTo("admin");
        // No window means all day.
        assertThat(plan.at("/rules/0/from").asString()).isEqualTo("00:00");
        assertThat(plan.at("/rules/0/to").asString()).isEqualTo("00:00");
        assertThat(book().plan(resident.id()).orElseThrow().rules().getFirst().window())
                .isEqualTo(TimeWindow.ALWAYS);
    }

    @Test
    void each_refused_change_names_the_field_and_writes_nothing() throws Exception {
        Resident resident = newResident("704");
        String earlier = "{\"rules\":" + NIGHT_BED_RULES + ",\"bases\":[" + DECISION + "]}";
        assertThat(api().put(path(resident.id()), earlier, admin).statusCode()).isEqualTo(200);
        CarePlan before = book().plan(resident.id()).orElseThrow();
        String stored = api().get(path(resident.id()), admin).body();

        expectRefused(resident, "{\"rules\":[{\"kind\":\"OUT_OF_BED_TOO_LONG\"}],\"bases\":[]}", "rules[0]:");
        expectRefused(
                resident,
                "{\"rules\":[{\"kind\":\"FALL\"},{\"kind\":\"BED_EXIT\",\"thresholdSeconds\":60}],\"bases\":[]}",
                "rules[1]:");
        expectRefused(resident, "{\"rules\":[{\"kind\":\"BED_EXIT\",\"from\":\"22:00\"}],\"bases\":[]}", "rules[0]:");
        expectRefused(
                resident,
                "{\"rules\":[],\"bases\":[{\"kind\":\"CONSENT\",\"validFrom\":\"2026-02-01T00:00:00Z\","
                        + "\"validUntil\":\"2026-01-01T00:00:00Z\"}]}",
                "bases[0]:");
        expectRefused(
                resident,
                "{\"rules\":[],\"bases\":[{\"kind\":\"CONSENT\",\"validFrom\":\"yesterday\"}]}",
                "bases[0].validFrom:");
        expectRefused(
                resident,
                "{\"rules\":[],\"bases\":[{\"kind\":\"CONSENT\",\"recordedBy\":\"nobody\","
                        + "\"validFrom\":\"2026-01-01T00:00:00Z\"}]}",
                "bases[0].recordedBy:");
        var badKind = api().put(path(resident.id()), "{\"rules\":[{\"kind\":\"TELEPATHY\"}],\"bases\":[]}", admin);
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(badKind.body()).contains("rules[0].kind");
        var noBases = api().put(path(resident.id()), "{\"rules\":[]}", admin);
        assertThat(noBases.statusCode()).isEqualTo(400);
        assertThat(noBases.body()).contains("bases");

        assertThat(book().plan(resident.id())).contains(before);
        assertThat(api().get(path(resident.id()), admin).body()).isEqualTo(stored);
    }

    @Test
    void only_care_staff_and_administrators_see_a_care_plan_and_only_administrators_change_it() throws Exception {
        Resident resident = newResident("705");
        String plan = "{\"rules\":" + NIGHT_BED_RULES + ",\"bases\":[" + DECISION + "]}";
        for (String careStaff : List.of(nurse, night, admin)) {
            assertThat(api().get(path(resident.id()), careStaff).statusCode()).isEqualTo(200);
        }
        for (String refused : List.of(technician, quality)) {
            var response = api().get(path(resident.id()), refused);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("BED_EXIT");
            assertThat(api().put(path(resident.id()), plan, refused).statusCode())
                    .isEqualTo(403);
        }
        assertThat(api().put(path(resident.id()), plan, nurse).statusCode()).isEqualTo(403);
        assertThat(api().put(path(resident.id()), plan, night).statusCode()).isEqualTo(403);
        assertThat(api().get(path(resident.id()), null).statusCode()).isEqualTo(401);
        assertThat(book().plan(resident.id())).isEmpty();

        String unknown = UUID.randomUUID().toString();
        assertThat(api().get(path(unknown), nurse).statusCode()).isEqualTo(404);
        var put = api().put(path(unknown), plan, admin);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(message(put)).isEqualTo("No resident with id " + unknown + ".");
        assertThat(book().plan(unknown)).isEmpty();
    }

    @Test
    void a_resident_who_moves_takes_the_plan_along_and_moving_out_turns_it_off() throws Exception {
        Resident resident = newResident("706");
        String otherRoom = newRoom("707");
        assertThat(api().put(
                                path(resident.id()),
                                "{\"rules\":" + NIGHT_BED_RULES + ",\"bases\":[" + DECISION + "]}",
                                admin)
                        .statusCode())
                .isEqualTo(200);

        var moved = api().put(
                        "/api/residents/" + resident.id(),
                        "{\"displayName\":\"Moe\",\"roomId\":\"" + otherRoom + "\",\"needs\":[],\"movedOut\":false}",
                        admin);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(book().plan(resident.id()))
                .hasValueSatisfying(p -> assertThat(p.roomId()).isEqualTo(otherRoom));

        var movedOut = api().put(
                        "/api/residents/" + resident.id(),
                        "{\"displayName\":\"Moe\",\"roomId\":\"" + otherRoom + "\",\"needs\":[],\"movedOut\":true}",
                        admin);
        assertThat(movedOut.statusCode()).isEqualTo(200);
        assertThat(book().plan(resident.id()))
                .hasValueSatisfying(p -> assertThat(p.rules()).isEmpty());
        // The plan itself is kept with the resident's record.
        JsonNode stored = json(api().get(path(resident.id()), admin));
        assertThat(stored.get("rules").size()).isEqualTo(2);
        assertThat(stored.get("rulesActive").asBoolean()).isFalse();
    }

    @Test
    void the_care_plan_survives_a_restart() throws Exception {
        Resident resident = newResident("708");
        assertThat(api().put(
                                path(resident.id()),
                                "{\"rules\":" + NIGHT_BED_RULES + ",\"bases\":[" + DECISION + "]}",
                                admin)
                        .statusCode())
                .isEqualTo(200);
        CarePlan before = book().plan(resident.id()).orElseThrow();

        server.restart();
        logIn();

        assertThat(book().plan(resident.id())).contains(before);
        assertThat(json(api().get(path(resident.id()), nurse)).get("rules").size())
                .isEqualTo(2);
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Resident(String id, String roomId) {}

    private Resident newResident(String roomNumber) throws Exception {
        String room = newRoom(roomNumber);
        var created = api().post(
                        "/api/residents",
                        "{\"displayName\":\"Beboer " + roomNumber + "\",\"roomId\":\"" + room + "\",\"needs\":[]}",
                        admin);
        return new Resident(id(created), room);
    }

    private String newRoom(String number) throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 7\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        return id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"" + number + "\",\"name\":\"Rom " + number
                                + "\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"}]}",
                        admin));
    }

    private void expectRefused(Resident resident, String body, String messageStart) throws Exception {
        var response = api().put(path(resident.id()), body, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).startsWith(messageStart).endsWith(".");
    }

    private static String path(String residentId) {
        return "/api/residents/" + residentId + "/care-plan";
    }

    private CarePlanBook book() {
        return server.bean(CarePlanBook.class);
    }

    private ApiClient api() {
        return server.api();
    }
}
