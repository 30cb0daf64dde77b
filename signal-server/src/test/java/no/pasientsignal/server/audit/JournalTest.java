package no.pasientsignal.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private Journal open() {
        return Journal.open(dir, Clock.systemUTC(), 1 << 20, 10_000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<JournalRecord> all() {
        var records = new ArrayList<JournalRecord>();
        Journal.readDirectory(dir, 1, records::add);
        return records;
    }

    private static void appendAll(Journal journal, int n, String prefix) {
        var futures = new ArrayList<CompletableFuture<Long>>();
        for (int i = 0; i < n; i++) {
            futures.add(journal.append("test", bytes(prefix + i)));
        }
        futures.forEach(CompletableFuture::join);
    }

    private Path onlySegment() throws IOException {
        return Journal.segments(dir).getLast();
    }

    @Test
    void appends_complete_durable_with_gap_free_numbers_and_read_back_in_order() {
        try (Journal journal = open()) {
            assertThat(journal.append("call", bytes("a")).join()).isEqualTo(1);
            assertThat(journal.append("call", bytes("b")).join()).isEqualTo(2);
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
        assertThat(all())
                .extracting(r -> r.sequence() + ":" + new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly("1:a", "2:b");
    }

    @Test
    void reopening_continues_the_sequence_and_the_chain() {
        String head;
        try (Journal journal = open()) {
            appendAll(journal, 5, "first");
            head = journal.headHash();
        }
        try (Journal journal = open()) {
            assertThat(journal.lastSequence()).isEqualTo(5);
            assertThat(journal.headHash()).isEqualTo(head);
            assertThat(journal.append("x", bytes("after")).join()).isEqualTo(6);
        }
        var report = JournalVerifier.verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.records()).isEqualTo(6);
    }

    @Test
    void torn_last_record_is_cut_cleanly_and_reported() throws IOException {
        try (Journal journal = open()) {
            appendAll(journal, 10, "r");
        }
        ByteBuffer whole = RecordFormat.encode(11, java.time.Instant.now(), "test", bytes("torn"), new byte[32]);
        try (FileChannel ch = FileChannel.open(onlySegment(), StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(whole.array(), 0, whole.limit() / 2)); // the crash came mid-write
        }
        assertThat(JournalVerifier.verify(dir).problem()).contains("torn last record");

        try (Journal journal = open()) {
            assertThat(journal.recovery().cutBytes()).isEqualTo(whole.limit() / 2);
            assertThat(journal.lastSequence()).isEqualTo(10);
            assertThat(journal.append("x", bytes("next")).join()).isEqualTo(11);
        }
        assertThat(JournalVerifier.verify(dir).ok()).isTrue();
        assertThat(all()).hasSize(11);
    }

    @Test
    void damage_followed_by_valid_records_is_refused_never_cut() throws IOException {
        try (Journal journal = open()) {
            appendAll(journal, 10, "record-");
        }
        Path segment = onlySegment();
        long sizeBefore = Files.size(segment);
        flipByteInPayloadOf(segment, 3);

        assertThatThrownBy(this::open).isInstanceOf(JournalException.class).hasMessageContaining("damaged");
        assertThat(Files.size(segment)).isEqualTo(sizeBefore);
        assertThat(JournalVerifier.verify(dir).problem()).contains("checksum mismatch");
    }

    @Test
    void an_edited_record_with_a_recomputed_checksum_breaks_the_hash_chain() throws IOException {
        try (Journal journal = open()) {
            appendAll(journal, 10, "record-");
        }
        flipByteInPayloadOf(onlySegment(), 4);
        fixChecksumOf(onlySegment(), 4);

        var report = JournalVerifier.verify(dir);

        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).contains("record 4").contains("hash chain");
        assertThat(report.records()).isEqualTo(3);
    }

    @Test
    void segments_roll_over_and_the_chain_verifies_across_them() throws IOException {
        try (Journal journal = Journal.open(dir, Clock.systemUTC(), 4096, 1000)) {
            for (int i = 0; i < 10; i++) {
                appendAll(journal, 30, "batch" + i + "-");
            }
        }
        assertThat(Journal.segments(dir)).hasSizeGreaterThan(2);
        try (Journal journal = Journal.open(dir, Clock.systemUTC(), 4096, 1000)) {
            assertThat(journal.lastSequence()).isEqualTo(300);
            journal.append("x", bytes("y")).join();
        }
        var report = JournalVerifier.verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.records()).isEqualTo(301);
        var from250 = new ArrayList<JournalRecord>();
        Journal.readDirectory(dir, 250, from250::add);
        assertThat(from250).first().extracting(JournalRecord::sequence).isEqualTo(250L);
        assertThat(from250).hasSize(52);
    }

    @Test
    void a_removed_segment_is_reported_as_missing_records() throws IOException {
        try (Journal journal = Journal.open(dir, Clock.systemUTC(), 4096, 1000)) {
            for (int i = 0; i < 10; i++) {
                appendAll(journal, 20, "r" + i + "-"); // a segment rolls over between group commits
            }
        }
        Files.delete(Journal.segments(dir).get(1));

        assertThat(JournalVerifier.verify(dir).problem()).contains("records missing");
    }

    @Test
    void concurrent_appenders_each_get_a_unique_number_and_nothing_is_lost() throws Exception {
        var seen = ConcurrentHashMap.<Long>newKeySet();
        try (Journal journal = open();
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<CompletableFuture<Void>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 500; i++) {
                                seen.add(journal.append("t", bytes(thread + "/" + i))
                                        .join());
                            }
                        },
                        pool));
            }
            futures.forEach(CompletableFuture::join);
        }
        assertThat(seen).hasSize(4000).contains(1L, 4000L);
        assertThat(JournalVerifier.verify(dir).records()).isEqualTo(4000);
    }

    /** Offsets of records in a segment, by walking lengths. */
    private static long offsetOf(Path segment, long sequence) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long offset = 0;
            for (long s = 1; s < sequence; s++) {
                ByteBuffer head = ByteBuffer.allocate(8);
                ch.read(head, offset);
                offset += RecordFormat.OVERHEAD + head.flip().getInt(4);
            }
            return offset;
        }
    }

    private static void flipByteInPayloadOf(Path segment, long sequence) throws IOException {
        long offset = offsetOf(segment, sequence);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = offset + 8 + 8 + 8 + 2 + 4; // into the payload, past the 4-byte type "test"
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x01));
            ch.write(b.rewind(), at);
        }
    }

    private static void fixChecksumOf(Path segment, long sequence) throws IOException {
        long offset = offsetOf(segment, sequence);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8);
            ch.read(head, offset);
            int total = RecordFormat.OVERHEAD + head.flip().getInt(4);
            ByteBuffer all = ByteBuffer.allocate(total);
            ch.read(all, offset);
            CRC32C crc = new CRC32C();
            crc.update(all.array(), 0, total - 4);
            ch.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip(), offset + total - 4);
        }
    }
}
