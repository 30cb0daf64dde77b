package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import no.pasientsignal.certs.CertsOnly;
import no.pasientsignal.certs.Csr;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.protocol.HeartbeatCodec;
import no.pasientsignal.server.ApiClient;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.TestServer;
import no.pasientsignal.server.persistence.JdbcFacilityStore;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;
import no.pasientsignal.sim.EstEnrolment;
import no.pasientsignal.sim.EstEnrolment.EnrolmentFailedException;
import no.pasientsignal.sim.Reply;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Enrolment end to end over real HTTP and real DTLS on loopback: a technician registers a device
 * and gets a one-time credential; the device enrols over EST-coaps in a DTLS-PSK session, then
 * calls with its new certificate. Spent, expired and voided credentials fail the handshake; bad
 * requests get their CoAP error and change nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrolmentIT implements TestPropertyProvider {

    /** Refused handshakes need not use the full retry budget. */
    private static final ClientTiming FAST_FAILURE =
            new ClientTiming(Duration.ofMillis(300), 1.5f, 1.5f, 1, Duration.ofMillis(300), 1);

    private static final String SEN = EstEnrolment.estPath(DeviceProtocol.EST_SIMPLE_ENROL);
    private static final String CRTS = EstEnrolment.estPath(DeviceProtocol.EST_CA_CERTIFICATES);

    @Inject
    EmbeddedServer http;

    @Inject
    DeviceEndpoint endpoint;

    @Inject
    MutableClock clock;

    @Inject
    JdbcFacilityStore store;

    private FixturePki pki;
    private Technician technician;
    private String nurse;

    @Override
    public Map<String, String> getProperties() {
        var server = TestServer.prepare("enrolment-it");
        pki = server.pki();
        return server.properties(TestServer.MUTABLE_CLOCK, "true");
    }

    @BeforeAll
    void logIn() throws Exception {
        technician = new Technician(api(), api().login("tekniker", "demo-tekniker"));
        nurse = api().login("sykepleier", "demo-sykepleier");
    }

    @Test
    void device_registered_over_http_enrols_over_dtls_psk_and_then_calls_with_its_certificate() throws Exception {
        String bed = Technician.newBed(store, "601");
        var registered = technician.register("call-601", "SN-601", bed);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var body = Technician.JSON.readTree(registered.body());
        assertThat(body.get("state").asString()).isEqualTo("REGISTERED");
        var enrolment = body.get("enrolment");
        assertThat(enrolment.get("secret").asString()).matches("[0-9a-f]{64}");
        assertThat(Instant.parse(enrolment.get("expiresAt").asString()))
                .isCloseTo(clock.instant().plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));

        var credentials = EstEnrolment.enrol(
                "call-601", Technician.credential(enrolment), TestServer.address(endpoint), ClientTiming.CALL);

        assertThat(DeviceIdentity.deviceId(credentials.certificate())).contains("call-601");
        assertThat(credentials.caCertificate()).isEqualTo(pki.site().caCertificate());
        assertThat(technician.device("call-601").get("state").asString()).isEqualTo("ACTIVE");
        try (var device = TestServer.connect(endpoint, credentials)) {
            assertThat(device.send(DeviceEvent.now(EventKind.CALL_PRESSED)).code())
                    .isEqualTo("2.04");
        }
        assertThat(api().get("/api/alarms", nurse).body()).contains("Rom 601");
    }

    @Test
    void spent_credential_is_refused_at_handshake() throws Exception {
        var credential = technician.registered("call-602", Technician.newBed(store, "602"));
        EstEnrolment.enrol("call-602", credential, TestServer.address(endpoint), ClientTiming.CALL);

        assertThatThrownBy(() -> EstEnrolment.enrol("call-602", credential, TestServer.address(endpoint), FAST_FAILURE))
                .isInstanceOf(EnrolmentFailedException.class)
                .hasMessageContaining("unknown, spent or expired");
    }

    @Test
    void spent_credential_gets_4_03_in_the_session_that_spent_it() throws Exception {
        var credential = technician.registered("call-603", Technician.newBed(store, "603"));
        try (var session = enrolmentSession("call-603", credential)) {
            assertThat(sen(session, Csr.create(Keys.generateEc(), "call-603")).code())
                    .isEqualTo("2.04");

            Reply again = sen(session, Csr.create(Keys.generateEc(), "call-603"));

            assertThat(again.code()).isEqualTo("4.03");
            assertThat(again.diagnostic()).contains("spent");
        }
    }

    @Test
    void expired_credential_is_refused_at_handshake() throws Exception {
        var credential = technician.registered("call-604", Technician.newBed(store, "604"));
        Instant now = clock.instant();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        try {
            assertThatThrownBy(() ->
                            EstEnrolment.enrol("call-604", credential, TestServer.address(endpoint), FAST_FAILURE))
                    .isInstanceOf(EnrolmentFailedException.class);
        } finally {
            clock.set(now);
        }
        // Nothing was spent by the failed attempt: within its lifetime the credential works.
        assertThat(DeviceIdentity.deviceId(
                        EstEnrolment.enrol("call-604", credential, TestServer.address(endpoint), ClientTiming.CALL)
                                .certificate()))
                .contains("call-604");
    }

    @Test
    void bad_csr_gets_4_00_naming_the_problem_and_the_credential_stays_usable() throws Exception {
        var credential = technician.registered("call-605", Technician.newBed(store, "605"));
        try (var session = enrolmentSession("call-605", credential)) {
            Reply garbage = sen(session, "not a certificate request".getBytes());
            assertThat(garbage.code()).isEqualTo("4.00");
            assertThat(garbage.diagnostic()).contains("PKCS#10");

            byte[] tampered = Csr.create(Keys.generateEc(), "call-605");
            tampered[tampered.length - 4] ^= 0x01;
            Reply badSignature = sen(session, tampered);
            assertThat(badSignature.code()).isEqualTo("4.00");
            assertThat(badSignature.diagnostic()).contains("signature");

            Reply rsa = sen(session, rsaCsr());
            assertThat(rsa.code()).isEqualTo("4.00");
            assertThat(rsa.diagnostic()).contains("EC P-256");

            Reply good = sen(session, Csr.create(Keys.generateEc(), "call-605"));
            assertThat(good.code()).isEqualTo("2.04");
            assertThat(good.contentFormat()).isEqualTo(DeviceProtocol.CONTENT_FORMAT_PKIX_CERT);
            assertThat(DeviceIdentity.deviceId(certificate(good.payload()))).contains("call-605");
        }
    }

    @Test
    void the_certificate_names_the_registered_device_whatever_the_csr_asks_for() throws Exception {
        var credential = technician.registered("call-606", Technician.newBed(store, "606"));
        try (var session = enrolmentSession("call-606", credential)) {
            Reply reply = sen(session, Csr.create(Keys.generateEc(), "call-201"));

            assertThat(reply.code()).isEqualTo("2.04");
            assertThat(DeviceIdentity.deviceId(certificate(reply.payload()))).contains("call-606");
        }
    }

    @Test
    void wrong_content_format_gets_4_15_unsupported_accept_4_06_and_certs_only_on_request() throws Exception {
        var credential = technician.registered("call-607", Technician.newBed(store, "607"));
        byte[] csr = Csr.create(Keys.generateEc(), "call-607");
        try (var session = enrolmentSession("call-607", credential)) {
            assertThat(session.post(SEN, csr, DeviceProtocol.CONTENT_FORMAT_CBOR, -1)
                            .code())
                    .isEqualTo("4.15");
            assertThat(session.post(SEN, csr, DeviceProtocol.CONTENT_FORMAT_PKCS10, DeviceProtocol.CONTENT_FORMAT_CBOR)
                            .code())
                    .isEqualTo("4.06");

            Reply certsOnly = session.post(
                    SEN, csr, DeviceProtocol.CONTENT_FORMAT_PKCS10, DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY);

            assertThat(certsOnly.code()).isEqualTo("2.04");
            assertThat(certsOnly.contentFormat()).isEqualTo(DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY);
            assertThat(CertsOnly.decode(certsOnly.payload()))
                    .singleElement()
                    .satisfies(c -> assertThat(DeviceIdentity.deviceId(c)).contains("call-607"));
        }
    }

    @Test
    void crts_gives_the_site_ca_as_certs_only_or_as_one_certificate() throws Exception {
        var credential = technician.registered("call-608", Technician.newBed(store, "608"));
        X509Certificate ca = pki.site().caCertificate();
        try (var session = enrolmentSession("call-608", credential)) {
            Reply byDefault = session.get(CRTS, -1);
            assertThat(byDefault.code()).isEqualTo("2.05");
            assertThat(byDefault.contentFormat()).isEqualTo(DeviceProtocol.CONTENT_FORMAT_PKCS7_CERTS_ONLY);
            assertThat(CertsOnly.decode(byDefault.payload())).containsExactly(ca);

            Reply single = session.get(CRTS, DeviceProtocol.CONTENT_FORMAT_PKIX_CERT);
            assertThat(single.contentFormat()).isEqualTo(DeviceProtocol.CONTENT_FORMAT_PKIX_CERT);
            assertThat(certificate(single.payload())).isEqualTo(ca);

            assertThat(session.get(CRTS, DeviceProtocol.CONTENT_FORMAT_CBOR).code())
                    .isEqualTo("4.06");
        }
    }

    @Test
    void certificate_sessions_cannot_enrol_and_enrolment_sessions_cannot_call() throws Exception {
        var enrolled = EstEnrolment.enrol(
                "call-609",
                technician.registered("call-609", Technician.newBed(store, "609")),
                TestServer.address(endpoint),
                ClientTiming.CALL);
        try (var device = TestServer.connect(endpoint, enrolled)) {
            Reply sen = sen(device, Csr.create(Keys.generateEc(), "call-609"));
            assertThat(sen.code()).isEqualTo("4.03");
            assertThat(sen.diagnostic()).contains("enrolment session");
        }

        var credential = technician.registered("call-610", Technician.newBed(store, "610"));
        try (var session = enrolmentSession("call-610", credential)) {
            Reply event = session.post(
                    new EventCodec().encode(DeviceEvent.now(EventKind.CALL_PRESSED)),
                    DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(event.code()).isEqualTo("4.03");
            assertThat(event.diagnostic()).contains("enrolment session");
            Reply heartbeat = session.post(
                    DeviceProtocol.HEARTBEAT_PATH,
                    new HeartbeatCodec().encode(new Heartbeat(90, null, false, null, null)),
                    DeviceProtocol.CONTENT_FORMAT_CBOR);
            assertThat(heartbeat.code()).isEqualTo("4.03");
        }
        assertThat(api().get("/api/alarms", nurse).body()).doesNotContain("Rom 610");
    }

    @Test
    void a_fresh_credential_from_the_api_voids_the_earlier_one() throws Exception {
        var first = technician.registered("call-611", Technician.newBed(store, "611"));

        var fresh = Technician.credential(technician.newCredential("call-611"));

        assertThatThrownBy(() -> EstEnrolment.enrol("call-611", first, TestServer.address(endpoint), FAST_FAILURE))
                .isInstanceOf(EnrolmentFailedException.class);
        assertThat(DeviceIdentity.deviceId(
                        EstEnrolment.enrol("call-611", fresh, TestServer.address(endpoint), ClientTiming.CALL)
                                .certificate()))
                .contains("call-611");
        assertThat(technician.newCredential("no-such-device").statusCode()).isEqualTo(404);
        assertThat(api().post("/api/devices/call-611/enrolment", "{}", nurse).statusCode())
                .isEqualTo(403);
        assertThat(api().post("/api/devices/call-611/enrolment", "{}", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void an_unknown_psk_identity_is_refused_at_handshake() {
        var madeUp = new EstEnrolment.Credential("enrol-made-up", "ab".repeat(32));

        assertThatThrownBy(() -> EstEnrolment.enrol("call-201", madeUp, TestServer.address(endpoint), FAST_FAILURE))
                .isInstanceOf(EnrolmentFailedException.class);
    }

    // --- helpers -------------------------------------------------------------------------------

    private DeviceClient enrolmentSession(String deviceId, EstEnrolment.Credential credential) {
        return DeviceClient.connectWithCredential(
                deviceId,
                credential.identity(),
                java.util.HexFormat.of().parseHex(credential.secretHex()),
                TestServer.address(endpoint),
                ClientTiming.CALL);
    }

    private static Reply sen(DeviceClient session, byte[] csr) throws DeviceClient.SendFailedException {
        return session.post(SEN, csr, DeviceProtocol.CONTENT_FORMAT_PKCS10, -1);
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] rsaCsr() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=call-605"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
                .getEncoded();
    }

    private ApiClient api() {
        return new ApiClient(http.getPort());
    }
}
