package no.pasientsignal.console.client;

import java.util.List;

/**
 * Receives what the live protection-alert stream learns. All methods are called on the stream's own background
 * thread, one at a time and in order; they should return quickly.
 */
public interface ProtectionAlertListener {

    /** The stream is (re)connected and these are the active protection alerts at that moment. */
    void onSnapshot(List<ProtectionAlert> alerts);

    /** One alert raised, updated or cleared. */
    void onChange(ProtectionAlert alert);

    /** The stream is down (or could not be opened) and will be retried after a back-off. */
    void onDisconnected(SignalServerException cause);
}
