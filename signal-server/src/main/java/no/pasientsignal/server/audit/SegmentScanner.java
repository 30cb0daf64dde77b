package no.pasientsignal.server.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads one segment file record by record, checking structure (magic, length, CRC). Stops at the
 * first bad record and says whether what follows is only a torn tail (safe to cut) or damage with
 * valid records after it (never cut: that would destroy evidence).
 */
final class SegmentScanner implements AutoCloseable {

    enum End {
        CLEAN,
        TORN_TAIL,
        DAMAGED
    }

    /** Bytes read from the file at a time: records are read from this window, not one read each. */
    private static final int WINDOW = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private long position;
    private End end;
    private String problem;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW).limit(0);
    private long windowStart;

    SegmentScanner(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    /** The next structurally valid record, or null at the end (then see {@link #end()}). */
    JournalRecord next() throws IOException {
        return next(Long.MIN_VALUE);
    }

    /**
     * The next structurally valid record numbered {@code sequence} or later, or null at the end.
     * Records before it are checked as {@link #next()} checks them (reading stops at the first bad
     * one), but not copied out.
     */
    JournalRecord next(long sequence) throws IOException {
        while (end == null) {
            if (position == size) {
                end = End.CLEAN;
                return null;
            }
            int body = validAt(position);
            if (body < 0) {
                end = validRecordAfter(position + 1) ? End.DAMAGED : End.TORN_TAIL;
                return null;
            }
            long at = position;
            position += RecordFormat.OVERHEAD + body;
            if (window.getLong(offsetInWindow(at) + 8) >= sequence) {
                return record(at, body);
            }
        }
        return null;
    }

    /** Offset just after the last valid record read. */
    long validEnd() {
        return position;
    }

    End end() {
        return end;
    }

    String problem() {
        return problem;
    }

    Path file() {
        return file;
    }

    /**
     * Checks the structure (marker, length, checksum) of the record at {@code offset}; afterwards
     * the whole record is in the window.
     *
     * @return its body length, or -1 when it is not a valid record (then see {@link #problem})
     */
    private int validAt(long offset) throws IOException {
        if (size - offset < RecordFormat.OVERHEAD) {
            problem = "record at offset " + offset + " is cut short";
            return -1;
        }
        if (!load(offset, 8)) {
            problem = "record at offset " + offset + " is cut short";
            return -1;
        }
        int head = offsetInWindow(offset);
        int magic = window.getInt(head);
        int body = window.getInt(head + 4);
        if (magic != RecordFormat.MAGIC) {
            problem = "no record marker at offset " + offset;
            return -1;
        }
        if (body < 18 || body > RecordFormat.MAX_BODY || size - offset < RecordFormat.OVERHEAD + (long) body) {
            problem = "record at offset " + offset + " is cut short or has a bad length";
            return -1;
        }
        int length = RecordFormat.OVERHEAD + body;
        if (!load(offset, length)) {
            problem = "record at offset " + offset + " is cut short"; // the file shrank while read
            return -1;
        }
        int start = offsetInWindow(offset);
        CRC32C crc = new CRC32C();
        crc.update(window.array(), start, length - 4);
        if ((int) crc.getValue() != window.getInt(start + length - 4)) {
            problem = "checksum mismatch at offset " + offset;
            return -1;
        }
        int typeLength = window.getShort(start + 8 + 16) & 0xFFFF;
        if (typeLength > body - 18) {
            problem = "bad type length at offset " + offset;
            return -1;
        }
        return body;
    }

    /** The record {@link #validAt} just checked, copied out of the window. */
    private JournalRecord record(long offset, int body) {
        byte[] bytes = window.array();
        int start = offsetInWindow(offset);
        long sequence = window.getLong(start + 8);
        long micros = window.getLong(start + 16);
        int typeLength = window.getShort(start + 24) & 0xFFFF;
        int typeAt = start + 26;
        String type = new String(bytes, typeAt, typeLength, StandardCharsets.UTF_8);
        int payloadAt = typeAt + typeLength;
        byte[] payload = Arrays.copyOfRange(bytes, payloadAt, payloadAt + body - 18 - typeLength);
        int hashAt = start + 8 + body;
        byte[] hash = Arrays.copyOfRange(bytes, hashAt, hashAt + RecordFormat.HASH_BYTES);
        return new JournalRecord(sequence, RecordFormat.fromMicros(micros), type, payload, hash);
    }

    private int offsetInWindow(long offset) {
        return (int) (offset - windowStart);
    }

    /** Makes the window hold {@code length} bytes from {@code offset}; false if the file has not. */
    private boolean load(long offset, int length) throws IOException {
        if (offset >= windowStart && offset + length <= windowStart + window.limit()) {
            return true;
        }
        if (length > window.capacity()) {
            window = ByteBuffer.allocate(length); // a record larger than the window (up to MAX_BODY)
        }
        window.clear();
        window.limit((int) Math.min(window.capacity(), size - offset));
        windowStart = offset;
        while (window.hasRemaining()) {
            if (channel.read(window, offset + window.position()) < 0) {
                break;
            }
        }
        window.flip();
        return window.limit() >= length;
    }

    /** Whether any structurally valid record starts after {@code from}: damage, not a torn tail. */
    private boolean validRecordAfter(long from) throws IOException {
        String keep = problem;
        try {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            byte[] marker = ByteBuffer.allocate(4).putInt(RecordFormat.MAGIC).array();
            for (long base = from; base < size; base += buf.capacity() - 3) {
                buf.clear();
                int n = channel.read(buf, base);
                if (n <= 0) {
                    return false;
                }
                byte[] chunk = Arrays.copyOf(buf.array(), n);
                for (int i = 0; i + 4 <= n; i++) {
                    if (chunk[i] == marker[0]
                            && chunk[i + 1] == marker[1]
                            && chunk[i + 2] == marker[2]
                            && chunk[i + 3] == marker[3]
                            && validAt(base + i) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            problem = keep;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
