package no.pasientsignal.certs;

/**
 * A certificate request was refused: not a PKCS#10 CSR, bad self-signature, wrong key type or a
 * subject that is not a valid device id. The message says which, and is fit to show to the
 * operator or send back to the enrolling device.
 */
public class CertificateIssueException extends Exception {

    public CertificateIssueException(String message) {
        super(message);
    }

    public CertificateIssueException(String message, Throwable cause) {
        super(message, cause);
    }
}
