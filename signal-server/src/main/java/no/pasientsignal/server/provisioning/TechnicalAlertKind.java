package no.pasientsignal.server.provisioning;

/**
 * What is wrong with a device, or with the server itself. Technical alerts go to whoever maintains
 * devices and the server, not to care.
 */
public enum TechnicalAlertKind {
    /** Nothing heard from the device (heartbeat or event) for the configured number of intervals. */
    DEVICE_SILENT,
    /** The device reports a battery at or below the low-battery threshold. */
    BATTERY_LOW,
    /** The device reports its enclosure opened or the device removed from its mount. */
    TAMPER,
    /**
     * The server cannot write its audit journal (disk full or failing). Not about a device: the
     * alert names {@link DeviceHealth#SERVER} and no room. Calls still reach staff; devices are
     * answered "retry" until the disk takes writes again.
     */
    JOURNAL_FAILING,
    /** Free space on the journal's disk is below the configured minimum: it will fill up soon. */
    JOURNAL_SPACE_LOW;

    /** Whether the alert is about the server rather than a device. */
    public boolean aboutServer() {
        return this == JOURNAL_FAILING || this == JOURNAL_SPACE_LOW;
    }
}
