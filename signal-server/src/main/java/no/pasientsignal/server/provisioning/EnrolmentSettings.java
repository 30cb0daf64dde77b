package no.pasientsignal.server.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Enrolment settings ({@code signal.enrolment.*}).
 *
 * @param credentialLifetime how long a one-time enrolment credential can be used: long enough to
 *     carry it to the room and mount the device on the same shift, short enough that a lost note is
 *     soon worthless (1 minute to 30 days)
 * @param certificateValidity how long a device certificate issued at enrolment is valid (1 to 3650
 *     days; never beyond the site CA's own expiry)
 */
@ConfigurationProperties("signal.enrolment")
public record EnrolmentSettings(
        @Bindable(defaultValue = "24h") @NotNull Duration credentialLifetime,
        @Bindable(defaultValue = "730d") @NotNull Duration certificateValidity) {

    static final Duration MIN_CREDENTIAL_LIFETIME = Duration.ofMinutes(1);
    static final Duration MAX_CREDENTIAL_LIFETIME = Duration.ofDays(30);
    static final Duration MIN_CERTIFICATE_VALIDITY = Duration.ofDays(1);
    static final Duration MAX_CERTIFICATE_VALIDITY = Duration.ofDays(3650);

    public EnrolmentSettings {
        if (credentialLifetime == null
                || credentialLifetime.compareTo(MIN_CREDENTIAL_LIFETIME) < 0
                || credentialLifetime.compareTo(MAX_CREDENTIAL_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "signal.enrolment.credential-lifetime must be 1 minute to 30 days, was " + credentialLifetime);
        }
        if (certificateValidity == null
                || certificateValidity.compareTo(MIN_CERTIFICATE_VALIDITY) < 0
                || certificateValidity.compareTo(MAX_CERTIFICATE_VALIDITY) > 0) {
            throw new IllegalArgumentException(
                    "signal.enrolment.certificate-validity must be 1 to 3650 days, was " + certificateValidity);
        }
    }

    /** The defaults: credentials for 24 hours, certificates for two years. */
    public static EnrolmentSettings defaults() {
        return new EnrolmentSettings(Duration.ofHours(24), Duration.ofDays(730));
    }
}
