package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static no.pasientsignal.server.ApiResponses.json;
import static no.pasientsignal.server.ApiResponses.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.RestartableServer;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.persistence.JdbcRoutingStore;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's routing over real HTTP: shifts, roster with night merges, absences and escalation are
 * stored, in force at once (the {@link RoutingTables} the alarm engine reads), and there again
 * after a restart; every refusal names the field and writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 11:00 and 23:00 in Oslo on a winter day: the day and the night shift. */
    private static final Instant DAY = Instant.parse("2026-11-23T10:00:00Z");

    private static final Instant NIGHT = Instant.parse("2026-11-23T22:00:00Z");

    private RestartableServer server;
    private String admin;
    private String nurse;
    private String carer;
    private String night;
    private String technician;
    private String quality;

    @BeforeAll
    void start() throws Exception {
        server = RestartableServer.start(
                TestServer.prepare("routing-api-it").properties(TestServer.MUTABLE_CLOCK, "true"));
        logIn();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void logIn() throws Exception {
        admin = api().login("admin", "demo-admin");
        nurse = api().login("sykepleier", "demo-sykepleier");
        carer = api().login("helsefag", "demo-helsefag");
        night = api().login("natt", "demo-natt");
        technician = api().login("tekniker", "demo-tekniker");
        quality = api().login("kvalitet", "demo-kvalitet");
    }

    @Test
    void the_demo_site_routes_by_the_demo_roster() throws Exception {
        String demo = null;
        for (JsonNode site : json(api().get("/api/sites", admin))) {
            if (site.get("name").asString().equals("Demo sykehjem")) {
                demo = site.get("id").asString();
            }
        }
        assertThat(demo).isNotNull();

        JsonNode shifts = json(api().get("/api/sites/" + demo + "/routing/shifts", nurse));
        assertThat(shifts.get("configured").asBoolean()).isTrue();
        assertThat(shifts.get("timeZone").asString()).isEqualTo("Europe/Oslo");
        assertThat(shifts.get("shifts").toString())
                .isEqualTo("[{\"name\":\"day\",\"start\":\"07:00\",\"end\":\"15:00\"},"
                        + "{\"name\":\"evening\",\"start\":\"15:00\",\"end\":\"22:00\"},"
                        + "{\"name\":\"night\",\"start\":\"22:00\",\"end\":\"07:00\"}]");
        JsonNode roster = json(api().get("/api/sites/" + demo + "/routing/roster", night));
        assertThat(roster.get("assignments").get(0).get("staff").asString()).isEqualTo("sykepleier");
        assertThat(roster.get("assignments").get(0).get("primary").asBoolean()).isTrue();
        assertThat(roster.get("assignments").get(4).get("staff").asString()).isEqualTo("natt");
        assertThat(roster.get("assignments").get(4).get("lead").asBoolean()).isTrue();
        assertThat(json(api().get("/api/sites/" + demo + "/routing/escalation", admin))
                        .get("chains")
                        .size())
                .isEqualTo(4);
        assertThat(tables().isConfigured(demo)).isTrue();
    }

    @Test
    void a_site_without_saved_routing_shows_the_defaults_it_routes_by() throws Exception {
        Site site = newSite();

        JsonNode shifts = json(api().get(site.path("shifts"), nurse));
        assertThat(shifts.get("configured").asBoolean()).isFalse();
        assertThat(shifts.get("shifts").size()).isEqualTo(3);
        JsonNode roster = json(api().get(site.path("roster"), nurse));
        assertThat(roster.has("assignments") ? roster.get("assignments").size() : 0)
                .isZero();
        assertThat(json(api().get(site.path("escalation"), nurse)))
                .isEqualTo(JSON.valueToTree(RoutingDtos.escalation(EscalationPolicy.defaults())));
    }

    @Test
    void night_merge_is_saved_and_in_force_without_restart() throws Exception {
        Site site = newSite();

        var saved = api().put(site.path("roster"), wardRoster(site), admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        SiteRouting inForce = tables().forSite(site.id());
        assertThat(inForce.roster().zoneGroup("night", site.zoneA()))
                .containsExactlyInAnyOrder(site.zoneA(), site.zoneB());
        assertThat(inForce.roster().zoneGroup("day", site.zoneA())).containsExactly(site.zoneA());
        assertThat(inForce.roster().recipients(place(site, site.zoneB()), Tier.PRIMARY, NIGHT))
                .containsExactly("natt");
        assertThat(inForce.roster().recipients(place(site, site.zoneB()), Tier.PRIMARY, DAY))
                .containsExactly("helsefag");
        assertThat(inForce.roster().responseCentre()).isEqualTo("responssenter-vest");
        assertThat(store().find(site.id())).contains(inForce);

        JsonNode roster = json(api().get(site.path("roster"), nurse));
        assertThat(roster.get("configured").asBoolean()).isTrue();
        assertThat(roster.get("merges").toString())
                .isEqualTo("[{\"shift\":\"night\",\"zoneIds\":" + sortedIds(site.zoneA(), site.zoneB()) + "}]");
        assertThat(roster.get("assignments").size()).isEqualTo(3);
    }

    @Test
    void shifts_and_time_zone_are_replaced_and_in_force_and_a_shift_the_roster_uses_cannot_be_dropped()
            throws Exception {
        Site site = newSite();
        String twelveHours = "{\"timeZone\":\"Europe/London\",\"shifts\":["
                + "{\"name\":\"dag\",\"start\":\"08:00\",\"end\":\"20:00\"},"
                + "{\"name\":\"natt\",\"start\":\"20:00\",\"end\":\"08:00\"}]}";

        var saved = api().put(site.path("shifts"), twelveHours, admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var plan = tables().forSite(site.id()).roster().plan();
        assertThat(plan.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(plan.shifts())
                .containsExactly(
                        new Shift("dag", LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new Shift("natt", LocalTime.of(20, 0), LocalTime.of(8, 0)));

        String nightOnly = "{\"assignments\":[{\"shift\":\"natt\",\"staff\":\"natt\",\"wardId\":\"" + site.ward()
                + "\",\"zoneIds\":[\"" + site.zoneA() + "\"],\"primary\":true}]}";
        assertThat(api().put(site.path("roster"), nightOnly, admin).statusCode())
                .isEqualTo(200);
        SiteRouting before = tables().forSite(site.id());

        var dropsNight = api().put(
                        site.path("shifts"),
                        "{\"timeZone\":\"Europe/Oslo\",\"shifts\":[{\"name\":\"dag\",\"start\":\"08:00\",\"end\":\"20:00\"},"
                                + "{\"name\":\"kveld\",\"start\":\"20:00\",\"end\":\"08:00\"}]}",
                        admin);

        assertThat(dropsNight.statusCode()).isEqualTo(409);
        assertThat(message(dropsNight)).startsWith("shifts:").contains("natt").contains("Nothing was saved");
        assertThat(tables().forSite(site.id())).isEqualTo(before);
        assertThat(store().find(site.id())).contains(before);
    }

    @Test
    void escalation_is_replaced_and_in_force() throws Exception {
        Site site = newSite();
        String chains = "{\"chains\":["
                + "{\"priority\":\"EMERGENCY\",\"steps\":[{\"tiers\":[\"WARD\",\"SHIFT_LEAD\",\"RESPONSE_CENTRE\"],"
                + "\"afterSeconds\":0}]},"
                + "{\"priority\":\"HIGH\",\"steps\":[{\"tiers\":[\"PRIMARY\"],\"afterSeconds\":0},"
                + "{\"tiers\":[\"WARD\"],\"afterSeconds\":45}]},"
                + "{\"priority\":\"NORMAL\",\"steps\":[{\"tiers\":[\"PRIMARY\"],\"afterSeconds\":0}]},"
                + "{\"priority\":\"LOW\",\"steps\":[{\"tiers\":[\"ZONE_TEAM\"],\"afterSeconds\":0}]}]}";

        var saved = api().put(site.path("escalation"), chains, admin);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        EscalationPolicy policy = tables().forSite(site.id()).policy();
        assertThat(policy.chain(Priority.HIGH))
                .containsExactly(
                        new EscalationPolicy.Step(Set.of(Tier.PRIMARY), Duration.ZERO),
                        new EscalationPolicy.Step(Set.of(Tier.WARD), Duration.ofSeconds(45)));
        assertThat(policy.chain(Priority.EMERGENCY).getFirst().tiers()).contains(Tier.RESPONSE_CENTRE);
        assertThat(json(api().get(site.path("escalation"), night)))
                .isEqualTo(JSON.valueToTree(RoutingDtos.escalation(policy)));
    }

    @Test
    void each_refused_change_names_the_field_and_writes_nothing() throws Exception {
        Site site = newSite();
        Site other = newSite();
        String otherWardOfSite =
                id(api().post("/api/sites/" + site.id() + "/wards", "{\"name\":\"Avdeling 9\"}", admin));
        String zoneOfOtherWard =
                id(api().post("/api/wards/" + otherWardOfSite + "/zones", "{\"name\":\"Sone X\"}", admin));

        expectRefused(
                site.path("roster"),
                assignment(site, "day", "nobody", site.ward(), site.zoneA()),
                "assignments[0].staff:");
        expectRefused(
                site.path("roster"),
                assignment(site, "day", "tekniker", site.ward(), site.zoneA()),
                "assignments[0].staff:");
        expectRefused(
                site.path("roster"),
                assignment(site, "lunch", "sykepleier", site.ward(), site.zoneA()),
                "assignments[0].shift:");
        expectRefused(
                site.path("roster"),
                assignment(site, "day", "sykepleier", other.ward(), other.zoneA()),
                "assignments[0].wardId:");
        expectRefused(
                site.path("roster"),
                assignment(site, "day", "sykepleier", site.ward(), other.zoneA()),
                "assignments[0].zoneIds[0]:");
        expectRefused(
                site.path("roster"),
                assignment(site, "day", "sykepleier", site.ward(), zoneOfOtherWard),
                "assignments[0].zoneIds[0]:");
        expectRefused(
                site.path("roster"),
                "{\"assignments\":[],\"merges\":[{\"shift\":\"night\",\"zoneIds\":[\"" + site.zoneA() + "\",\""
                        + zoneOfOtherWard + "\"]}]}",
                "merges[0].zoneIds:");
        expectRefused(
                site.path("roster"),
                "{\"assignments\":[],\"merges\":[{\"shift\":\"night\",\"zoneIds\":[\"" + site.zoneA() + "\",\""
                        + other.zoneA() + "\"]}]}",
                "merges[0].zoneIds[1]:");
        var missingZones = api().put(
                        site.path("roster"),
                        "{\"assignments\":[{\"shift\":\"day\",\"staff\":\"sykepleier\",\"wardId\":\"" + site.ward()
                                + "\"}]}",
                        admin);
        assertThat(missingZones.statusCode()).isEqualTo(400);
        assertThat(missingZones.body()).contains("assignments[0].zoneIds");

        expectRefused(
                site.path("shifts"),
                "{\"timeZone\":\"Europe/Oslo\",\"shifts\":[{\"name\":\"day\",\"start\":\"07:00\",\"end\":\"15:00\"},"
                        + "{\"name\":\"night\",\"start\":\"22:00\",\"end\":\"07:00\"}]}",
                "shifts:");
        expectRefused(
                site.path("shifts"),
                "{\"timeZone\":\"Europe/Oslo\",\"shifts\":[{\"name\":\"day\",\"start\":\"07:00\",\"end\":\"07:00\"}]}",
                "shifts[0]:");
        expectRefused(
                site.path("shifts"),
                "{\"timeZone\":\"Mars/Olympus\",\"shifts\":[{\"name\":\"a\",\"start\":\"07:00\",\"end\":\"19:00\"},"
                        + "{\"name\":\"b\",\"start\":\"19:00\",\"end\":\"07:00\"}]}",
                "timeZone:");
        var badTime = api().put(
                        site.path("shifts"),
                        "{\"timeZone\":\"Europe/Oslo\",\"shifts\":[{\"name\":\"a\",\"start\":\"7\",\"end\":\"19:00\"}]}",
                        admin);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("shifts[0].start");

        String outOfOrder = "{\"chains\":["
                + "{\"priority\":\"EMERGENCY\",\"steps\":[{\"tiers\":[\"WARD\"],\"afterSeconds\":0}]},"
                + "{\"priority\":\"HIGH\",\"steps\":[{\"tiers\":[\"PRIMARY\"],\"afterSeconds\":0},"
                + "{\"tiers\":[\"WARD\"],\"afterSeconds\":0}]},"
                + "{\"priority\":\"NORMAL\",\"steps\":[{\"tiers\":[\"PRIMARY\"],\"afterSeconds\":0}]},"
                + "{\"priority\":\"LOW\",\"steps\":[{\"tiers\":[\"ZONE_TEAM\"],\"afterSeconds\":0}]}]}";
        var refusedOrder = expectRefused(site.path("escalation"), outOfOrder, "chains:");
        assertThat(message(refusedOrder)).contains("HIGH").contains("time order");
        expectRefused(
                site.path("escalation"),
                "{\"chains\":[{\"priority\":\"HIGH\",\"steps\":[{\"tiers\":[\"PRIMARY\"],\"afterSeconds\":0}]}]}",
                "chains:");
        var badTier = api().put(
                        site.path("escalation"),
                        "{\"chains\":[{\"priority\":\"HIGH\",\"steps\":[{\"tiers\":[\"JANITOR\"],\"afterSeconds\":0}]}]}",
                        admin);
        assertThat(badTier.statusCode()).isEqualTo(400);
        assertThat(badTier.body()).contains("chains[0].steps[0].tiers");

        assertThat(tables().isConfigured(site.id())).isFalse();
        assertThat(store().find(site.id())).isEmpty();
    }

    @Test
    void care_staff_read_only_administrators_write_and_unknown_sites_are_404() throws Exception {
        Site site = newSite();
        for (String reader : List.of(nurse, night, admin)) {
            assertThat(api().get(site.path("roster"), reader).statusCode()).isEqualTo(200);
        }
        for (String refused : List.of(technician, quality)) {
            assertThat(api().get(site.path("roster"), refused).statusCode()).isEqualTo(403);
            assertThat(api().get(site.path("escalation"), refused).statusCode()).isEqualTo(403);
        }
        assertThat(api().get(site.path("shifts"), null).statusCode()).isEqualTo(401);
        String roster = wardRoster(site);
        assertThat(api().put(site.path("roster"), roster, nurse).statusCode()).isEqualTo(403);
        assertThat(api().put(site.path("roster"), roster, night).statusCode()).isEqualTo(403);
        assertThat(api().put(site.path("roster"), roster, null).statusCode()).isEqualTo(401);

        String unknown = "/api/sites/" + UUID.randomUUID() + "/routing/";
        assertThat(api().get(unknown + "shifts", nurse).statusCode()).isEqualTo(404);
        var put = api().put(unknown + "roster", "{\"assignments\":[]}", admin);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(message(put)).startsWith("No site with id");
        assertThat(api().put(unknown + "absences/natt", "", admin).statusCode()).isEqualTo(404);

        assertThat(tables().isConfigured(site.id())).isFalse();
        assertThat(store().find(site.id())).isEmpty();
    }

    @Test
    void an_absence_is_marked_by_an_administrator_or_the_lead_of_the_shift_on_duty_and_is_in_force_at_once()
            throws Exception {
        Site site = newSite();
        assertThat(api().put(site.path("roster"), wardRoster(site), admin).statusCode())
                .isEqualTo(200);
        clock().set(DAY);

        // natt leads the night shift, not the day shift now on duty; helsefag leads nothing.
        var notLeadNow = api().put(site.path("absences/helsefag"), "", night);
        assertThat(notLeadNow.statusCode()).isEqualTo(403);
        assertThat(message(notLeadNow)).contains("lead of the shift");
        assertThat(api().put(site.path("absences/sykepleier"), "", carer).statusCode())
                .isEqualTo(403);
        assertThat(api().put(site.path("absences/helsefag"), "", technician).statusCode())
                .isEqualTo(403);
        assertThat(tables().forSite(site.id()).roster().absent()).isEmpty();

        var marked = api().put(site.path("absences/helsefag"), "", nurse);

        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(json(marked).get("absent").toString()).isEqualTo("[\"helsefag\"]");
        var roster = tables().forSite(site.id()).roster();
        assertThat(roster.recipients(place(site, site.zoneB()), Tier.PRIMARY, DAY))
                .isEmpty();
        assertThat(roster.recipients(place(site, site.zoneB()), Tier.WARD, DAY)).containsExactly("sykepleier");
        assertThat(store().find(site.id()).orElseThrow().roster().absent()).containsExactly("helsefag");

        assertThat(api().put(site.path("absences/nobody"), "", admin).statusCode())
                .isEqualTo(404);
        var back = api().delete(site.path("absences/helsefag"), admin);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(tables().forSite(site.id()).roster().absent()).isEmpty();
    }

    @Test
    void routing_survives_a_restart() throws Exception {
        Site site = newSite();
        assertThat(api().put(site.path("roster"), wardRoster(site), admin).statusCode())
                .isEqualTo(200);
        assertThat(api().put(site.path("absences/helsefag"), "", admin).statusCode())
                .isEqualTo(200);
        SiteRouting before = tables().forSite(site.id());

        server.restart();
        logIn();

        assertThat(tables().isConfigured(site.id())).isTrue();
        assertThat(tables().forSite(site.id())).isEqualTo(before);
        JsonNode roster = json(api().get(site.path("roster"), nurse));
        assertThat(roster.get("absent").toString()).isEqualTo("[\"helsefag\"]");
        assertThat(roster.get("merges").size()).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A new site with one ward of two zones. */
    private record Site(String id, String ward, String zoneA, String zoneB) {
        String path(String rest) {
            return "/api/sites/" + id + "/routing/" + rest;
        }
    }

    private Site newSite() throws Exception {
        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 3\"}", admin));
        String a = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        String b = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone B\"}", admin));
        return new Site(site, ward, a, b);
    }

    /**
     * By day sykepleier is primary in zone A and shift lead, helsefag primary in zone B; at night
     * natt covers both zones, merged, as primary and lead.
     */
    private static String wardRoster(Site site) {
        return "{\"assignments\":["
                + "{\"shift\":\"day\",\"staff\":\"sykepleier\",\"wardId\":\"" + site.ward() + "\",\"zoneIds\":[\""
                + site.zoneA() + "\"],\"primary\":true,\"lead\":true},"
                + "{\"shift\":\"day\",\"staff\":\"helsefag\",\"wardId\":\"" + site.ward() + "\",\"zoneIds\":[\""
                + site.zoneB() + "\"],\"primary\":true},"
                + "{\"shift\":\"night\",\"staff\":\"natt\",\"wardId\":\"" + site.ward() + "\",\"zoneIds\":[\""
                + site.zoneA() + "\",\"" + site.zoneB() + "\"],\"primary\":true,\"lead\":true}],"
                + "\"merges\":[{\"shift\":\"night\",\"zoneIds\":[\"" + site.zoneA() + "\",\"" + site.zoneB() + "\"]}],"
                + "\"responseCentre\":\"responssenter-vest\"}";
    }

    private static String assignment(Site site, String shift, String staff, String ward, String zone) {
        return "{\"assignments\":[{\"shift\":\"" + shift + "\",\"staff\":\"" + staff + "\",\"wardId\":\"" + ward
                + "\",\"zoneIds\":[\"" + zone + "\"]}]}";
    }

    private HttpResponse<String> expectRefused(String path, String body, String messageStart) throws Exception {
        var response = api().put(path, body, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).startsWith(messageStart).endsWith(".");
        return response;
    }

    private static Placement place(Site site, String zone) {
        return new Placement("room-1", "Rom 1", zone, site.ward(), "BED");
    }

    private static String sortedIds(String a, String b) {
        return a.compareTo(b) < 0 ? "[\"" + a + "\",\"" + b + "\"]" : "[\"" + b + "\",\"" + a + "\"]";
    }

    private RoutingTables tables() {
        return server.bean(RoutingTables.class);
    }

    private JdbcRoutingStore store() {
        return server.bean(JdbcRoutingStore.class);
    }

    private MutableClock clock() {
        return server.bean(MutableClock.class);
    }

    private ApiClient api() {
        return server.api();
    }
}
