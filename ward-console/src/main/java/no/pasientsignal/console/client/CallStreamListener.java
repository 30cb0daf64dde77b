package no.pasientsignal.console.client;

import java.util.List;

/**
 * Receives what the live call stream learns. All methods are called on the stream's own background thread, one at a
 * time and in order; they should return quickly.
 */
public interface CallStreamListener {

    /**
     * The stream is (re)connected and this is the full list of active calls at that moment. Changes that follow
     * apply on top of it.
     */
    void onSnapshot(List<ActiveCall> calls);

    /** One change from the stream. Changes of an unknown kind are passed on too; ignore what you do not know. */
    void onChange(CallChange change);

    /**
     * The stream is down (or could not be opened) and will be retried after a back-off.
     *
     * @param cause what went wrong, as a plain sentence and a reason
     */
    void onDisconnected(SignalServerException cause);
}
