package no.pasientsignal.server.provisioning;

/** Receives protection alerts when raised, updated and cleared, off the thread that found them. */
@FunctionalInterface
public interface ProtectionAlertListener {
    void onProtectionAlert(ProtectionAlert alert);
}
