package no.pasientsignal.server.api;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;

/**
 * Who is asking, as far as resident data goes. Care staff (nurses, night staff) and administrators
 * see residents' names; technicians and quality leads see only the pseudonym (the resident id),
 * which is all they need to fix a device or count incidents. They are not refused: a technician
 * must know which room's protection is broken, and a quality lead works from pseudonymous data.
 */
record Viewer(String username, boolean seesNames, boolean careStaff, boolean maintainsDevices) {

    static final String NURSE = "NURSE";
    static final String NIGHT_STAFF = "NIGHT_STAFF";
    static final String TECHNICIAN = "TECHNICIAN";
    static final String QUALITY_LEAD = "QUALITY_LEAD";
    static final String ADMINISTRATOR = "ADMINISTRATOR";

    static Viewer of(Authentication authentication) {
        Collection<String> roles = authentication.getRoles();
        boolean care = roles.contains(NURSE) || roles.contains(NIGHT_STAFF);
        boolean admin = roles.contains(ADMINISTRATOR);
        return new Viewer(authentication.getName(), care || admin, care, roles.contains(TECHNICIAN) || admin);
    }

    /** The name for this viewer: the display name, or null (left out of the JSON) when not allowed. */
    String name(String displayName) {
        return seesNames ? displayName : null;
    }
}
