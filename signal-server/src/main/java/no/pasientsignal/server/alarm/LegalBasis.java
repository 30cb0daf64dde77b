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
 * @param reference where it is documented, such as the decision's case number or the journal
 *     note; null when none was given
 */
public record LegalBasis(Kind kind, String recordedBy, Instant validFrom, Instant validUntil, String reference) {

    /** Longest reference kept: a case number or a short note, not the document itself. */
    public static final int MAX_REFERENCE_LENGTH = 200;

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
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException(
                    "a legal basis reference is at most " + MAX_REFERENCE_LENGTH + " characters");
        }
    }

    /** A basis without a reference. */
    public LegalBasis(Kind kind, String recordedBy, Instant validFrom, Instant validUntil) {
        this(kind, recordedBy, validFrom, validUntil, null);
    }

    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && (validUntil == null || instant.isBefore(validUntil));
    }
}
