package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrolmentCredentialTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void the_secret_never_shows_in_text() {
        var credential = new EnrolmentCredential("enrol-1", "call-1", SECRET, T0, T0.plusSeconds(60), "tekniker");

        assertThat(credential.toString()).contains("enrol-1", "call-1").doesNotContain(SECRET, "aabbcc");
        assertThat(credential.secret()).hasSize(32);
    }

    @Test
    void a_credential_is_expired_from_its_expiry_instant_on() {
        var credential = new EnrolmentCredential("enrol-1", "call-1", SECRET, T0, T0.plusSeconds(60), null);

        assertThat(credential.isExpiredAt(T0.plusSeconds(59))).isFalse();
        assertThat(credential.isExpiredAt(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void secrets_must_be_256_bits_of_lower_case_hex_and_expiry_after_issue() {
        assertThatThrownBy(() -> new EnrolmentCredential("e", "d", "abc", T0, T0.plusSeconds(1), null))
                .hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> new EnrolmentCredential("e", "d", SECRET.toUpperCase(), T0, T0.plusSeconds(1), null))
                .hasMessageContaining("hex");
        assertThatThrownBy(() -> new EnrolmentCredential("e", "d", SECRET, T0, T0, null))
                .hasMessageContaining("expire after");
    }

    @Test
    void settings_default_to_a_day_for_credentials_and_refuse_absurd_values_naming_the_property() {
        assertThat(EnrolmentSettings.defaults().credentialLifetime()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> new EnrolmentSettings(Duration.ofSeconds(5), Duration.ofDays(365)))
                .hasMessageContaining("signal.enrolment.credential-lifetime");
        assertThatThrownBy(() -> new EnrolmentSettings(Duration.ofDays(31), Duration.ofDays(365)))
                .hasMessageContaining("signal.enrolment.credential-lifetime");
        assertThatThrownBy(() -> new EnrolmentSettings(Duration.ofHours(1), Duration.ofDays(4000)))
                .hasMessageContaining("signal.enrolment.certificate-validity");
    }
}
