package no.pasientsignal.server.alarm;

/**
 * Receives every alarm change, in the order the site's desk made them, on the fan-out thread (never
 * on the device's request path). Must not block: hand work on.
 */
@FunctionalInterface
public interface AlarmListener {
    void onUpdate(AlarmUpdate update);
}
