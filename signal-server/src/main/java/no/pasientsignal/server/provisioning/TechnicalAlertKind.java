package no.pasientsignal.server.provisioning;

/** What is wrong with a device. Technical alerts go to whoever maintains devices, not to care. */
public enum TechnicalAlertKind {
    /** Nothing heard from the device (heartbeat or event) for the configured number of intervals. */
    DEVICE_SILENT,
    /** The device reports a battery at or below the low-battery threshold. */
    BATTERY_LOW,
    /** The device reports its enclosure opened or the device removed from its mount. */
    TAMPER
}
