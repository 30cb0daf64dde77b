package no.pasientsignal.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.pasientsignal.server.MutableClock;
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
    void records_of_any_size_read_back_from_any_sequence_to_any_sequence() throws IOException {
        var written = new ArrayList<byte[]>();
        // Segments of 2 MB, records from a few bytes to the largest allowed, so records cross the
        // reader's buffer and one does not fit it.
        try (Journal journal = Journal.open(dir, Clock.systemUTC(), 2 << 20, 10_000)) {
            var random = new java.util.SplittableRandom(5);
            for (int i = 0; i < 400; i++) {
                int size = i == 200 ? RecordFormat.MAX_BODY - 64 : random.nextInt(i % 10 == 0 ? 300_000 : 3_000);
                byte[] payload = new byte[size];
                random.nextBytes(payload);
                written.add(payload);
                journal.append("test", payload).join();
            }
            assertThat(Journal.segments(dir)).hasSizeGreaterThan(2);
            for (long from : List.of(1L, 2L, 150L, 201L, 202L, 399L, 400L, 401L)) {
                for (long to : List.of(from, from + 1, 250L, 400L, Long.MAX_VALUE)) {
                    var read = new ArrayList<JournalRecord>();
                    journal.read(from, to, read::add);
                    long last = Math.min(to, 400);
                    assertThat(read)
                            .extracting(JournalRecord::sequence)
                            .as("from %d to %d", from, to)
                            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(from, last)
                                    .boxed()
                                    .toList());
                    read.forEach(r -> assertThat(r.payload()).isEqualTo(written.get((int) r.sequence() - 1)));
                }
            }
        }
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
        Tamper.flipPayloadByte(segment, 3);

        assertThatThrownBy(this::open).isInstanceOf(JournalException.class).hasMessageContaining("damaged");
        assertThat(Files.size(segment)).isEqualTo(sizeBefore);
        assertThat(JournalVerifier.verify(dir).problem()).contains("checksum mismatch");
    }

    @Test
    void an_edited_record_with_a_recomputed_checksum_breaks_the_hash_chain() throws IOException {
        try (Journal journal = open()) {
            appendAll(journal, 10, "record-");
        }
        Tamper.flipPayloadByte(onlySegment(), 4);
        Tamper.fixChecksum(onlySegment(), 4);

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

    @Test
    void records_refused_by_a_full_disk_are_written_first_in_order_with_their_own_times_when_it_recovers() {
        var disk = new FailingDisk();
        var clock = new MutableClock(Instant.parse("2026-11-23T22:00:00Z"));
        Instant during = Instant.parse("2026-11-23T22:05:00Z");
        try (Journal journal = disk.open(dir, clock, 1 << 20, 1000, Journal.DEFAULT_RETAIN_BYTES)) {
            appendAll(journal, 3, "before-");

            disk.fail();
            clock.set(during);
            var refused = new ArrayList<CompletableFuture<Long>>();
            for (int i = 0; i < 5; i++) {
                refused.add(journal.append("test", bytes("during-" + i)));
            }
            // Each appender hears at once that its record is not durable (a device is answered 5.03).
            for (var future : refused) {
                assertThatThrownBy(future::join)
                        .isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(JournalException.class)
                        .hasMessageContaining(FailingDisk.NO_SPACE);
            }
            await().until(() -> journal.status().unwritten() == 5);
            assertThat(journal.status().failing()).isTrue();
            assertThat(journal.failure()).contains(FailingDisk.NO_SPACE);
            assertThat(journal.status().failingSince()).isEqualTo(during);
            // The torn write was cut: what is on disk is whole and verifies.
            assertThat(all()).hasSize(3);
            assertThat(JournalVerifier.verify(dir).ok()).isTrue();

            clock.set(Instant.parse("2026-11-23T22:30:00Z"));
            disk.recover();
            // No new append is needed: the writer retries by itself.
            await().atMost(Duration.ofSeconds(5)).until(() -> !journal.status().failing());
            assertThat(journal.status().unwritten()).isZero();
            assertThat(journal.append("test", bytes("after")).join()).isEqualTo(9);
        }
        var records = all();
        assertThat(records)
                .extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly(
                        "before-0",
                        "before-1",
                        "before-2",
                        "during-0",
                        "during-1",
                        "during-2",
                        "during-3",
                        "during-4",
                        "after");
        assertThat(records.subList(3, 8))
                .allSatisfy(r -> assertThat(r.recordedAt()).isEqualTo(during));
        var report = JournalVerifier.verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.records()).isEqualTo(9);
    }

    @Test
    void past_the_memory_bound_the_rest_of_the_outage_is_lost_and_a_note_says_how_many_and_when() {
        var disk = new FailingDisk();
        var clock = new MutableClock(Instant.parse("2026-11-23T22:00:00Z"));
        // Room for three small records ("kept-N" in a "test" record costs about 74 bytes each).
        try (Journal journal = disk.open(dir, clock, 1 << 20, 1000, 230)) {
            appendAll(journal, 1, "before-");
            disk.fail();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                var future = journal.append("test", bytes("kept-" + i));
                assertThatThrownBy(future::join).hasCauseInstanceOf(JournalException.class);
            }
            await().until(() -> journal.status().lost() == 2);
            assertThat(journal.status().unwritten()).isEqualTo(3);

            disk.recover();
            await().atMost(Duration.ofSeconds(5)).until(() -> !journal.status().failing());
        }
        var records = all();
        assertThat(records)
                .extracting(JournalRecord::type)
                .containsExactly("test", "test", "test", "test", Journal.LOST);
        String note = new String(records.getLast().payload(), StandardCharsets.UTF_8);
        assertThat(note)
                .contains("\"records\":2")
                .contains("\"from\":\"2026-11-23T22:00:04Z\"")
                .contains("\"to\":\"2026-11-23T22:00:05Z\"");
        assertThat(JournalVerifier.verify(dir).ok()).isTrue();
    }

    @Test
    void a_roll_over_the_disk_refuses_is_retried_and_the_chain_runs_on_into_the_next_segment() throws IOException {
        var disk = new FailingDisk();
        long written = 0;
        try (Journal journal = disk.open(dir, Clock.systemUTC(), 4096, 1000, Journal.DEFAULT_RETAIN_BYTES)) {
            while (Files.size(onlySegment()) < 4096) { // the next commit rolls over
                journal.append("test", bytes("first-segment-" + written++)).join();
            }
            disk.fail();
            var refused = journal.append("test", bytes("refused"));
            assertThatThrownBy(refused::join).hasCauseInstanceOf(JournalException.class);
            assertThat(Journal.segments(dir)).hasSize(1);

            disk.recover();
            await().atMost(Duration.ofSeconds(5)).until(() -> !journal.status().failing());
            assertThat(journal.append("test", bytes("after")).join()).isEqualTo(written + 2);
        }
        assertThat(Journal.segments(dir)).hasSize(2);
        assertThat(Journal.firstSequence(Journal.segments(dir).getLast())).isEqualTo(written + 1);
        assertThat(all())
                .extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .endsWith("refused", "after");
        var report = JournalVerifier.verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.records()).isEqualTo(written + 2);
    }
}
