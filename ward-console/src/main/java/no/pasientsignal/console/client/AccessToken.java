package no.pasientsignal.console.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token for {@code /api/**} and the moment it stops being valid. {@link #toString()} never shows the token.
 *
 * @param value the raw token, sent as {@code Authorization: Bearer <value>}
 * @param expiresAt when the server stops accepting it
 */
public record AccessToken(String value, Instant expiresAt) implements Serializable {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("An access token must not be blank.");
        }
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", value=<hidden>]";
    }
}
