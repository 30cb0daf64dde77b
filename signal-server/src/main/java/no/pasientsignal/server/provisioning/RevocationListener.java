package no.pasientsignal.server.provisioning;

/**
 * Told when certificates are revoked, after the revocation is stored and in force for new
 * handshakes; the device endpoint uses it to drop the sessions those certificates opened.
 */
@FunctionalInterface
public interface RevocationListener {
    void revoked(Revocation revocation);
}
