package no.pasientsignal.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    private static final SiteCa CA = SiteCa.create("Pem", Duration.ofDays(30));
    private static final DeviceCredentials DEVICE = DeviceCredentials.issueLocally(CA, "call-5", Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void chain_and_key_written_here_load_with_the_jdk_alone() throws Exception {
        Path certFile = dir.resolve("chain.pem");
        Path keyFile = dir.resolve("key.pem");

        Pem.writeCertificates(certFile, DEVICE.certificate(), CA.certificate());
        Pem.writePrivateKey(keyFile, DEVICE.privateKey());

        List<X509Certificate> jdkChain;
        try (InputStream in = Files.newInputStream(certFile)) {
            jdkChain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
        assertThat(jdkChain).containsExactly(DEVICE.certificate(), CA.certificate());

        String keyPem = Files.readString(keyFile);
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var jdkKey = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(jdkKey).isInstanceOf(ECPrivateKey.class);
        assertThat(Keys.matches(jdkKey, DEVICE.certificate().getPublicKey())).isTrue();
        assertThat(keyPem.lines().filter(line -> !line.startsWith("-----")).allMatch(line -> line.length() <= 64))
                .isTrue();
    }

    @Test
    void pem_round_trip_through_our_reader() throws Exception {
        Path certFile = dir.resolve("chain.pem");
        Path keyFile = dir.resolve("key.pem");
        Pem.writeCertificates(certFile, DEVICE.certificate(), CA.certificate());
        Pem.writePrivateKey(keyFile, DEVICE.privateKey());

        assertThat(Pem.readCertificates(certFile)).containsExactly(DEVICE.certificate(), CA.certificate());
        assertThat(Pem.readCertificate(certFile)).isEqualTo(DEVICE.certificate());
        assertThat(Pem.readPrivateKey(keyFile).getEncoded())
                .isEqualTo(DEVICE.privateKey().getEncoded());
    }

    @Test
    void text_around_pem_blocks_is_ignored() throws Exception {
        Path file = dir.resolve("annotated.pem");
        Files.writeString(
                file,
                "Certificate:\n    Data: whatever openssl -text prints\n"
                        + Pem.encodeCertificates(List.of(CA.certificate())) + "trailing words\n");

        assertThat(Pem.readCertificates(file)).containsExactly(CA.certificate());
    }

    @Test
    void private_key_file_is_owner_only_and_certificate_world_readable() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path certFile = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");

        Pem.writeCertificates(certFile, CA.certificate());
        Pem.writePrivateKey(keyFile, CA.privateKey());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certFile)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void writing_replaces_the_file_and_leaves_no_temporary_files() throws Exception {
        Path keyFile = dir.resolve("key.pem");
        Files.writeString(keyFile, "old content");

        Pem.writePrivateKey(keyFile, DEVICE.privateKey());
        Pem.writePrivateKey(keyFile, CA.privateKey());

        assertThat(Pem.readPrivateKey(keyFile).getEncoded())
                .isEqualTo(CA.privateKey().getEncoded());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("key.pem");
        }
    }

    @Test
    void writing_into_a_missing_directory_fails_without_creating_anything() {
        Path missing = dir.resolve("nope").resolve("key.pem");

        assertThatThrownBy(() -> Pem.writePrivateKey(missing, CA.privateKey())).isInstanceOf(NoSuchFileException.class);
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void reading_missing_or_wrong_files_fails_with_a_message_naming_the_file() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> Pem.readCertificates(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.pem");

        Path keyOnly = dir.resolve("key.pem");
        Pem.writePrivateKey(keyOnly, CA.privateKey());
        assertThatThrownBy(() -> Pem.readCertificates(keyOnly))
                .hasMessageContaining("key.pem")
                .hasMessageContaining("no PEM CERTIFICATE block");

        Path certOnly = dir.resolve("cert.pem");
        Pem.writeCertificates(certOnly, CA.certificate());
        assertThatThrownBy(() -> Pem.readPrivateKey(certOnly)).hasMessageContaining("no PEM PRIVATE KEY block");

        Path corrupt = dir.resolve("corrupt.pem");
        Files.writeString(corrupt, "-----BEGIN CERTIFICATE-----\nMIIB!!!!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> Pem.readCertificates(corrupt)).hasMessageContaining("corrupt.pem");

        Path sec1 = dir.resolve("sec1.pem");
        Files.writeString(sec1, Pem.encode("EC PRIVATE KEY", new byte[] {0x30, 0x00}));
        assertThatThrownBy(() -> Pem.readPrivateKey(sec1)).hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void certificate_request_reads_from_pem_or_der() throws Exception {
        byte[] csr = Csr.create(Keys.generateEc(), "call-3");
        Path pem = dir.resolve("req.pem");
        Path der = dir.resolve("req.der");
        Pem.writeCertificateRequest(pem, csr);
        Files.write(der, csr);

        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(Pem.readCertificateRequest(pem)).isEqualTo(csr);
        assertThat(Pem.readCertificateRequest(der)).isEqualTo(csr);
    }
}
