package no.pasientsignal.certs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import no.pasientsignal.certs.Csr;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Fingerprint;
import no.pasientsignal.certs.Keys;
import no.pasientsignal.certs.Pem;
import no.pasientsignal.certs.SiteCa;
import no.pasientsignal.certs.SitePki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCliTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = CertsCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void init_site_creates_ca_and_server_files_and_is_idempotent() throws Exception {
        Path site = tmp.resolve("site");

        var first = run(
                "init-site",
                "--dir",
                site.toString(),
                "--site",
                "Solbakken",
                "--dns",
                "localhost",
                "--dns",
                "signal.local",
                "--ip",
                "127.0.0.1");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Site CA (created): CN=Solbakken Site CA,O=Pasientsignal");
        var pki = SitePki.load(site);
        assertThat(pki.serverCertificate().getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("localhost", "signal.local", "127.0.0.1");
        assertThat(first.out()).contains(Fingerprint.sha256(pki.caCertificate()));

        var second = run("init-site", "--dir", site.toString(), "--site", "Other");

        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("existing, kept");
        assertThat(SitePki.load(site).caCertificate()).isEqualTo(pki.caCertificate());
    }

    @Test
    void init_site_defaults_to_localhost_and_127_0_0_1() throws Exception {
        var result = run("init-site", "--dir", tmp.toString(), "--site", "Demo");

        assertThat(result.exit()).isZero();
        assertThat(SitePki.load(tmp).serverCertificate().getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");
    }

    @Test
    void new_device_writes_credentials_signed_by_the_site_ca() throws Exception {
        Path site = tmp.resolve("site");
        Path devices = tmp.resolve("devices");
        run("init-site", "--dir", site.toString(), "--site", "Solbakken");

        var result = run(
                "new-device",
                "--dir",
                site.toString(),
                "--id",
                "call-201",
                "--out-dir",
                devices.toString(),
                "--days",
                "30");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Device call-201").contains("call-201-key.pem");
        var credentials = DeviceCredentials.load(devices, "call-201");
        credentials.certificate().verify(SiteCa.load(site).certificate().getPublicKey());
        assertThat(credentials.certificate().getNotAfter().toInstant())
                .isBefore(Instant.now().plus(Duration.ofDays(31)))
                .isAfter(Instant.now().plus(Duration.ofDays(29)));

        var again = run("new-device", "--dir", site.toString(), "--id", "call-201", "--out-dir", devices.toString());
        assertThat(again.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(DeviceCredentials.load(devices, "call-201").certificate()).isEqualTo(credentials.certificate());

        var forced = run(
                "new-device", "--dir", site.toString(), "--id", "call-201", "--out-dir", devices.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(DeviceCredentials.load(devices, "call-201").certificate()).isNotEqualTo(credentials.certificate());
    }

    @Test
    void new_device_with_invalid_id_is_a_usage_error() {
        var result = run("new-device", "--dir", tmp.toString(), "--id", "call 201", "--out-dir", tmp.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid device id 'call 201'");
        assertThat(tmp.resolve("call 201.pem")).doesNotExist();
    }

    @Test
    void sign_csr_accepts_pem_and_der_requests() throws Exception {
        Path site = tmp.resolve("site");
        run("init-site", "--dir", site.toString(), "--site", "Solbakken");
        byte[] csr = Csr.create(Keys.generateEc(), "room-12");
        Path pem = tmp.resolve("room-12.csr");
        Path der = tmp.resolve("room-12.der");
        Pem.writeCertificateRequest(pem, csr);
        Files.write(der, csr);

        var fromPem = run(
                "sign-csr",
                "--dir",
                site.toString(),
                "--csr",
                pem.toString(),
                "--out",
                tmp.resolve("a.pem").toString());
        var fromDer = run(
                "sign-csr",
                "--dir",
                site.toString(),
                "--csr",
                der.toString(),
                "--out",
                tmp.resolve("b.pem").toString(),
                "--days",
                "10");

        assertThat(fromPem.exit()).as(fromPem.err()).isZero();
        assertThat(fromDer.exit()).as(fromDer.err()).isZero();
        assertThat(fromPem.out()).contains("for device room-12");
        var ca = SiteCa.load(site).certificate();
        for (String out : new String[] {"a.pem", "b.pem"}) {
            var chain = Pem.readCertificates(tmp.resolve(out));
            assertThat(chain).hasSize(2).endsWith(ca);
            assertThat(DeviceIdentity.deviceId(chain.getFirst())).contains("room-12");
            chain.getFirst().verify(ca.getPublicKey());
        }
    }

    @Test
    void sign_csr_with_a_missing_csr_file_fails_with_a_message_and_no_stack_trace() {
        Path site = tmp.resolve("site");
        run("init-site", "--dir", site.toString(), "--site", "Solbakken");
        Path out = tmp.resolve("out.pem");

        var result = run(
                "sign-csr",
                "--dir",
                site.toString(),
                "--csr",
                tmp.resolve("nope.csr").toString(),
                "--out",
                out.toString());

        assertThat(result.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(result.err()).contains("nope.csr").contains("file not found");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void sign_csr_refuses_a_bad_request_or_a_missing_site() throws Exception {
        Path site = tmp.resolve("site");
        run("init-site", "--dir", site.toString(), "--site", "Solbakken");
        Path garbage = tmp.resolve("garbage.der");
        Files.write(garbage, new byte[] {1, 2, 3});
        byte[] tampered = Csr.create(Keys.generateEc(), "call-1");
        tampered[tampered.length - 1] ^= 1;
        Path tamperedFile = tmp.resolve("tampered.der");
        Files.write(tamperedFile, tampered);
        Path out = tmp.resolve("out.pem");

        var bad = run("sign-csr", "--dir", site.toString(), "--csr", garbage.toString(), "--out", out.toString());
        var forged =
                run("sign-csr", "--dir", site.toString(), "--csr", tamperedFile.toString(), "--out", out.toString());
        var noSite = run(
                "sign-csr",
                "--dir",
                tmp.resolve("nosite").toString(),
                "--csr",
                tamperedFile.toString(),
                "--out",
                out.toString());

        assertThat(bad.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(bad.err()).contains("not a DER PKCS#10").doesNotContain("\tat ");
        assertThat(forged.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(forged.err()).contains("signature does not verify");
        assertThat(noSite.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(noSite.err()).contains("ca.pem").contains("file not found");
        assertThat(out).doesNotExist();
    }

    @Test
    void show_prints_subject_issuer_validity_sans_eku_and_fingerprint() throws Exception {
        run("init-site", "--dir", tmp.toString(), "--site", "Solbakken");
        var pki = SitePki.load(tmp);

        var result = run("show", tmp.resolve("server.pem").toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Certificate 1 of 2")
                .contains("Subject:             CN=Solbakken server,O=Pasientsignal")
                .contains("Issuer:              CN=Solbakken Site CA,O=Pasientsignal")
                .contains("Validity:")
                .contains("(valid now)")
                .contains("Subject alt names:   DNS:localhost, IP:127.0.0.1")
                .contains("Extended key usage:  serverAuth")
                .contains("CA:                  yes, path length 0")
                .contains(Fingerprint.sha256(pki.serverCertificate()))
                .contains(Fingerprint.sha256(pki.caCertificate()));
    }

    @Test
    void show_of_a_der_device_certificate_prints_the_device_id() throws Exception {
        var ca = SiteCa.create("Show", Duration.ofDays(1));
        var device = DeviceCredentials.issueLocally(ca, "call-77", Duration.ofDays(1));
        Path der = tmp.resolve("device.der");
        Files.write(der, device.certificate().getEncoded());

        var result = run("show", der.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Device id:           call-77").contains("clientAuth");
    }

    @Test
    void show_of_a_missing_or_non_certificate_file_fails_cleanly() throws Exception {
        var missing = run("show", tmp.resolve("missing.pem").toString());
        Path key = tmp.resolve("key.pem");
        Pem.writePrivateKey(key, Keys.generateEc().getPrivate());
        var notACert = run("show", key.toString());

        assertThat(missing.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(missing.err()).contains("missing.pem");
        assertThat(notACert.exit()).isEqualTo(CertsCli.EXIT_ERROR);
        assertThat(notACert.err()).contains("no PEM CERTIFICATE block").doesNotContain("\tat ");
    }

    @Test
    void missing_required_option_or_subcommand_is_a_usage_error() {
        var noCommand = run();
        var noSite = run("init-site", "--dir", tmp.toString());

        assertThat(noCommand.exit()).isEqualTo(2);
        assertThat(noCommand.err()).contains("Missing command");
        assertThat(noSite.exit()).isEqualTo(2);
        assertThat(noSite.err()).contains("--site");
    }
}
