package no.pasientsignal.certs.cli;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.certs.Fingerprint;
import no.pasientsignal.certs.Keys;

/** Human-readable certificate summaries for {@code show} and the other commands. */
final class CertificateText {

    private static final String[] KEY_USAGES = {
        "digitalSignature",
        "nonRepudiation",
        "keyEncipherment",
        "dataEncipherment",
        "keyAgreement",
        "keyCertSign",
        "cRLSign",
        "encipherOnly",
        "decipherOnly"
    };

    private static final Map<String, String> EXTENDED_KEY_USAGES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private CertificateText() {}

    static String describe(X509Certificate certificate) {
        StringBuilder text = new StringBuilder();
        line(text, "Subject", certificate.getSubjectX500Principal().getName());
        line(text, "Issuer", certificate.getIssuerX500Principal().getName());
        line(text, "Serial", certificate.getSerialNumber().toString(16));
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant now = Instant.now();
        String status = now.isBefore(notBefore) ? "NOT YET VALID" : now.isAfter(notAfter) ? "EXPIRED" : "valid now";
        line(text, "Validity", notBefore + " to " + notAfter + " (" + status + ")");
        line(text, "Key", key(certificate.getPublicKey()));
        int pathLength = certificate.getBasicConstraints();
        line(
                text,
                "CA",
                pathLength < 0 ? "no" : "yes" + (pathLength == Integer.MAX_VALUE ? "" : ", path length " + pathLength));
        line(text, "Key usage", keyUsage(certificate));
        line(text, "Extended key usage", extendedKeyUsage(certificate));
        line(text, "Subject alt names", subjectAltNames(certificate));
        DeviceIdentity.deviceId(certificate).ifPresent(id -> line(text, "Device id", id));
        line(text, "SHA-256 fingerprint", Fingerprint.sha256(certificate));
        return text.toString();
    }

    static String subjectAltNames(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        if (names == null || names.isEmpty()) {
            return "(none)";
        }
        List<String> shown = new ArrayList<>();
        for (List<?> name : names) {
            String type = switch ((Integer) name.get(0)) {
                case 1 -> "email";
                case 2 -> "DNS";
                case 6 -> "URI";
                case 7 -> "IP";
                default -> "type " + name.get(0);
            };
            Object value = name.get(1);
            shown.add(type + ":" + (value instanceof String s ? s : "(binary)"));
        }
        return String.join(", ", shown);
    }

    private static String keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        if (bits == null) {
            return "(none)";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                names.add(i < KEY_USAGES.length ? KEY_USAGES[i] : "bit " + i);
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static String extendedKeyUsage(X509Certificate certificate) {
        List<String> oids;
        try {
            oids = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        if (oids == null || oids.isEmpty()) {
            return "(none)";
        }
        return String.join(
                ", ",
                oids.stream()
                        .map(oid -> EXTENDED_KEY_USAGES.getOrDefault(oid, oid))
                        .toList());
    }

    private static String key(PublicKey key) {
        return switch (key) {
            case ECPublicKey ec when Keys.isP256(ec) -> "EC P-256";
            case ECPublicKey ec -> "EC " + ec.getParams().getCurve().getField().getFieldSize() + " bits";
            case RSAPublicKey rsa -> "RSA " + rsa.getModulus().bitLength() + " bits";
            default -> key.getAlgorithm();
        };
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-20s %s%n", label + ":", value));
    }
}
