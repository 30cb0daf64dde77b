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

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private long position;
    private End end;
    private String problem;

    SegmentScanner(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    /** The next structurally valid record, or null at the end (then see {@link #end()}). */
    JournalRecord next() throws IOException {
        if (end != null) {
            return null;
        }
        if (position == size) {
            end = End.CLEAN;
            return null;
        }
        JournalRecord record = readAt(position);
        if (record == null) {
            end = validRecordAfter(position + 1) ? End.DAMAGED : End.TORN_TAIL;
            return null;
        }
        position += RecordFormat.OVERHEAD + bodyLength(record);
        return record;
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

    private static int bodyLength(JournalRecord r) {
        return 8 + 8 + 2 + r.type().getBytes(StandardCharsets.UTF_8).length + r.payload().length;
    }

    private JournalRecord readAt(long offset) throws IOException {
        if (size - offset < RecordFormat.OVERHEAD) {
            problem = "record at offset " + offset + " is cut short";
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(8);
        channel.read(head, offset);
        head.flip();
        int magic = head.getInt();
        int body = head.getInt();
        if (magic != RecordFormat.MAGIC) {
            problem = "no record marker at offset " + offset;
            return null;
        }
        if (body < 18 || body > RecordFormat.MAX_BODY || size - offset < RecordFormat.OVERHEAD + (long) body) {
            problem = "record at offset " + offset + " is cut short or has a bad length";
            return null;
        }
        ByteBuffer all = ByteBuffer.allocate(RecordFormat.OVERHEAD + body);
        channel.read(all, offset);
        byte[] bytes = all.array();
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            problem = "checksum mismatch at offset " + offset;
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 8, bytes.length - 8);
        long sequence = in.getLong();
        long micros = in.getLong();
        int typeLength = in.getShort() & 0xFFFF;
        if (typeLength > body - 18) {
            problem = "bad type length at offset " + offset;
            return null;
        }
        byte[] type = new byte[typeLength];
        in.get(type);
        byte[] payload = new byte[body - 18 - typeLength];
        in.get(payload);
        byte[] hash = new byte[RecordFormat.HASH_BYTES];
        in.get(hash);
        return new JournalRecord(
                sequence, RecordFormat.fromMicros(micros), new String(type, StandardCharsets.UTF_8), payload, hash);
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
                            && readAt(base + i) != null) {
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
