package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {

    private static final SiteCa CA = SiteCa.create("Identity", Duration.ofDays(30));

    @Test
    void device_certificate_yields_its_cn() {
        var device = DeviceCredentials.issueLocally(CA, "room-12.bed_2", Duration.ofDays(1));
        assertThat(DeviceIdentity.deviceId(device.certificate())).contains("room-12.bed_2");
    }

    @Test
    void server_and_ca_certificates_yield_no_device_id() {
        var server = CA.issueServer(
                Keys.generateEc().getPublic(), "server", List.of("localhost"), List.of(), Duration.ofDays(1));
        assertThat(DeviceIdentity.deviceId(server)).isEmpty();
        assertThat(DeviceIdentity.deviceId(CA.certificate())).isEmpty();
    }

    @Test
    void subject_without_ou_device_or_with_an_invalid_cn_yields_no_device_id() {
        assertThat(DeviceIdentity.deviceId(issue("CN=call-1, OU=staff, O=Pasientsignal")))
                .isEmpty();
        assertThat(DeviceIdentity.deviceId(issue("CN=call-1, O=Pasientsignal"))).isEmpty();
        assertThat(DeviceIdentity.deviceId(issue("CN=call 1, OU=device, O=Pasientsignal")))
                .isEmpty();
        assertThat(DeviceIdentity.deviceId(issue("CN=call-1, OU=device, OU=staff, O=Pasientsignal")))
                .isEmpty();
        assertThat(DeviceIdentity.deviceId(issue("CN=call-1, OU=device, O=Anyone")))
                .contains("call-1");
    }

    @Test
    void device_id_rule_is_1_to_64_safe_characters() {
        assertThat(DeviceIdentity.isValidDeviceId("a")).isTrue();
        assertThat(DeviceIdentity.isValidDeviceId("A-z_0.9")).isTrue();
        assertThat(DeviceIdentity.isValidDeviceId("x".repeat(64))).isTrue();
        assertThat(DeviceIdentity.isValidDeviceId("x".repeat(65))).isFalse();
        assertThat(DeviceIdentity.isValidDeviceId("")).isFalse();
        assertThat(DeviceIdentity.isValidDeviceId(null)).isFalse();
        assertThat(DeviceIdentity.isValidDeviceId("../etc")).isFalse();
        assertThat(DeviceIdentity.isValidDeviceId("rom-ø")).isFalse();
        assertThat(DeviceIdentity.isValidDeviceId("call-1\n")).isFalse();
    }

    @Test
    void device_subject_reads_cn_ou_o_in_that_order() {
        assertThat(DeviceIdentity.subject("call-7").getName()).isEqualTo("CN=call-7,OU=device,O=Pasientsignal");
    }

    private static java.security.cert.X509Certificate issue(String subject) {
        Instant now = Instant.now();
        return CA.issue(
                CertProfile.device(),
                subject,
                Keys.generateEc().getPublic(),
                now.minusSeconds(60),
                now.plus(Duration.ofDays(1)));
    }
}
