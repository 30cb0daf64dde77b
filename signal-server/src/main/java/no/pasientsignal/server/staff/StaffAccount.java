package no.pasientsignal.server.staff;

import java.util.Objects;
import java.util.Set;

/** A staff login. {@code passwordHash} is an Argon2id PHC string, never the password. */
public record StaffAccount(String username, String displayName, Set<Role> roles, String passwordHash) {
    public StaffAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        // Keep the hash out of logs.
        return "StaffAccount[" + username + ", " + roles + "]";
    }
}
