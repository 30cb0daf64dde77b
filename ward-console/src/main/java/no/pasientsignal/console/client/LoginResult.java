package no.pasientsignal.console.client;

import java.util.List;
import java.util.Objects;

/**
 * A successful {@code POST /login}: who logged in, their roles and the token for the API.
 *
 * @param username the user name as the server spells it
 * @param roles e.g. {@code NURSE}
 * @param token the bearer token and its expiry
 */
public record LoginResult(String username, List<String> roles, AccessToken token) {

    public LoginResult {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
