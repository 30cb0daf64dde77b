package no.pasientsignal.server.provisioning;

/** Whether a resident's care need is covered by a working device now, and if not, why not. */
public enum Coverage {
    /** A device of the right type at the right kind of location is in service and healthy. */
    COVERED("covered"),
    /** The device that covers the need has not been heard within its silence bound. */
    SILENT("device silent"),
    /** The device that covers the need reports its enclosure opened or itself removed. */
    TAMPERED("device tampered with"),
    /** The device that covered the need was taken out of service and nothing replaced it. */
    DECOMMISSIONED("device taken out of service"),
    /** No device of that type is installed at that kind of location in the room. */
    NO_DEVICE("no such device installed"),
    /** The resident has no room, so nothing can cover the need. */
    NO_ROOM("resident has no room");

    private final String explanation;

    Coverage(String explanation) {
        this.explanation = explanation;
    }

    public boolean isCovered() {
        return this == COVERED;
    }

    /** A working installation stopped working: what makes the responsible nurse be told at once. */
    public boolean isDeviceFault() {
        return this == SILENT || this == TAMPERED;
    }

    /** For staff: "device silent". */
    public String explanation() {
        return explanation;
    }
}
