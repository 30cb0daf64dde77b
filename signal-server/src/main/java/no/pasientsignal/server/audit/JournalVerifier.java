package no.pasientsignal.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks a whole journal: every record's structure, gap-free sequence numbers across segments,
 * and the hash chain from the first record to the last. Finds a changed, removed or inserted
 * record and says where (segment file, sequence, offset). An attacker who rewrites everything after
 * a change is caught by comparing with a head hash published earlier ({@code anchorHash}).
 */
public final class JournalVerifier {

    /** What is wrong, when something is. */
    public enum Finding {
        /** A record's bytes do not match its checksum: changed in place, or rotted on disk. */
        CHECKSUM_MISMATCH,
        /** A record does not follow from the one before it: changed (checksum recomputed) or replaced. */
        CHAIN_BROKEN,
        /** Sequence numbers skip or repeat: records or a segment removed, or records inserted. */
        SEQUENCE_GAP,
        /** The last record is cut short, as a crash mid-write leaves it; the server cuts it on its next start. */
        TORN_TAIL,
        /** A record's structure is unreadable (no marker, bad length) and it is not the last. */
        DAMAGED,
        /** A head hash published earlier is not in the chain: the journal up to it was rewritten. */
        ANCHOR_MISSING
    }

    /**
     * @param records records that verified, from the first on
     * @param firstSequence of the first record, 0 if none
     * @param lastSequence of the last record that verified, 0 if none
     * @param headHash hash of the last record that verified
     * @param finding null when the journal verifies
     * @param segment the segment file the finding is in, or null
     * @param sequence the sequence number where it was found (the one expected there), or 0
     * @param problem null when the journal verifies; else one sentence with where and why
     */
    public record Report(
            long records,
            long firstSequence,
            long lastSequence,
            String headHash,
            Finding finding,
            String segment,
            long sequence,
            String problem) {
        public boolean ok() {
            return finding == null;
        }
    }

    private JournalVerifier() {}

    /** Verifies {@code dir}; an unreadable journal is an {@link UncheckedIOException}. */
    public static Report verify(Path dir) {
        try {
            return verify(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Verifies {@code dir}; with {@code anchorHash} (hex), also that some record has that hash.
     *
     * @throws IOException when the journal cannot be read at all (not a finding about its contents)
     */
    public static Report verify(Path dir, String anchorHash) throws IOException {
        var state = new State();
        List<Path> segments = Journal.segments(dir);
        byte[] anchor = anchorHash == null ? null : HexFormat.of().parseHex(anchorHash.toLowerCase(Locale.ROOT));
        boolean anchorSeen = false;
        for (int i = 0; i < segments.size(); i++) {
            Path file = segments.get(i);
            String name = file.getFileName().toString();
            long first = Journal.firstSequence(file);
            if (first != state.expected) {
                return state.found(
                        Finding.SEQUENCE_GAP,
                        name,
                        name + " starts at sequence " + first + ", expected " + state.expected
                                + (first > state.expected ? " (records missing)" : " (records repeated)"));
            }
            try (var scanner = new SegmentScanner(file)) {
                boolean firstInSegment = true;
                for (JournalRecord r = scanner.next(); r != null; r = scanner.next()) {
                    if (r.sequence() != state.expected) {
                        return state.found(
                                Finding.SEQUENCE_GAP,
                                name,
                                "sequence " + r.sequence() + " in " + name + " where " + state.expected
                                        + " was expected ("
                                        + (r.sequence() > state.expected ? "records missing" : "records inserted")
                                        + ")");
                    }
                    byte[] computed = RecordFormat.chainHash(
                            state.hash,
                            r.sequence(),
                            RecordFormat.micros(r.recordedAt()),
                            r.type().getBytes(StandardCharsets.UTF_8),
                            r.payload());
                    if (!Arrays.equals(computed, r.hash())) {
                        String why = firstInSegment && i > 0
                                ? " does not continue the hash chain of "
                                        + segments.get(i - 1).getFileName()
                                        + ": that segment or this one was changed or replaced"
                                : " does not match the hash chain: it or an earlier record was changed";
                        return state.found(Finding.CHAIN_BROKEN, name, "record " + r.sequence() + " in " + name + why);
                    }
                    anchorSeen |= anchor != null && Arrays.equals(anchor, r.hash());
                    state.accept(r);
                    firstInSegment = false;
                }
                boolean last = i == segments.size() - 1;
                if (scanner.end() == SegmentScanner.End.TORN_TAIL && last) {
                    return state.found(
                            Finding.TORN_TAIL,
                            name,
                            name + ": torn last record at sequence " + state.expected + " (" + scanner.problem()
                                    + "); what a crash mid-write leaves, the journal cuts it when it next opens");
                }
                if (scanner.end() != SegmentScanner.End.CLEAN) {
                    Finding finding = scanner.problem().startsWith("checksum mismatch")
                            ? Finding.CHECKSUM_MISMATCH
                            : Finding.DAMAGED;
                    return state.found(
                            finding,
                            name,
                            name + ": record " + state.expected + " is unreadable (" + scanner.problem() + ")"
                                    + (finding == Finding.CHECKSUM_MISMATCH
                                            ? ": its bytes were changed or the disk damaged them"
                                            : ""));
                }
            }
        }
        if (anchor != null && !anchorSeen) {
            return state.found(
                    Finding.ANCHOR_MISSING,
                    null,
                    "no record has the hash " + anchorHash
                            + " published earlier: the journal up to it was rewritten or replaced");
        }
        return state.found(null, null, null);
    }

    /** Where the walk has got to. */
    private static final class State {
        long count;
        long first;
        long expected = 1;
        byte[] hash = RecordFormat.GENESIS;

        void accept(JournalRecord r) {
            if (count == 0) {
                first = r.sequence();
            }
            hash = r.hash();
            expected++;
            count++;
        }

        Report found(Finding finding, String segment, String problem) {
            return new Report(
                    count,
                    first,
                    expected - 1,
                    HexFormat.of().formatHex(hash),
                    finding,
                    segment,
                    finding == null ? 0 : expected,
                    problem);
        }
    }
}
