package no.pasientsignal.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.CRC32C;

/** What an attacker (or a crash) does to segment files, for tests of recovery and verification. */
public final class Tamper {

    private Tamper() {}

    /** Flips one bit in the payload of record {@code sequence}: its checksum no longer matches. */
    public static void flipPayloadByte(Path segment, long sequence) throws IOException {
        long offset = offsetOf(segment, sequence);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer typeLength = ByteBuffer.allocate(2);
            ch.read(typeLength, offset + 24);
            long at = offset + 26 + typeLength.flip().getShort(); // the first payload byte
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x01));
            ch.write(b.rewind(), at);
        }
    }

    /** Recomputes the checksum of record {@code sequence}, as an attacker who knows the format would. */
    public static void fixChecksum(Path segment, long sequence) throws IOException {
        long offset = offsetOf(segment, sequence);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int total = length(ch, offset);
            ByteBuffer all = ByteBuffer.allocate(total);
            ch.read(all, offset);
            CRC32C crc = new CRC32C();
            crc.update(all.array(), 0, total - 4);
            ch.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip(), offset + total - 4);
        }
    }

    /** Cuts record {@code sequence} out of its segment, leaving the records around it intact. */
    public static void removeRecord(Path segment, long sequence) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        long offset = offsetOf(segment, sequence);
        int total = ByteBuffer.wrap(bytes, (int) offset + 4, 4).getInt() + RecordFormat.OVERHEAD;
        byte[] out = new byte[bytes.length - total];
        System.arraycopy(bytes, 0, out, 0, (int) offset);
        System.arraycopy(bytes, (int) offset + total, out, (int) offset, bytes.length - (int) offset - total);
        Files.write(segment, out);
    }

    /** Appends the first half of a record, as a crash in the middle of a write leaves it. */
    public static int appendTornRecord(Path segment, long sequence) throws IOException {
        ByteBuffer whole = RecordFormat.encode(sequence, Instant.now(), "test", new byte[40], new byte[32]);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(whole.array(), 0, whole.limit() / 2));
        }
        return whole.limit() / 2;
    }

    /** Where record {@code sequence} starts in its segment, by walking the lengths. */
    public static long offsetOf(Path segment, long sequence) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long offset = 0;
            for (long s = Journal.firstSequence(segment); s < sequence; s++) {
                offset += length(ch, offset);
            }
            return offset;
        }
    }

    private static int length(FileChannel ch, long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        ch.read(head, offset);
        return RecordFormat.OVERHEAD + head.flip().getInt(4);
    }
}
