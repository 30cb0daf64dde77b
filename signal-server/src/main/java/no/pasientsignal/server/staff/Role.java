package no.pasientsignal.server.staff;

/** What a staff member may see and do. */
public enum Role {
    NURSE,
    NIGHT_STAFF,
    TECHNICIAN,
    QUALITY_LEAD,
    ADMINISTRATOR
}
