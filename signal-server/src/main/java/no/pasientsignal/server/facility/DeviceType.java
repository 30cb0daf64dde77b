package no.pasientsignal.server.facility;

/** Device types. More (pull cord, sensors, cameras) arrive with the features that use them. */
public enum DeviceType {
    CALL_BUTTON
}
