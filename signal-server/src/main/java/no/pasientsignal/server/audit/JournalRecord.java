package no.pasientsignal.server.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of the journal.
 *
 * @param sequence gap-free, starting at 1
 * @param type what the payload is (the journal does not interpret payloads)
 * @param hash SHA-256 over the previous record's hash and this record's sequence, time, type and
 *     payload: changing or removing any earlier record breaks every later hash
 */
public record JournalRecord(long sequence, Instant recordedAt, String type, byte[] payload, byte[] hash) {
    public JournalRecord {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(hash, "hash");
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalRecord r
                && r.sequence == sequence
                && r.recordedAt.equals(recordedAt)
                && r.type.equals(type)
                && Arrays.equals(r.payload, payload)
                && Arrays.equals(r.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "JournalRecord[" + sequence + " " + type + " " + payload.length + " bytes]";
    }
}
