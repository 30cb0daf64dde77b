package no.pasientsignal.server.api;

import static no.pasientsignal.server.ApiResponses.id;
import static no.pasientsignal.server.ApiResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * People's actions over real HTTP end up in the server's journal: logins (refused ones too) and a
 * configuration change of every kind, each answered only once its entry is durable, by user name
 * and pseudonym, never with a password, an enrolment secret or a resident's name.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {

    private static final String RESIDENT_NAME = "Kari Testesen Nordmann";
    private static final String PASSWORD = "a-secret-passphrase-42";

    @Inject
    EmbeddedServer http;

    @Inject
    Journal journal;

    @Override
    public Map<String, String> getProperties() {
        return TestServer.prepare("audit-trail-it").properties();
    }

    @Test
    void logins_are_journaled_with_the_user_name_and_never_the_password() throws Exception {
        long before = journal.lastSequence();
        var refused = api().post("/login", "{\"username\":\"natt\",\"password\":\"" + PASSWORD + "\"}", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        api().login("sykepleier", "demo-sykepleier");

        await().untilAsserted(() -> assertThat(entriesAfter(before))
                .extracting(e -> e.action() + " " + e.actor())
                .containsSubsequence("login.failed natt", "login.succeeded sykepleier"));
        assertThat(entriesAfter(before))
                .filteredOn(e -> e.action().startsWith("login."))
                .allSatisfy(e -> assertThat(e.details()).containsKey("address"));
        assertThat(rawAfter(before)).doesNotContain(PASSWORD).doesNotContain("demo-sykepleier");
    }

    @Test
    void every_kind_of_configuration_change_is_journaled_before_it_is_answered() throws Exception {
        String admin = api().login("admin", "demo-admin");
        String technician = api().login("tekniker", "demo-tekniker");
        long before = journal.lastSequence();

        String site = id(api().post("/api/sites", "{\"name\":\"Site " + UUID.randomUUID() + "\"}", admin));
        String ward = id(api().post("/api/sites/" + site + "/wards", "{\"name\":\"Avdeling 9\"}", admin));
        String zone = id(api().post("/api/wards/" + ward + "/zones", "{\"name\":\"Sone A\"}", admin));
        String room = id(api().post(
                        "/api/zones/" + zone + "/rooms",
                        "{\"number\":\"901\",\"name\":\"Rom 901\",\"locations\":[{\"kind\":\"BED\",\"label\":\"Seng\"}]}",
                        admin));
        assertThat(api().put(
                                "/api/sites/" + site + "/routing/roster",
                                "{\"assignments\":[{\"shift\":\"day\",\"staff\":\"sykepleier\",\"wardId\":\"" + ward
                                        + "\",\"zoneIds\":[\"" + zone + "\"],\"primary\":true}]}",
                                admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api().put("/api/sites/" + site + "/routing/absences/helsefag", "", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/staff",
                                "{\"username\":\"vikar-2\",\"displayName\":\"Vikar To\",\"roles\":[\"NURSE\"],"
                                        + "\"password\":\"" + PASSWORD + "\"}",
                                admin)
                        .statusCode())
                .isEqualTo(201);
        String resident = id(api().post(
                        "/api/residents",
                        "{\"displayName\":\"" + RESIDENT_NAME + "\",\"roomId\":\"" + room + "\",\"needs\":[]}",
                        admin));
        assertThat(api().put(
                                "/api/residents/" + resident + "/care-plan",
                                "{\"rules\":[{\"kind\":\"BED_EXIT\",\"from\":\"22:00\",\"to\":\"07:00\"}],"
                                        + "\"bases\":[{\"kind\":\"CONSENT\",\"recordedBy\":\"sykepleier\","
                                        + "\"validFrom\":\"2026-01-01T00:00:00Z\"}]}",
                                admin)
                        .statusCode())
                .isEqualTo(200);
        String location = json(api().get("/api/rooms/" + room + "/locations", technician))
                .get(0)
                .get("id")
                .asString();
        var registered = api().post(
                        "/api/devices",
                        "{\"deviceId\":\"audit-call-1\",\"type\":\"CALL_BUTTON\",\"serial\":\"SN-AUDIT-1\",\"locationId\":\""
                                + location + "\"}",
                        technician);
        assertThat(registered.statusCode()).isEqualTo(201);
        String secret = json(registered).at("/enrolment/secret").asString();
        assertThat(api().post("/api/devices/audit-call-1/decommission", "", technician)
                        .statusCode())
                .isEqualTo(200);

        // No waiting: each answer came only after its entry was on disk.
        List<AuditLog.Entry> changes = entriesAfter(before).stream()
                .filter(e -> !e.action().startsWith("login."))
                .toList();
        assertThat(changes)
                .extracting(e -> e.action() + " " + e.subject())
                .containsExactly(
                        "facility.site.create " + site,
                        "facility.ward.create " + ward,
                        "facility.zone.create " + zone,
                        "facility.room.create " + room,
                        "routing.roster.replace " + site,
                        "routing.absence.mark helsefag",
                        "staff.create vikar-2",
                        "resident.create " + resident,
                        "care-plan.replace " + resident,
                        "device.register audit-call-1",
                        "device.decommission audit-call-1");
        assertThat(changes).extracting(AuditLog.Entry::actor).containsOnly("admin", "tekniker");
        assertThat(changes.get(4).siteId()).isEqualTo(site);
        assertThat(changes.get(3).siteId()).isEqualTo(site);
        assertThat(changes.get(8).details()).containsEntry("rules", "BED_EXIT").containsEntry("legalBases", "CONSENT");
        assertThat(rawAfter(before))
                .doesNotContain(RESIDENT_NAME)
                .doesNotContain(PASSWORD)
                .doesNotContain(secret);
    }

    private List<AuditLog.Entry> entriesAfter(long sequence) {
        var entries = new ArrayList<AuditLog.Entry>();
        journal.read(sequence + 1, r -> {
            if (r.type().equals(AuditLog.LOGIN) || r.type().equals(AuditLog.CONFIG_CHANGE)) {
                entries.add(AuditLog.decode(r.payload()));
            }
        });
        return entries;
    }

    /** Every record's payload after {@code sequence}, as text: what someone reading the files sees. */
    private String rawAfter(long sequence) {
        var text = new StringBuilder();
        journal.read(sequence + 1, (JournalRecord r) -> text.append(new String(r.payload(), StandardCharsets.UTF_8)));
        return text.toString();
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
