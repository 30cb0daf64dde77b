package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCredentialsTest {

    private static final SiteCa CA = SiteCa.create("Devices", Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void issued_locally_through_the_csr_path_with_client_auth() throws Exception {
        var credentials = DeviceCredentials.issueLocally(CA, "call-201", Duration.ofDays(7));

        assertThat(credentials.deviceId()).isEqualTo("call-201");
        assertThat(credentials.caCertificate()).isEqualTo(CA.certificate());
        assertThat(credentials.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(DeviceIdentity.deviceId(credentials.certificate())).contains("call-201");
        assertThat(Keys.matches(
                        credentials.privateKey(), credentials.certificate().getPublicKey()))
                .isTrue();
        assertThat(credentials.certificateChain()).containsExactly(credentials.certificate(), CA.certificate());
        assertThat(credentials.toString()).contains("call-201").doesNotContain("BEGIN");
        Pkix.validate(credentials.certificate(), CA.certificate());
    }

    @Test
    void save_and_load_round_trip_with_the_documented_file_names() throws Exception {
        var credentials = DeviceCredentials.issueLocally(CA, "call-201", Duration.ofDays(7));

        credentials.save(dir.resolve("devices"));
        var loaded = DeviceCredentials.load(dir.resolve("devices"), "call-201");

        assertThat(dir.resolve("devices/call-201.pem")).isRegularFile();
        assertThat(dir.resolve("devices/call-201-key.pem")).isRegularFile();
        assertThat(Pem.readCertificates(dir.resolve("devices/call-201.pem")))
                .containsExactly(credentials.certificate(), CA.certificate());
        assertThat(loaded.certificate()).isEqualTo(credentials.certificate());
        assertThat(loaded.caCertificate()).isEqualTo(credentials.caCertificate());
        assertThat(loaded.privateKey().getEncoded())
                .isEqualTo(credentials.privateKey().getEncoded());
    }

    @Test
    void load_refuses_a_key_of_another_device_or_a_renamed_file() throws Exception {
        var one = DeviceCredentials.issueLocally(CA, "call-1", Duration.ofDays(7));
        var two = DeviceCredentials.issueLocally(CA, "call-2", Duration.ofDays(7));
        one.save(dir);
        two.save(dir);

        Files.copy(
                dir.resolve("call-2-key.pem"),
                dir.resolve("call-1-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> DeviceCredentials.load(dir, "call-1")).hasMessageContaining("does not belong");

        Files.copy(dir.resolve("call-2.pem"), dir.resolve("call-3.pem"));
        Files.copy(dir.resolve("call-2-key.pem"), dir.resolve("call-3-key.pem"));
        assertThatThrownBy(() -> DeviceCredentials.load(dir, "call-3")).hasMessageContaining("is not device call-3");

        assertThatThrownBy(() -> DeviceCredentials.load(dir, "call-4")).hasMessageContaining("call-4.pem");
        assertThatThrownBy(() -> DeviceCredentials.load(dir, "../call-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalid_device_id_is_refused() {
        assertThatThrownBy(() -> DeviceCredentials.issueLocally(CA, "bad id", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid device id");
    }
}
