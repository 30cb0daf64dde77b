package no.pasientsignal.server.staff;

import java.util.Objects;
import java.util.Set;

/** A staff account as administrators see it: never the password hash. */
public record StaffMember(String username, String displayName, Set<Role> roles, boolean active) {
    public StaffMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
