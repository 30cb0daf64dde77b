package no.pasientsignal.certs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.time.Instant;
import java.util.List;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.SitePki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturePkiTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    static Path dir;

    static FixturePki pki;

    @BeforeAll
    static void create() {
        pki = FixturePki.create(dir);
    }

    @Test
    void site_has_a_server_certificate_for_localhost_and_loopback_addresses() throws Exception {
        assertThat(pki.site().dir()).isEqualTo(dir);
        assertThat(pki.site().serverCertificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(pki.siteCa().certificate()).isEqualTo(pki.site().caCertificate());
        assertThat(SitePki.load(dir).caCertificate()).isEqualTo(pki.site().caCertificate());
    }

    @Test
    void valid_device_is_current_client_auth_from_the_site_ca() throws Exception {
        var valid = pki.valid();

        assertThat(valid.deviceId()).isEqualTo(FixturePki.VALID_DEVICE_ID);
        valid.certificate().checkValidity();
        valid.certificate().verify(pki.site().caCertificate().getPublicKey());
        assertThat(valid.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(DeviceIdentity.deviceId(valid.certificate())).contains("call-201");
    }

    @Test
    void expired_device_ended_yesterday() throws Exception {
        var expired = pki.expired();

        expired.certificate().verify(pki.site().caCertificate().getPublicKey());
        assertThat(expired.certificate().getNotAfter().toInstant())
                .isBefore(Instant.now())
                .isAfter(Instant.now().minusSeconds(2 * 24 * 3600));
        assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
        assertThat(expired.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    }

    @Test
    void foreign_ca_device_looks_valid_but_is_not_from_the_site_ca() throws Exception {
        var foreign = pki.foreignCa();

        foreign.certificate().checkValidity();
        assertThat(DeviceIdentity.deviceId(foreign.certificate())).contains(FixturePki.FOREIGN_DEVICE_ID);
        assertThat(foreign.caCertificate())
                .isEqualTo(pki.foreignCaCertificate())
                .isNotEqualTo(pki.site().caCertificate());
        foreign.certificate().verify(pki.foreignCaCertificate().getPublicKey());
        assertThatThrownBy(() ->
                        foreign.certificate().verify(pki.site().caCertificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void no_client_auth_device_is_from_the_site_ca_with_server_auth_only() throws Exception {
        var device = pki.noClientAuth();

        device.certificate().checkValidity();
        device.certificate().verify(pki.site().caCertificate().getPublicKey());
        assertThat(device.certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(DeviceIdentity.deviceId(device.certificate())).contains(FixturePki.NO_CLIENT_AUTH_DEVICE_ID);
    }

    @Test
    void device_issues_more_valid_devices_and_every_device_is_on_disk() throws Exception {
        var extra = pki.device("call-202");

        assertThat(extra.deviceId()).isEqualTo("call-202");
        assertThat(extra.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        extra.certificate().verify(pki.site().caCertificate().getPublicKey());
        for (var device : List.of(pki.valid(), pki.expired(), pki.foreignCa(), pki.noClientAuth(), extra)) {
            var loaded = DeviceCredentials.load(pki.devicesDir(), device.deviceId());
            assertThat(loaded.certificate()).as(device.deviceId()).isEqualTo(device.certificate());
            assertThat(Keys.matches(loaded.privateKey(), device.certificate().getPublicKey()))
                    .isTrue();
        }
    }

    @Test
    void valid_device_id_is_configurable(@TempDir Path other) {
        assertThat(FixturePki.create(other, "room-7").valid().deviceId()).isEqualTo("room-7");
    }
}
