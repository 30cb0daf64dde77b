package no.pasientsignal.server.alarm;

/** Receives call changes after they are recorded, off the device's request thread. */
@FunctionalInterface
public interface CallListener {
    void onChange(CallChange change);
}
