package no.pasientsignal.server.facility;

/**
 * The kinds of room device a site can put in service. Call points are how a resident asks for
 * help; sensors raise passive alerts on the resident's behalf; cameras serve consented night
 * supervision.
 */
public enum DeviceType {
    CALL_BUTTON,
    PULL_CORD,
    BED_SENSOR,
    DOOR_SENSOR,
    MOTION_SENSOR,
    FALL_SENSOR,
    SMOKE_DETECTOR,
    CAMERA
}
