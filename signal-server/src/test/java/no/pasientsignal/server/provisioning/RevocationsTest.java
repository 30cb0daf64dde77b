package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.SiteCa;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    private static final SiteCa CA = SiteCa.create("Solsiden", Duration.ofDays(365));

    private final Revocations revocations = new Revocations();

    @Test
    void a_revoked_serial_is_refused_and_other_certificates_of_the_device_pass() {
        var revoked =
                DeviceCredentials.issueLocally(CA, "call-1", Duration.ofDays(1)).certificate();
        var other =
                DeviceCredentials.issueLocally(CA, "call-1", Duration.ofDays(1)).certificate();

        revocations.revoke("call-1", Set.of(Revocations.serial(revoked.getSerialNumber())), false);

        assertThat(revocations.refusal(revoked))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("revoked")
                        .contains(revoked.getSerialNumber().toString(16)));
        assertThat(revocations.refusal(other)).isEmpty();
        assertThat(revocations.isRetired("call-1")).isFalse();
    }

    @Test
    void every_certificate_of_a_retired_device_is_refused_even_one_never_recorded() {
        var unrecorded =
                DeviceCredentials.issueLocally(CA, "call-2", Duration.ofDays(1)).certificate();
        var otherDevice =
                DeviceCredentials.issueLocally(CA, "call-3", Duration.ofDays(1)).certificate();

        revocations.revoke("call-2", Set.of(), true);

        assertThat(revocations.refusal(unrecorded)).contains("device call-2 is out of service");
        assertThat(revocations.refusal(otherDevice)).isEmpty();
    }

    @Test
    void listeners_hear_of_a_revocation_once_it_is_in_force() throws Exception {
        var certificate =
                DeviceCredentials.issueLocally(CA, "call-4", Duration.ofDays(1)).certificate();
        String serial = Revocations.serial(certificate.getSerialNumber());
        List<Boolean> inForceWhenTold = new ArrayList<>();
        List<Revocation> heard = new ArrayList<>();
        try (var subscription = revocations.subscribe(revocation -> {
            inForceWhenTold.add(revocations.isRevoked(certificate.getSerialNumber()));
            heard.add(revocation);
        })) {
            revocations.revoke("call-4", Set.of(serial), true);
        }
        revocations.revoke("call-5", Set.of(), true);

        assertThat(heard).containsExactly(new Revocation("call-4", Set.of(serial), true));
        assertThat(inForceWhenTold).containsExactly(true);
    }

    @Test
    void a_failing_listener_does_not_stop_the_revocation_or_the_others() {
        var certificate =
                DeviceCredentials.issueLocally(CA, "call-6", Duration.ofDays(1)).certificate();
        List<String> heard = new ArrayList<>();
        revocations.subscribe(revocation -> {
            throw new IllegalStateException("listener broke");
        });
        revocations.subscribe(revocation -> heard.add(revocation.deviceId()));

        revocations.revoke("call-6", Set.of(Revocations.serial(certificate.getSerialNumber())), false);

        assertThat(revocations.isRevoked(certificate.getSerialNumber())).isTrue();
        assertThat(heard).containsExactly("call-6");
    }
}
