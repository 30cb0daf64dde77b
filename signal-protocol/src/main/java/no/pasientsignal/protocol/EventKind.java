package no.pasientsignal.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What happened at the device. The wire code is the text sent in the {@code evt} field. */
public enum EventKind {
    /** The resident pressed the call button (or pulled the cord). */
    CALL_PRESSED("call"),
    /** The call was cancelled at the device (the cancel button in the room). */
    CALL_CANCELLED("cancel"),
    /** The emergency (code) button: life at risk, goes to the whole ward at once. */
    EMERGENCY_PRESSED("emergency"),
    /** A carer in the room asks colleagues for help (staff-assist button). */
    ASSIST_PRESSED("assist"),
    /** Staff presence marked in the room (the green presence button at the door). */
    PRESENCE_ON("presence_on"),
    /** Staff presence cleared when leaving the room. */
    PRESENCE_OFF("presence_off"),
    /** Bed sensor: the resident left the bed. */
    BED_EXIT("bed_exit"),
    /** Bed sensor: the resident is back in bed. */
    BED_ENTER("bed_enter"),
    /** Door sensor: the room door opened. */
    DOOR_OPEN("door_open"),
    /** Motion sensor: movement in the room. */
    MOTION("motion"),
    /** Fall sensor: a fall detected. */
    FALL("fall"),
    /** Smoke detector: smoke. */
    SMOKE("smoke"),
    /** Moisture sensor in the bed: wet (incontinence). */
    WET("wet"),
    /** Epilepsy mat: seizure movement pattern. */
    SEIZURE("seizure");

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
