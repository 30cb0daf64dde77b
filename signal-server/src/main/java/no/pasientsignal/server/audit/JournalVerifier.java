package no.pasientsignal.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a whole journal: every record's structure, gap-free sequence numbers across segments,
 * and the hash chain from the first record to the last. Finds a changed, removed or inserted
 * record; an attacker who rewrites everything after the change is caught by comparing the head
 * hash with one published earlier.
 */
public final class JournalVerifier {

    /** @param problem null when the journal verifies; else the first problem, with where */
    public record Report(long records, String headHash, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private JournalVerifier() {}

    public static Report verify(Path dir) {
        long count = 0;
        byte[] hash = RecordFormat.GENESIS;
        long expected = 1;
        try {
            List<Path> segments = Journal.segments(dir);
            for (int i = 0; i < segments.size(); i++) {
                Path file = segments.get(i);
                if (Journal.firstSequence(file) != expected) {
                    return new Report(
                            count,
                            hex(hash),
                            file.getFileName() + " starts at sequence " + Journal.firstSequence(file) + ", expected "
                                    + expected + " (records missing)");
                }
                try (var scanner = new SegmentScanner(file)) {
                    for (JournalRecord r = scanner.next(); r != null; r = scanner.next()) {
                        if (r.sequence() != expected) {
                            return new Report(
                                    count,
                                    hex(hash),
                                    "sequence " + r.sequence() + " in " + file.getFileName() + " where " + expected
                                            + " was expected");
                        }
                        byte[] computed = RecordFormat.chainHash(
                                hash,
                                r.sequence(),
                                RecordFormat.micros(r.recordedAt()),
                                r.type().getBytes(StandardCharsets.UTF_8),
                                r.payload());
                        if (!Arrays.equals(computed, r.hash())) {
                            return new Report(
                                    count,
                                    hex(hash),
                                    "record " + r.sequence() + " in " + file.getFileName()
                                            + " does not match the hash chain: it or an earlier record was changed");
                        }
                        hash = r.hash();
                        expected++;
                        count++;
                    }
                    boolean last = i == segments.size() - 1;
                    if (scanner.end() == SegmentScanner.End.DAMAGED
                            || (scanner.end() == SegmentScanner.End.TORN_TAIL && !last)) {
                        return new Report(count, hex(hash), file.getFileName() + ": " + scanner.problem());
                    }
                    if (scanner.end() == SegmentScanner.End.TORN_TAIL) {
                        return new Report(
                                count,
                                hex(hash),
                                file.getFileName() + ": torn last record (" + scanner.problem()
                                        + "); the journal cuts it when it next opens");
                    }
                }
            }
        } catch (IOException e) {
            return new Report(count, hex(hash), "cannot read the journal: " + e.getMessage());
        }
        return new Report(count, hex(hash), null);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
