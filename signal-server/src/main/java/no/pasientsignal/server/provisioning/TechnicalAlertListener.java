package no.pasientsignal.server.provisioning;

/**
 * Receives technical alerts when raised and again when cleared ({@link TechnicalAlert#clearedAt()}
 * set), off the thread that detected them.
 */
@FunctionalInterface
public interface TechnicalAlertListener {
    void onAlert(TechnicalAlert alert);
}
