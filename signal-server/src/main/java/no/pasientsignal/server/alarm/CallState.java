package no.pasientsignal.server.alarm;

/** Where a call is in its lifecycle. Accept, presence and resolve come with the alarm engine. */
public enum CallState {
    RAISED
}
