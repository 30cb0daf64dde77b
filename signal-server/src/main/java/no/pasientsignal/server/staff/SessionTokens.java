package no.pasientsignal.server.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions as opaque bearer tokens held by the server. Unlike self-contained tokens they can
 * be revoked at once (a lost tablet, a staff member leaving). Only a SHA-256 of each token is
 * kept, so a heap dump does not hand out live sessions. Sessions do not survive a restart: staff
 * log in again.
 */
public final class SessionTokens {

    /** A new session: give {@code token} to the client once; the server keeps only its hash. */
    public record Session(String token, StaffAccount account, Instant expiresAt) {}

    private record Entry(StaffAccount account, Instant expiresAt) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();

    public SessionTokens(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.lifetime = lifetime;
    }

    public Session open(StaffAccount account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(lifetime);
        byHash.put(hash(token), new Entry(account, expiresAt));
        purgeExpired();
        return new Session(token, account, expiresAt);
    }

    /** The account behind a live token; empty for unknown, revoked or expired tokens. */
    public Optional<StaffAccount> validate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        String key = hash(token);
        Entry entry = byHash.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.account());
    }

    public void revoke(String token) {
        if (token != null) {
            byHash.remove(hash(token));
        }
    }

    /**
     * Ends every session of one staff member at once (deactivated, roles or password changed by
     * an administrator). Returns how many were open.
     */
    public int revokeAllOf(String username) {
        List<String> theirs = byHash.entrySet().stream()
                .filter(e -> e.getValue().account().username().equals(username))
                .map(Map.Entry::getKey)
                .toList();
        theirs.forEach(byHash::remove);
        return theirs.size();
    }

    public Duration lifetime() {
        return lifetime;
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byHash.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
