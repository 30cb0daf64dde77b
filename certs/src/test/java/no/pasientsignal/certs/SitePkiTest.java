package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePkiTest {

    private static final List<String> FILES = List.of("ca.pem", "ca-key.pem", "server.pem", "server-key.pem");

    @TempDir
    Path tmp;

    @Test
    void bootstrap_creates_the_directory_ca_server_chain_and_keys() throws Exception {
        Path dir = tmp.resolve("site/pki");

        var pki = SitePki.bootstrap(dir, "Solbakken", List.of("localhost"), List.of("127.0.0.1"));

        for (String file : FILES) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
        assertThat(pki.dir()).isEqualTo(dir);
        assertThat(pki.caCertificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Solbakken Site CA,O=Pasientsignal");
        assertThat(Pem.readCertificates(dir.resolve("server.pem")))
                .containsExactly(pki.serverCertificate(), pki.caCertificate());
        assertThat(pki.serverCertificateChain()).containsExactly(pki.serverCertificate(), pki.caCertificate());
        assertThat(pki.serverCertificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(Keys.matches(pki.serverKey(), pki.serverCertificate().getPublicKey()))
                .isTrue();
        Pkix.validate(pki.serverCertificate(), pki.caCertificate());
        assertThat(SiteCa.load(dir).certificate()).isEqualTo(pki.caCertificate());
    }

    @Test
    void bootstrap_is_idempotent_and_never_overwrites() throws Exception {
        var first = SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of("127.0.0.1"));
        Map<String, byte[]> contents = new HashMap<>();
        Map<String, FileTime> times = new HashMap<>();
        for (String file : FILES) {
            contents.put(file, Files.readAllBytes(tmp.resolve(file)));
            Files.setLastModifiedTime(tmp.resolve(file), FileTime.fromMillis(1_000_000_000_000L));
            times.put(file, Files.getLastModifiedTime(tmp.resolve(file)));
        }

        var second = SitePki.bootstrap(tmp, "Another name", List.of("elsewhere"), List.of("10.0.0.1"));

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isEqualTo(first.serverCertificate());
        assertThat(second.serverKey().getEncoded()).isEqualTo(first.serverKey().getEncoded());
        for (String file : FILES) {
            assertThat(Files.readAllBytes(tmp.resolve(file))).as(file).isEqualTo(contents.get(file));
            assertThat(Files.getLastModifiedTime(tmp.resolve(file))).as(file).isEqualTo(times.get(file));
        }
    }

    @Test
    void complete_site_directory_loads_without_write_access() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path dir = tmp.resolve("site");
        var first = SitePki.bootstrap(dir, "Solbakken", List.of("localhost"), List.of());
        Files.delete(dir.resolve(".bootstrap.lock"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            var second = SitePki.bootstrap(dir, "Solbakken", List.of("localhost"), List.of());

            assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
            assertThat(dir.resolve(".bootstrap.lock")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void half_a_ca_is_refused_and_the_remaining_key_is_not_overwritten() throws Exception {
        SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of());
        byte[] caKey = Files.readAllBytes(tmp.resolve("ca-key.pem"));
        Files.delete(tmp.resolve("ca.pem"));

        assertThatThrownBy(() -> SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of()))
                .hasMessageContaining("ca-key.pem exists but ca.pem does not")
                .hasMessageContaining("Restore ca.pem");
        assertThat(Files.readAllBytes(tmp.resolve("ca-key.pem"))).isEqualTo(caKey);
        assertThat(tmp.resolve("ca.pem")).doesNotExist();
    }

    @Test
    void missing_server_files_are_reissued_by_the_existing_ca() throws Exception {
        var first = SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of());
        Files.delete(tmp.resolve("server.pem"));
        Files.delete(tmp.resolve("server-key.pem"));

        var second = SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of("127.0.0.1"));

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isNotEqualTo(first.serverCertificate());
        Pkix.validate(second.serverCertificate(), first.caCertificate());
    }

    @Test
    void server_certificate_from_another_ca_is_refused() throws Exception {
        SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of());
        Path otherDir = tmp.resolve("other");
        SitePki.bootstrap(otherDir, "Other", List.of("localhost"), List.of());
        Files.copy(
                otherDir.resolve("server.pem"),
                tmp.resolve("server.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of()))
                .hasMessageContaining("was not issued by the CA");
    }

    @Test
    void concurrent_bootstraps_agree_on_one_ca() throws Exception {
        List<Callable<SitePki>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> SitePki.bootstrap(tmp, "Solbakken", List.of("localhost"), List.of()));
        }
        List<SitePki> results = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(4)) {
            for (Future<SitePki> future : executor.invokeAll(tasks)) {
                results.add(future.get());
            }
        }

        var onDisk = SitePki.load(tmp);
        assertThat(results).allSatisfy(pki -> {
            assertThat(pki.caCertificate()).isEqualTo(onDisk.caCertificate());
            assertThat(pki.serverCertificate()).isEqualTo(onDisk.serverCertificate());
        });
    }

    @Test
    void bootstrap_validates_names_before_writing_anything() {
        Path dir = tmp.resolve("site");

        assertThatThrownBy(() -> SitePki.bootstrap(dir, "Solbakken", List.of(), List.of()))
                .hasMessageContaining("at least one DNS name or IP address");

        assertThat(dir.resolve("ca.pem")).doesNotExist();
        assertThat(dir.resolve("ca-key.pem")).doesNotExist();
        assertThat(dir.resolve("server.pem")).doesNotExist();
    }
}
