package no.pasientsignal.certs;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What kind of end-entity certificate {@link SiteCa#issue} makes. Every profile gets {@code
 * basicConstraints CA:false} and {@code keyUsage digitalSignature} (both critical, which is all
 * ECDHE-ECDSA needs), plus the extended key usages and subject alternative names given here.
 *
 * @param extendedKeyUsages at least one
 * @param dnsNames DNS subject alternative names (may be empty)
 * @param ipAddresses IPv4/IPv6 literal subject alternative names (may be empty)
 */
public record CertProfile(Set<Purpose> extendedKeyUsages, List<String> dnsNames, List<String> ipAddresses) {

    /** Extended key usages this PKI issues. */
    public enum Purpose {
        /** id-kp-serverAuth: TLS/DTLS server. */
        SERVER_AUTH,
        /** id-kp-clientAuth: TLS/DTLS client, i.e. a device. */
        CLIENT_AUTH
    }

    public CertProfile {
        extendedKeyUsages = Set.copyOf(Objects.requireNonNull(extendedKeyUsages, "extendedKeyUsages"));
        dnsNames = List.copyOf(Objects.requireNonNull(dnsNames, "dnsNames"));
        ipAddresses = List.copyOf(Objects.requireNonNull(ipAddresses, "ipAddresses"));
        if (extendedKeyUsages.isEmpty()) {
            throw new IllegalArgumentException("a certificate profile needs at least one extended key usage");
        }
    }

    /** Device client certificate: clientAuth only, no SANs. */
    public static CertProfile device() {
        return new CertProfile(Set.of(Purpose.CLIENT_AUTH), List.of(), List.of());
    }

    /** Server certificate: serverAuth only, with the given SANs. */
    public static CertProfile server(List<String> dnsNames, List<String> ipAddresses) {
        return new CertProfile(Set.of(Purpose.SERVER_AUTH), dnsNames, ipAddresses);
    }
}
