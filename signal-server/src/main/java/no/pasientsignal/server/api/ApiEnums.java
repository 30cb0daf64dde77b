package no.pasientsignal.server.api;

/**
 * The enum values request bodies may carry, as patterns for bean validation. Enum-typed request
 * fields fail in the JSON reader with a message that names the Java type, not the field; a
 * string checked against one of these fails in validation with the field's path ({@code
 * request.needs[0].deviceType: must be one of ...}). ApiEnumsTest keeps them equal to the enums.
 */
final class ApiEnums {

    static final String DEVICE_TYPES =
            "CALL_BUTTON|PULL_CORD|BED_SENSOR|DOOR_SENSOR|MOTION_SENSOR|FALL_SENSOR|SMOKE_DETECTOR|CAMERA";
    static final String DEVICE_TYPE_MESSAGE = "must be one of " + DEVICE_TYPES;

    static final String LOCATION_KINDS = "BED|BATHROOM|DOOR|CORRIDOR";
    static final String LOCATION_KIND_MESSAGE = "must be one of " + LOCATION_KINDS;

    static final String ROLES = "NURSE|NIGHT_STAFF|TECHNICIAN|QUALITY_LEAD|ADMINISTRATOR";
    static final String ROLE_MESSAGE = "must be one of " + ROLES;

    static final String PRIORITIES = "EMERGENCY|HIGH|NORMAL|LOW";
    static final String PRIORITY_MESSAGE = "must be one of " + PRIORITIES;

    static final String TIERS = "PRIMARY|ZONE_TEAM|WARD|SHIFT_LEAD|RESPONSE_CENTRE";
    static final String TIER_MESSAGE = "must be one of " + TIERS;

    static final String RULE_KINDS = "BED_EXIT|OUT_OF_BED_TOO_LONG|DOOR_OPENED|INACTIVITY|FALL|INCONTINENCE|EPILEPSY";
    static final String RULE_KIND_MESSAGE = "must be one of " + RULE_KINDS;

    static final String BASIS_KINDS = "CONSENT|DECISION";
    static final String BASIS_KIND_MESSAGE = "must be one of " + BASIS_KINDS;

    /** A local time of day, hours and minutes. */
    static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

    static final String TIME_OF_DAY_MESSAGE = "must be a time of day like 07:00";

    private ApiEnums() {}
}
