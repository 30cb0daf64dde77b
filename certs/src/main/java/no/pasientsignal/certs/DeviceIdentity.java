package no.pasientsignal.certs;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Device ids and how they sit in certificate subjects: a device certificate's subject is {@code
 * CN=<deviceId>, OU=device, O=Pasientsignal}, and the device id is 1 to 64 characters from {@code
 * [A-Za-z0-9._-]} (safe in file names, log lines and URLs).
 *
 * <p>{@link #deviceId(X509Certificate)} only reads the subject. Call it on a certificate whose
 * chain has already been verified against the site CA (by the TLS/DTLS handshake), never on an
 * unverified one.
 */
public final class DeviceIdentity {

    /** Allowed device ids. */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The organisational unit that marks a certificate as a device certificate. */
    public static final String DEVICE_OU = "device";

    /** The organisation in every subject this PKI issues. */
    public static final String ORGANISATION = "Pasientsignal";

    private DeviceIdentity() {}

    public static boolean isValidDeviceId(String deviceId) {
        return deviceId != null && DEVICE_ID.matcher(deviceId).matches();
    }

    /**
     * @return {@code deviceId}
     * @throws IllegalArgumentException naming the rule when the id is not valid
     */
    public static String requireValidDeviceId(String deviceId) {
        if (!isValidDeviceId(deviceId)) {
            throw new IllegalArgumentException(
                    "invalid device id " + quote(deviceId) + ": expected 1 to 64 characters from A-Z a-z 0-9 . _ -");
        }
        return deviceId;
    }

    /** The subject of a device certificate: {@code CN=<deviceId>, OU=device, O=Pasientsignal}. */
    public static X500Principal subject(String deviceId) {
        requireValidDeviceId(deviceId);
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, DEVICE_OU)
                .addRDN(BCStyle.CN, deviceId)
                .build();
        return BcSupport.principal(name);
    }

    /**
     * The device id of a device certificate: its CN, when the certificate is an end-entity
     * certificate (not a CA), its subject has exactly one OU, equal to {@code device}, and exactly
     * one CN, which is a valid device id. Empty for anything else (server certificates, CA
     * certificates, foreign subjects).
     */
    public static Optional<String> deviceId(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (certificate.getBasicConstraints() >= 0) {
            return Optional.empty();
        }
        X500Name subject = BcSupport.x500(certificate.getSubjectX500Principal());
        Optional<String> ou = single(subject, BCStyle.OU);
        if (ou.isEmpty() || !ou.get().equals(DEVICE_OU)) {
            return Optional.empty();
        }
        return single(subject, BCStyle.CN).filter(DeviceIdentity::isValidDeviceId);
    }

    /** The value of the only attribute of {@code type} in {@code name}; empty if none, several or multi-valued. */
    static Optional<String> single(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        return rdns[0].getFirst().getValue() instanceof ASN1String text
                ? Optional.of(text.getString())
                : Optional.empty();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
