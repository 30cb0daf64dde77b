package no.pasientsignal.server.provisioning;

import java.util.Objects;
import java.util.Set;

/**
 * Certificates of one device that were just revoked.
 *
 * @param deviceId the device
 * @param serials the revoked certificates' serials, lower-case hex (may be empty: a device never
 *     enrolled has none)
 * @param deviceRetired the device left service for good (replaced or decommissioned), so every
 *     certificate naming it is refused, even one the server has no record of
 */
public record Revocation(String deviceId, Set<String> serials, boolean deviceRetired) {
    public Revocation {
        Objects.requireNonNull(deviceId, "deviceId");
        serials = Set.copyOf(serials);
    }
}
