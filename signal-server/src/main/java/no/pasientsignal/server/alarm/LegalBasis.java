package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * Why the institution may watch this resident with sensors: their own informed consent, or a
 * formal decision where they cannot consent (health and care services act / patient and user
 * rights act chapter 4A). Passive rules run only while one is valid.
 *
 * @param recordedBy the staff member who recorded it
 * @param validUntil null for open-ended (still reviewed, but not expiring by itself)
 */
public record LegalBasis(Kind kind, String recordedBy, Instant validFrom, Instant validUntil) {

    public enum Kind {
        CONSENT,
        DECISION
    }

    public LegalBasis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a legal basis must end after it starts");
        }
    }

    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && (validUntil == null || instant.isBefore(validUntil));
    }
}
