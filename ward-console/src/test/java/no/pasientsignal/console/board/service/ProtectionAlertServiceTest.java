package no.pasientsignal.console.board.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.console.board.service.BoardState.Connection;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.client.NeedCoverage;
import no.pasientsignal.console.client.ProtectionAlert;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.client.SignalServerException;
import org.junit.jupiter.api.Test;

/** The state logic of one board's protection feed, driven directly (no stream is started). */
class ProtectionAlertServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final ProtectionAlertService service = new ProtectionAlertService(
            new SignalServerClient(URI.create("http://127.0.0.1:9")), Backoff.DEFAULT, Duration.ofSeconds(90), clock);
    private final List<ProtectionState> states = new ArrayList<>();

    @Test
    void protection_alerts_are_for_nurses_night_staff_and_administrators_only() {
        assertThat(ProtectionAlertService.isFor(List.of("NURSE"))).isTrue();
        assertThat(ProtectionAlertService.isFor(List.of("NIGHT_STAFF"))).isTrue();
        assertThat(ProtectionAlertService.isFor(List.of("ADMINISTRATOR"))).isTrue();
        assertThat(ProtectionAlertService.isFor(List.of("TECHNICIAN"))).isFalse();
        assertThat(ProtectionAlertService.isFor(List.of("QUALITY_LEAD"))).isFalse();
    }

    @Test
    void own_residents_come_first_then_the_oldest_and_cleared_ones_go() {
        var feed = feed(T0.plusSeconds(3600));

        feed.onSnapshot(
                List.of(alert("res-1", false, "RAISED", T0), alert("res-2", false, "RAISED", T0.plusSeconds(1))));
        feed.onChange(alert("res-3", true, "RAISED", T0.plusSeconds(2)));

        assertThat(last().isLive()).isTrue();
        assertThat(last().alerts()).extracting(ProtectionAlert::residentId).containsExactly("res-3", "res-1", "res-2");

        feed.onChange(alert("res-1", false, "CLEARED", T0.plusSeconds(5)));

        assertThat(last().alerts()).extracting(ProtectionAlert::residentId).containsExactly("res-3", "res-2");
    }

    @Test
    void a_change_older_than_the_snapshot_is_ignored() {
        var feed = feed(T0.plusSeconds(3600));
        ProtectionAlert updated = new ProtectionAlert(
                "res-1",
                "Astrid Hansen",
                "201",
                "Rom 201",
                "kari",
                false,
                "UPDATED",
                List.of(new NeedCoverage("BED_SENSOR", "BED", "SILENT", null, null, null, null)),
                T0,
                T0.plusSeconds(10));
        feed.onSnapshot(List.of(updated));
        int before = states.size();

        feed.onChange(alert("res-1", false, "CLEARED", T0.plusSeconds(5)));

        assertThat(states).hasSize(before);
        assertThat(last().alerts()).containsExactly(updated);
    }

    @Test
    void a_refused_or_expired_login_asks_for_a_new_login_and_stays_so() {
        var feed = feed(T0.plusSeconds(3600));
        feed.onSnapshot(List.of());

        feed.onDisconnected(new SignalServerException(SignalServerException.Reason.UNAUTHORIZED, "refused"));
        feed.onDisconnected(new SignalServerException(SignalServerException.Reason.NOT_REACHABLE, "down"));

        assertThat(last().connection()).isEqualTo(Connection.LOGIN_REQUIRED);

        var expired = feed(T0.minusSeconds(1));
        assertThat(expired.current()).isNull();
        assertThat(last().connection()).isEqualTo(Connection.LOGIN_REQUIRED);
    }

    @Test
    void a_broken_stream_is_reported_as_reconnecting() {
        var feed = feed(T0.plusSeconds(3600));
        feed.onSnapshot(List.of());

        feed.onDisconnected(new SignalServerException(SignalServerException.Reason.NOT_REACHABLE, "down"));

        assertThat(last().connection()).isEqualTo(Connection.RECONNECTING);
    }

    private ProtectionAlertService.Feed feed(Instant tokenExpiresAt) {
        return service.new Feed(new AccessToken("t", tokenExpiresAt), states::add);
    }

    private ProtectionState last() {
        return states.getLast();
    }

    private static ProtectionAlert alert(String residentId, boolean yours, String state, Instant at) {
        return new ProtectionAlert(
                residentId, "Name " + residentId, "201", "Rom 201", "kari", yours, state, null, T0, at);
    }
}
