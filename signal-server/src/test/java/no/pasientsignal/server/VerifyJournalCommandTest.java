package no.pasientsignal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.Tamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code verify-journal} on a journal of three segments, and on temporary copies of it with each
 * kind of tampering or damage: the exit code, and the segment, sequence and reason it names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyJournalCommandTest {

    /** A record costs 76 bytes ("record-NNN" in a "test" record): 54 to a 4096-byte segment, so 3 segments. */
    private static final int RECORDS = 150;

    @TempDir
    static Path temp;

    private Path original;
    private String headHash;
    private String earlierHash;
    private List<Path> segments;

    private record Run(int exit, String out, String err) {}

    @BeforeAll
    void writeJournal() throws IOException {
        original = temp.resolve("original");
        try (Journal journal = Journal.open(original, Clock.systemUTC(), 4096, 100)) {
            // One record per commit, so where segments roll over depends only on record sizes.
            for (int i = 1; i <= RECORDS; i++) {
                journal.append("test", String.format("record-%03d", i).getBytes(StandardCharsets.UTF_8))
                        .join();
                if (i == 50) {
                    earlierHash = journal.headHash();
                }
            }
            headHash = journal.headHash();
        }
        try (Stream<Path> files = Files.list(original)) {
            segments = files.map(Path::getFileName).sorted().toList();
        }
        assertThat(segments).hasSize(3);
    }

    @Test
    void an_intact_journal_is_ok_with_its_count_first_and_last_sequence_and_head_hash() {
        Run run = run(original.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("OK: " + RECORDS + " records, sequence 1 to " + RECORDS + ", head hash " + headHash);
    }

    @Test
    void a_changed_byte_names_the_segment_the_record_and_the_checksum() throws IOException {
        Path copy = copy();
        Tamper.flipPayloadByte(copy.resolve(segment(0)), 5);

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("CHECKSUM_MISMATCH")
                .contains(segment(0) + ": record 5 is unreadable (checksum mismatch at offset")
                .contains("sequence: 5")
                .contains("verified before it: 4 record(s)");
    }

    @Test
    void a_changed_record_with_its_checksum_recomputed_breaks_the_hash_chain_there() throws IOException {
        Path copy = copy();
        Tamper.flipPayloadByte(copy.resolve(segment(1)), 60);
        Tamper.fixChecksum(copy.resolve(segment(1)), 60);

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("CHAIN_BROKEN")
                .contains("record 60 in " + segment(1) + " does not match the hash chain")
                .contains("segment:  " + copy.resolve(segment(1)));
    }

    @Test
    void a_removed_record_is_a_sequence_gap_where_it_was() throws IOException {
        Path copy = copy();
        Tamper.removeRecord(copy.resolve(segment(0)), 7);

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("SEQUENCE_GAP")
                .contains("sequence 8 in " + segment(0) + " where 7 was expected (records missing)")
                .contains("sequence: 7");
    }

    @Test
    void a_removed_segment_is_a_sequence_gap_at_the_next_one() throws IOException {
        Path copy = copy();
        long missingFrom = Journal.firstSequence(copy.resolve(segment(1)));
        Files.delete(copy.resolve(segment(1)));

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("SEQUENCE_GAP")
                .contains(segment(2) + " starts at sequence " + Journal.firstSequence(copy.resolve(segment(2)))
                        + ", expected " + missingFrom + " (records missing)");
    }

    @Test
    void a_segment_replaced_by_another_valid_chain_breaks_the_chain_across_segments() throws IOException {
        // A forger writes a self-consistent first segment with other contents, same sizes and numbers.
        Path forged = temp.resolve("forged");
        try (Journal journal = Journal.open(forged, Clock.systemUTC(), 4096, 100)) {
            for (int i = 1; i <= RECORDS; i++) {
                journal.append("test", String.format("forged-%03d", i).getBytes(StandardCharsets.UTF_8))
                        .join();
            }
        }
        Path copy = copy();
        Files.copy(forged.resolve(segment(0)), copy.resolve(segment(0)), StandardCopyOption.REPLACE_EXISTING);
        long next = Journal.firstSequence(copy.resolve(segment(1)));

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("CHAIN_BROKEN")
                .contains("record " + next + " in " + segment(1) + " does not continue the hash chain of " + segment(0))
                .contains("sequence: " + next);
    }

    @Test
    void a_torn_tail_is_named_with_the_sequence_it_would_have_had() throws IOException {
        Path copy = copy();
        Tamper.appendTornRecord(copy.resolve(segment(2)), RECORDS + 1);

        Run run = run(copy.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("TORN_TAIL")
                .contains(segment(2) + ": torn last record at sequence " + (RECORDS + 1))
                .contains("verified before it: " + RECORDS + " record(s)");
    }

    @Test
    void a_head_hash_published_earlier_must_be_in_the_chain() throws IOException {
        assertThat(run("--expect-hash", earlierHash, original.toString()).exit())
                .isZero();

        Run rewritten = run("--expect-hash", "ab".repeat(32), original.toString());
        assertThat(rewritten.exit()).isEqualTo(1);
        assertThat(rewritten.out()).contains("ANCHOR_MISSING").contains("rewritten");
    }

    @Test
    void usage_and_io_errors_exit_with_2() throws IOException {
        assertThat(run().exit()).isEqualTo(2);
        Run missing = run(temp.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("No journal directory");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThat(run(empty.toString()).exit()).isEqualTo(2);
        assertThat(run("--expect-hash", "not-hex", original.toString()).exit()).isEqualTo(2);
    }

    private String segment(int index) {
        return segments.get(index).toString();
    }

    /** A fresh copy of the intact journal to tamper with. */
    private Path copy() throws IOException {
        Path copy = Files.createTempDirectory(temp, "copy");
        try (Stream<Path> files = Files.list(original)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, copy.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return copy;
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(new VerifyJournalCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
