package no.pasientsignal.console.login.service;

import java.util.Locale;
import java.util.Optional;

/** The staff roles the signal server knows; a login carries one or more. */
public enum StaffRole {
    /** Ward nurse: the live board of their zone and ward. */
    NURSE,
    /** Night staff: the board and the night's supervision rounds. */
    NIGHT_STAFF,
    /** Technician: devices, enrolment, protection gaps. */
    TECHNICIAN,
    /** Quality lead: audit search, statistics, benefit follow-up. */
    QUALITY_LEAD,
    /** Administrator: facility, staff, shifts, routing and care plans; may see everything. */
    ADMINISTRATOR;

    /** The role named {@code name} as the server spells it, if the console knows it. */
    public static Optional<StaffRole> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
