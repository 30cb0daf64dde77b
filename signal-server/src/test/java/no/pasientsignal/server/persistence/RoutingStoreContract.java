package no.pasientsignal.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.pasientsignal.server.alarm.CarePlan;
import no.pasientsignal.server.alarm.LegalBasis;
import no.pasientsignal.server.alarm.PassiveRule;
import no.pasientsignal.server.alarm.Priority;
import no.pasientsignal.server.alarm.TimeWindow;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.persistence.JdbcFacilityStore.NewLocation;
import no.pasientsignal.server.routing.Assignment;
import no.pasientsignal.server.routing.EscalationPolicy;
import no.pasientsignal.server.routing.Roster;
import no.pasientsignal.server.routing.Shift;
import no.pasientsignal.server.routing.ShiftPlan;
import no.pasientsignal.server.routing.SiteRouting;
import no.pasientsignal.server.routing.Tier;
import no.pasientsignal.server.staff.PasswordHasher;
import no.pasientsignal.server.staff.Role;
import no.pasientsignal.server.staff.StaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every supported database must do with routing (shifts, roster, escalation) and care plans:
 * read back exactly what was saved, replace as a whole, and write nothing when a save is refused.
 * Each subclass runs it against a real database; each test gets a new, empty one.
 */
abstract class RoutingStoreContract {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant CONSENTED = Instant.parse("2026-10-01T09:30:00Z");

    /** A database that has never been migrated, started (and so migrated) by this call. */
    protected abstract Database startEmptyDatabase() throws Exception;

    private Database database;
    private JdbcFacilityStore facility;
    private JdbcRoutingStore routing;
    private JdbcCarePlanStore carePlans;
    private JdbcResidentStore residents;
    private String site;
    private String ward;
    private String zoneA;
    private String zoneB;
    private String room;

    @BeforeEach
    void startDatabase() throws Exception {
        database = startEmptyDatabase();
        facility = new JdbcFacilityStore(database.jdbc());
        routing = new JdbcRoutingStore(database.jdbc());
        carePlans = new JdbcCarePlanStore(database.jdbc());
        residents = new JdbcResidentStore(database.jdbc());
        site = facility.createSite("Solsiden").id();
        ward = facility.createWard(site, "Avdeling 2").id();
        zoneA = facility.createZone(ward, "Sone A").id();
        zoneB = facility.createZone(ward, "Sone B").id();
        room = facility.createRoomWithLocations(
                        zoneA, "201", "Rom 201", List.of(new NewLocation(LocationKind.BED, "Seng")))
                .id();
        var staff = new StaffDirectory(new PasswordHasher(1024, 1, 1), new JdbcStaffStore(database.jdbc()));
        staff.add("kari", "Kari", Set.of(Role.NURSE), "kari-secret-12".toCharArray());
        staff.add("ola", "Ola", Set.of(Role.NURSE), "ola-secret-123".toCharArray());
        staff.add("natt", "Natt", Set.of(Role.NIGHT_STAFF), "natt-secret-12".toCharArray());
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migration_adds_the_routing_and_care_plan_tables_and_sites_default_to_oslo_time() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var connection = database.dataSource().getConnection()) {
            try (var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(tables)
                .contains(
                        "site_shift",
                        "roster_assignment",
                        "roster_assignment_zone",
                        "zone_merge",
                        "staff_absence",
                        "escalation_step",
                        "escalation_step_tier",
                        "care_plan",
                        "care_plan_rule",
                        "care_plan_basis");
        java.util.Optional<String> zone = database.jdbc()
                .withConnection(
                        c -> Jdbc.queryOne(c, "SELECT time_zone FROM site WHERE id = ?", rs -> rs.getString(1), site));
        assertThat(zone).contains("Europe/Oslo");
    }

    @Test
    void a_site_without_saved_routing_has_none() {
        assertThat(routing.find(site)).isEmpty();
        assertThat(routing.all()).isEmpty();
        assertThat(routing.isEmpty()).isTrue();
    }

    @Test
    void routing_is_read_back_exactly_as_saved_with_roster_order_merges_absences_and_chains() {
        SiteRouting saved = wardRouting();

        assertThat(routing.save(site, saved)).isTrue();

        assertThat(routing.find(site)).contains(saved);
        assertThat(routing.all()).isEqualTo(Map.of(site, saved));
        assertThat(routing.isEmpty()).isFalse();
        assertThat(routing.find(site).orElseThrow().roster().assignments())
                .extracting(Assignment::staff)
                .containsExactly("kari", "ola", "natt");
    }

    @Test
    void a_save_replaces_the_whole_routing() {
        routing.save(site, wardRouting());
        var plan = new ShiftPlan(
                ZoneId.of("Europe/London"),
                List.of(
                        new Shift("long day", LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new Shift("night", LocalTime.of(20, 0), LocalTime.of(8, 0))));
        var smaller = new SiteRouting(
                new Roster(
                        plan,
                        List.of(new Assignment("night", "ola", ward, Set.of(zoneB), true, true)),
                        Map.of(),
                        Set.of(),
                        null),
                EscalationPolicy.defaults());

        routing.save(site, smaller);

        assertThat(routing.find(site)).contains(smaller);
    }

    @Test
    void a_refused_save_writes_nothing() {
        SiteRouting before = wardRouting();
        routing.save(site, before);
        Roster roster = before.roster();

        var unknownStaff = new ArrayList<>(roster.assignments());
        unknownStaff.add(new Assignment("day", "nobody", ward, Set.of(zoneA), false, false));
        assertThatThrownBy(() -> routing.save(site, before.withRoster(withAssignments(roster, unknownStaff))))
                .isInstanceOf(ConstraintViolationException.class);

        var unknownZone = List.of(new Assignment("day", "kari", ward, Set.of("no-such-zone"), true, false));
        assertThatThrownBy(() -> routing.save(site, before.withRoster(withAssignments(roster, unknownZone))))
                .isInstanceOf(ConstraintViolationException.class);

        assertThatThrownBy(() -> routing.save(site, before.withRoster(roster.withAbsent("nobody"))))
                .isInstanceOf(ConstraintViolationException.class);

        assertThat(routing.find(site)).contains(before);

        assertThat(routing.save("no-such-site", before)).isFalse();
        assertThat(routing.all()).containsOnlyKeys(site);
    }

    @Test
    void a_resident_who_never_had_a_care_plan_has_an_empty_one_and_an_unknown_resident_none() {
        String resident =
                residents.create("Kari Johansen", room, "kari", List.of()).id();

        assertThat(carePlans.find(resident)).hasValueSatisfying(plan -> {
            assertThat(plan.rules()).isEmpty();
            assertThat(plan.bases()).isEmpty();
            assertThat(plan.roomId()).isEqualTo(room);
        });
        assertThat(carePlans.find("no-such-resident")).isEmpty();
        assertThat(carePlans.all()).isEmpty();
        assertThat(carePlans.isEmpty()).isTrue();
    }

    @Test
    void a_care_plan_is_read_back_as_saved_and_in_force_for_the_residents_room() {
        String resident =
                residents.create("Kari Johansen", room, "kari", List.of()).id();
        List<PassiveRule> rules = nightBedRules();
        List<LegalBasis> bases = List.of(
                new LegalBasis(LegalBasis.Kind.CONSENT, "kari", CONSENTED, null, "Samtykke i journalnotat"),
                new LegalBasis(
                        LegalBasis.Kind.DECISION,
                        "natt",
                        CONSENTED,
                        CONSENTED.plus(Duration.ofDays(90)),
                        "Vedtak 2026/4411"));

        assertThat(carePlans.save(resident, rules, bases)).isTrue();

        var stored = carePlans.find(resident).orElseThrow();
        assertThat(stored.rules()).isEqualTo(rules);
        assertThat(stored.bases()).isEqualTo(bases);
        assertThat(stored.inForce()).contains(new CarePlan(resident, room, rules, bases));
        assertThat(carePlans.all()).containsExactly(stored);
        assertThat(carePlans.isEmpty()).isFalse();

        // Emptied, the plan stays known (so demo seeding never comes back) with nothing to run.
        assertThat(carePlans.save(resident, List.of(), List.of())).isTrue();
        assertThat(carePlans.find(resident).orElseThrow().rules()).isEmpty();
        assertThat(carePlans.isEmpty()).isFalse();
    }

    @Test
    void a_moved_out_resident_keeps_the_stored_plan_but_it_is_not_in_force() {
        var created = residents.create("Kari Johansen", room, "kari", List.of());
        carePlans.save(created.id(), nightBedRules(), List.of());
        residents.replace(new no.pasientsignal.server.facility.Resident(
                created.id(), created.displayName(), room, null, true, List.of()));

        var stored = carePlans.find(created.id()).orElseThrow();
        assertThat(stored.movedOut()).isTrue();
        assertThat(stored.rules()).hasSize(2);
        assertThat(stored.inForce()).isEmpty();
    }

    @Test
    void a_refused_care_plan_save_leaves_the_earlier_plan() {
        String resident =
                residents.create("Kari Johansen", room, "kari", List.of()).id();
        var consent = List.of(new LegalBasis(LegalBasis.Kind.CONSENT, "kari", CONSENTED, null));
        carePlans.save(resident, nightBedRules(), consent);

        assertThatThrownBy(() -> carePlans.save(
                        resident,
                        List.of(),
                        List.of(new LegalBasis(LegalBasis.Kind.CONSENT, "nobody", CONSENTED, null))))
                .isInstanceOf(ConstraintViolationException.class);

        var stored = carePlans.find(resident).orElseThrow();
        assertThat(stored.rules()).isEqualTo(nightBedRules());
        assertThat(stored.bases()).isEqualTo(consent);
        assertThat(carePlans.save("no-such-resident", nightBedRules(), List.of()))
                .isFalse();
        assertThat(carePlans.all()).hasSize(1);
    }

    // --- fixtures ------------------------------------------------------------------------------

    /** Day and evening with two nurses in two zones, one night nurse over both zones merged. */
    private SiteRouting wardRouting() {
        var roster = new Roster(
                ShiftPlan.dayEveningNight(OSLO),
                List.of(
                        new Assignment("day", "kari", ward, Set.of(zoneA), true, true),
                        new Assignment("day", "ola", ward, Set.of(zoneA, zoneB), false, false),
                        new Assignment("night", "natt", ward, Set.of(zoneA, zoneB), true, true)),
                Map.of("night", List.of(Set.of(zoneA, zoneB))),
                Set.of("ola"),
                "responssenter-1");
        var policy = new EscalationPolicy(Map.of(
                Priority.EMERGENCY,
                List.of(new EscalationPolicy.Step(Set.of(Tier.WARD, Tier.SHIFT_LEAD), Duration.ZERO)),
                Priority.HIGH,
                List.of(
                        new EscalationPolicy.Step(Set.of(Tier.PRIMARY), Duration.ZERO),
                        new EscalationPolicy.Step(Set.of(Tier.RESPONSE_CENTRE), Duration.ofSeconds(45))),
                Priority.NORMAL,
                List.of(new EscalationPolicy.Step(Set.of(Tier.ZONE_TEAM), Duration.ZERO)),
                Priority.LOW,
                List.of(
                        new EscalationPolicy.Step(Set.of(Tier.ZONE_TEAM), Duration.ZERO),
                        new EscalationPolicy.Step(Set.of(Tier.WARD), Duration.ofMinutes(10)))));
        return new SiteRouting(roster, policy);
    }

    private static Roster withAssignments(Roster roster, List<Assignment> assignments) {
        return new Roster(roster.plan(), assignments, roster.merges(), roster.absent(), roster.responseCentre());
    }

    private static List<PassiveRule> nightBedRules() {
        var night = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
        return List.of(
                new PassiveRule(PassiveRule.Kind.BED_EXIT, night, null),
                new PassiveRule(PassiveRule.Kind.OUT_OF_BED_TOO_LONG, night, Duration.ofMinutes(30)));
    }
}
