package no.pasientsignal.server.routing;

/** Who an escalation step reaches, widening from the resident's own carers outwards. */
public enum Tier {
    /** The primary carers of the alarm's zone this shift. */
    PRIMARY,
    /** Everyone covering the alarm's zone this shift (zones merged for the shift count as one). */
    ZONE_TEAM,
    /** Everyone on the ward this shift. */
    WARD,
    /** The shift lead(s) of the ward. */
    SHIFT_LEAD,
    /** The municipality's response centre (responssenter), when the site has one. */
    RESPONSE_CENTRE
}
