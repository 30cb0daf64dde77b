package no.pasientsignal.server.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one record, big-endian:
 *
 * <pre>
 * magic     int    0x50534A31 ("PSJ1")
 * length    int    bytes from sequence to the end of the payload
 * sequence  long
 * time      long   epoch microseconds
 * typeLen   short, type UTF-8 bytes
 * payload   rest of length
 * hash      32 bytes  SHA-256(previous hash | sequence | time | type | payload)
 * crc       int    CRC32C over everything from magic to hash
 * </pre>
 *
 * The CRC finds torn and rotten writes cheaply on every read; the hash chain finds deliberate
 * edits, which a recomputed CRC would hide.
 */
final class RecordFormat {

    static final int MAGIC = 0x50534A31;
    static final int HASH_BYTES = 32;
    /** magic + length before the body; hash + crc after it. */
    static final int OVERHEAD = 4 + 4 + HASH_BYTES + 4;

    static final int MAX_BODY = 1 << 20;
    static final byte[] GENESIS = new byte[HASH_BYTES];

    private RecordFormat() {}

    static byte[] chainHash(byte[] previous, long sequence, long micros, byte[] type, byte[] payload) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(ByteBuffer.allocate(16).putLong(sequence).putLong(micros).array());
        sha.update(ByteBuffer.allocate(2).putShort((short) type.length).array());
        sha.update(type);
        sha.update(payload);
        return sha.digest();
    }

    /** Encodes a record; returns its bytes and its hash. */
    static ByteBuffer encode(long sequence, Instant at, String type, byte[] payload, byte[] hash) {
        byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
        int body = 8 + 8 + 2 + typeBytes.length + payload.length;
        ByteBuffer buf = ByteBuffer.allocate(OVERHEAD + body);
        buf.putInt(MAGIC).putInt(body).putLong(sequence).putLong(micros(at));
        buf.putShort((short) typeBytes.length).put(typeBytes).put(payload).put(hash);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
