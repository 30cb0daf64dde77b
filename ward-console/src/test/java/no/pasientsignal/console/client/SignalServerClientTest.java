package no.pasientsignal.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import no.pasientsignal.console.testsupport.FakeSignalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignalServerClientTest {

    private final FakeSignalServer server = FakeSignalServer.start().withUser("kari", "riktig-passord");
    private final SignalServerClient client = new SignalServerClient(server.uri());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void login_returns_the_user_roles_and_a_token_that_expires_as_the_server_says() {
        Instant before = Instant.now();

        LoginResult result = client.login("kari", "riktig-passord");

        assertThat(result.username()).isEqualTo("kari");
        assertThat(result.roles()).containsExactly("NURSE");
        assertThat(result.token().value()).startsWith("token-");
        assertThat(result.token().expiresAt())
                .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));
        assertThat(result.token().toString()).doesNotContain(result.token().value());
    }

    @Test
    void wrong_password_is_invalid_credentials_with_a_plain_sentence() {
        assertThatThrownBy(() -> client.login("kari", "feil"))
                .isInstanceOfSatisfying(
                        SignalServerException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignalServerException.Reason.INVALID_CREDENTIALS))
                .hasMessage("Wrong user name or password.");
    }

    @Test
    void active_calls_are_read_and_unknown_fields_ignored() {
        Instant raisedAt = Instant.parse("2026-11-23T09:00:00.123Z");
        server.raiseSilently("201", "Rom 201", "PATIENT_CALL", raisedAt);
        AccessToken token = client.login("kari", "riktig-passord").token();

        assertThat(client.activeCalls(token)).singleElement().satisfies(call -> {
            assertThat(call.roomId()).isEqualTo("201");
            assertThat(call.roomName()).isEqualTo("Rom 201");
            assertThat(call.wardName()).isEqualTo("Avdeling 2 Øst");
            assertThat(call.callType()).isEqualTo("PATIENT_CALL");
            assertThat(call.raisedAt()).isEqualTo(raisedAt);
            assertThat(call.state()).isEqualTo("NOTIFIED");
        });
    }

    @Test
    void a_refused_token_is_unauthorized() {
        AccessToken forged = new AccessToken("forged", Instant.now().plus(1, ChronoUnit.HOURS));

        assertThatThrownBy(() -> client.activeCalls(forged))
                .isInstanceOfSatisfying(
                        SignalServerException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignalServerException.Reason.UNAUTHORIZED));
    }

    @Test
    void a_server_that_is_down_is_not_reachable_with_a_plain_sentence() throws IOException {
        URI nowhere = unusedLocalAddress();
        SignalServerClient offline = new SignalServerClient(nowhere);

        assertThatThrownBy(() -> offline.login("kari", "riktig-passord"))
                .isInstanceOfSatisfying(
                        SignalServerException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignalServerException.Reason.NOT_REACHABLE))
                .hasMessage("Signal server not reachable at " + nowhere + ".");
        assertThat(offline.isHealthy()).isFalse();
    }

    @Test
    void protection_alerts_are_read_with_the_fields_the_server_leaves_out_filled_in() {
        server.withUser("tekniker", "pw", "TECHNICIAN");
        Instant raisedAt = Instant.parse("2026-11-23T09:00:00Z");
        server.protectionLostSilently(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                "kari",
                raisedAt,
                FakeSignalServer.need("CALL_BUTTON", "BED", "SILENT"));
        server.protectionLostSilently("res-8", "Per Olsen", "202", "Rom 202", null, raisedAt.plusSeconds(60));

        assertThat(client.protectionAlerts(
                        client.login("kari", "riktig-passord").token()))
                .satisfiesExactly(
                        alert -> {
                            assertThat(alert.residentId()).isEqualTo("res-7");
                            assertThat(alert.displayName()).isEqualTo("Astrid Hansen");
                            assertThat(alert.roomName()).isEqualTo("Rom 201");
                            assertThat(alert.addressedToYou()).isTrue();
                            assertThat(alert.isCleared()).isFalse();
                            assertThat(alert.raisedAt()).isEqualTo(raisedAt);
                            assertThat(alert.changedAt()).isEqualTo(raisedAt);
                            assertThat(alert.uncovered()).singleElement().satisfies(need -> {
                                assertThat(need.deviceType()).isEqualTo("CALL_BUTTON");
                                assertThat(need.locationKind()).isEqualTo("BED");
                                assertThat(need.coverage()).isEqualTo("SILENT");
                            });
                        },
                        alert -> {
                            assertThat(alert.responsibleNurse()).isNull();
                            assertThat(alert.addressedToYou()).isFalse();
                            assertThat(alert.uncovered()).isEmpty();
                        });
        assertThat(client.protectionAlerts(client.login("tekniker", "pw").token()))
                .extracting(ProtectionAlert::displayName)
                .containsOnlyNulls();
    }

    @Test
    void health_is_up() {
        assertThat(client.isHealthy()).isTrue();
    }

    @Test
    void base_address_with_trailing_slash_is_accepted() {
        SignalServerClient slashed = new SignalServerClient(URI.create(server.uri() + "/"));

        assertThat(slashed.baseUri()).isEqualTo(server.uri());
        assertThat(slashed.isHealthy()).isTrue();
    }

    /** An address on this machine where nothing listens. */
    static URI unusedLocalAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
