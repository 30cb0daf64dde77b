package no.pasientsignal.console.devices.service;

import no.pasientsignal.console.client.DevicesClient.Device;

/**
 * A device's health in one word, for the inventory's health column and filter; the first that applies, worst first,
 * so a technician sees what to go and fix.
 */
public enum HealthState {
    /** Replaced, decommissioned or not mounted: the call path does not accept it. */
    OUT_OF_SERVICE,
    /** The enclosure was opened or the device removed from its mount. */
    TAMPERED,
    /** Not heard for longer than its heartbeat allows. */
    SILENT,
    /** Online, but its battery is at or below the low threshold. */
    BATTERY_LOW,
    /** In service and not (yet) silent, but not heard since the server started: new, not enrolled, or after a restart. */
    NOT_HEARD,
    /** In service, heard and well. */
    ONLINE;

    public static HealthState of(Device device) {
        if (!device.inService()) {
            return OUT_OF_SERVICE;
        }
        if (device.alerts().contains("TAMPER")) {
            return TAMPERED;
        }
        if (device.alerts().contains("DEVICE_SILENT")) {
            return SILENT;
        }
        if (!device.online()) {
            return NOT_HEARD;
        }
        if (device.alerts().contains("BATTERY_LOW")) {
            return BATTERY_LOW;
        }
        return ONLINE;
    }
}
