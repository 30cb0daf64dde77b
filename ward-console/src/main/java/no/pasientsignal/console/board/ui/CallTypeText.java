package no.pasientsignal.console.board.ui;

import java.util.Set;

/**
 * The message key of a call type's text. The colour no longer comes from the type: the server sends each alarm's
 * priority ({@link no.pasientsignal.console.board.service.AlarmLevel}).
 */
final class CallTypeText {

    // the server's alarm types (signal-server AlarmType); a newer one is shown by its raw name, never a missing-text
    // mark
    private static final Set<String> KNOWN = Set.of(
            "EMERGENCY",
            "STAFF_ASSIST",
            "BATHROOM_CALL",
            "PULL_CORD",
            "PATIENT_CALL",
            "BED_EXIT",
            "OUT_OF_BED_TOO_LONG",
            "DOOR_OPENED_AT_NIGHT",
            "FALL",
            "INACTIVITY",
            "SMOKE",
            "INCONTINENCE",
            "EPILEPSY",
            "TECHNICAL");

    private CallTypeText() {}

    /** The message key for the type's text, or {@code null} when the raw type name is shown. */
    static String messageKey(String callType) {
        return KNOWN.contains(callType) ? "callType." + callType : null;
    }
}
