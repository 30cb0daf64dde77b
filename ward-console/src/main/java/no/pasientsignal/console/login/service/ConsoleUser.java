package no.pasientsignal.console.login.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.pasientsignal.console.client.AccessToken;

/**
 * The user logged in to this browser session. {@link #toString()} does not show the token.
 *
 * @param username the user name
 * @param roles the user's roles, e.g. {@code NURSE}
 * @param token the access token for the signal-server API
 */
public record ConsoleUser(String username, List<String> roles, AccessToken token) implements Serializable {

    public ConsoleUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        roles = List.copyOf(roles);
    }

    /** Whether the user has at least one of {@code wanted}. */
    public boolean hasAnyRole(StaffRole... wanted) {
        for (StaffRole role : wanted) {
            if (roles.contains(role.name())) {
                return true;
            }
        }
        return false;
    }

    /** The user's roles the console knows. */
    public Set<StaffRole> staffRoles() {
        Set<StaffRole> known = EnumSet.noneOf(StaffRole.class);
        roles.forEach(r -> StaffRole.parse(r).ifPresent(known::add));
        return known;
    }

    /** Whether the login still holds: the token has not expired. */
    public boolean isValidAt(Instant now) {
        return token.isValidAt(now);
    }
}
