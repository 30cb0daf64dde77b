package no.pasientsignal.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What happened at the device. The wire code is the text sent in the {@code evt} field. */
public enum EventKind {
    /** The resident pressed the call button (or pulled the cord). */
    CALL_PRESSED("call"),
    /** The call was cancelled at the device (the cancel button in the room). */
    CALL_CANCELLED("cancel");

    private final String wireCode;

    EventKind(String wireCode) {
        this.wireCode = wireCode;
    }

    public String wireCode() {
        return wireCode;
    }

    public static Optional<EventKind> fromWire(String code) {
        return Arrays.stream(values()).filter(k -> k.wireCode.equals(code)).findFirst();
    }
}
