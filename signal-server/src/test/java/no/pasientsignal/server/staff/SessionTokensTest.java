package no.pasientsignal.server.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import no.pasientsignal.server.MutableClock;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private final StaffAccount kari = new StaffAccount("kari", "Kari", Set.of(Role.NURSE), "$argon2id$unused");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T21:00:00Z"));
    private final SessionTokens sessions = new SessionTokens(clock, Duration.ofHours(12));

    @Test
    void an_open_session_identifies_its_staff_member() {
        var session = sessions.open(kari);
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(sessions.validate(session.token())).contains(kari);
    }

    @Test
    void tokens_are_unguessable_and_distinct() {
        var a = sessions.open(kari).token();
        var b = sessions.open(kari).token();
        assertThat(a).isNotEqualTo(b).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.validate(a + "x")).isEmpty();
        assertThat(sessions.validate("")).isEmpty();
        assertThat(sessions.validate(null)).isEmpty();
        assertThat(sessions.validate("a".repeat(10_000))).isEmpty();
    }

    @Test
    void a_session_ends_at_its_expiry() {
        var session = sessions.open(kari);
        clock.set(session.expiresAt().minusSeconds(1));
        assertThat(sessions.validate(session.token())).isPresent();
        clock.set(session.expiresAt());
        assertThat(sessions.validate(session.token())).isEmpty();
    }

    @Test
    void a_revoked_session_is_refused_at_once_and_others_live_on() {
        var tablet = sessions.open(kari);
        var desk = sessions.open(kari);
        sessions.revoke(tablet.token());
        assertThat(sessions.validate(tablet.token())).isEmpty();
        assertThat(sessions.validate(desk.token())).isPresent();
    }

    @Test
    void lifetime_must_be_positive() {
        assertThatThrownBy(() -> new SessionTokens(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_session_of_one_staff_member_ends_at_once_and_nobody_elses() {
        var ola = new StaffAccount("ola", "Ola", Set.of(Role.TECHNICIAN), "$argon2id$unused");
        var tablet = sessions.open(kari);
        var phone = sessions.open(kari);
        var other = sessions.open(ola);

        assertThat(sessions.revokeAllOf("kari")).isEqualTo(2);

        assertThat(sessions.validate(tablet.token())).isEmpty();
        assertThat(sessions.validate(phone.token())).isEmpty();
        assertThat(sessions.validate(other.token())).contains(ola);
        assertThat(sessions.revokeAllOf("kari")).isZero();
    }
}
