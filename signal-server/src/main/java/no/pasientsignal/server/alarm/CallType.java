package no.pasientsignal.server.alarm;

/** Kinds of call. Only the plain patient call exists so far; the full model comes with the alarm engine. */
public enum CallType {
    /** The resident pressed the call button at the bed or pulled the cord. */
    PATIENT_CALL
}
