package no.pasientsignal.server.search;

import static no.pasientsignal.server.routing.Ward.ROOM_201_BED;
import static no.pasientsignal.server.routing.Ward.ROOM_205_BED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.audit.AuditLog;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalRecord;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.AlarmHistoryProjector;
import no.pasientsignal.server.report.AlarmScript;
import no.pasientsignal.server.report.HistoryFilter;
import no.pasientsignal.server.report.Visit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index over a real journal and real Lucene files in a temporary folder. */
class AuditIndexTest {

    private static final AuditIndex.Settings FAST_COMMITS =
            new AuditIndex.Settings(Duration.ofMillis(100), Duration.ofMillis(200), 1_000);

    @TempDir
    Path data;

    private final MutableClock clock = AlarmScript.dayShift();
    private Journal journal;
    private AlarmScript script;
    private AuditIndex index;

    private void openJournal() {
        journal = Journal.open(data.resolve("journal"), clock, 1 << 20, 10_000);
        script = new AlarmScript(
                clock, (type, payload) -> journal.append(type, payload).join());
    }

    private AuditIndex openIndex(AuditIndex.Settings settings) {
        index = AuditIndex.open(data.resolve("index"), journal, settings, clock);
        return index;
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    /** What the journal says, folded in memory: what the index must hold. */
    private AlarmHistoryProjector projection() {
        var projector = new AlarmHistoryProjector();
        journal.read(1, projector::accept);
        return projector;
    }

    private List<AlarmHistory> indexed(AuditIndex in) {
        var found = new ArrayList<AlarmHistory>();
        new IndexedHistories(in).forEach(everything(), found::add);
        found.sort(Comparator.comparing(AlarmHistory::raisedAt)
                .thenComparing(h -> h.alarmId().toString()));
        return found;
    }

    private List<AlarmHistory> expected() {
        return projection().histories().stream()
                .sorted(Comparator.comparing(AlarmHistory::raisedAt)
                        .thenComparing(h -> h.alarmId().toString()))
                .toList();
    }

    private static HistoryFilter everything() {
        return HistoryFilter.of(AlarmScript.SITE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    private long entries(AuditIndex in) {
        return in.search(s -> (long) s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(IndexSchema.KIND, SearchHit.ENTRY))));
    }

    private long nonAlarmRecords() {
        long[] n = {0};
        journal.read(1, r -> n[0] += AlarmRecords.ALARM.equals(r.type()) ? 0 : 1);
        return n[0];
    }

    /** A morning's traffic: answered, escalated, cancelled, not actionable, visits, logins. */
    private void morning(int rounds) {
        var audit = new AuditLog(journal);
        for (int i = 0; i < rounds; i++) {
            UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
            script.after(Duration.ofSeconds(30));
            script.accept(call, "kari");
            script.presence("kari", ROOM_201_BED, true);
            UUID bedExit = script.raise(AlarmType.BED_EXIT, ROOM_205_BED, "R-205");
            script.after(Duration.ofSeconds(20));
            script.resolve(bedExit, "per", i % 2 == 0);
            script.presence("kari", ROOM_201_BED, false);
            audit.record(
                            AuditLog.LOGIN,
                            new AuditLog.Entry("kari", "login", AlarmScript.SITE, null, Map.of("ok", "true")))
                    .join();
            script.raise(AlarmType.PATIENT_CALL, ROOM_205_BED, "R-205");
            script.after(Duration.ofSeconds(60));
            script.cancelAt(ROOM_205_BED);
            script.after(Duration.ofMinutes(5));
        }
    }

    private void awaitCaughtUp(AuditIndex in) {
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(in.status().state()).isEqualTo(AuditIndex.State.READY);
            assertThat(in.lastIndexedSequence()).isEqualTo(journal.lastSequence());
            assertThat(entries(in)).isEqualTo(nonAlarmRecords());
        });
    }

    @Test
    void a_call_is_searchable_within_a_second_of_being_journaled() {
        openJournal();
        openIndex(AuditIndex.Settings.defaults());
        awaitCaughtUp(index);

        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");

        await().atMost(1, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(indexed(index)).singleElement().satisfies(h -> {
                    assertThat(h.alarmId()).isEqualTo(call);
                    assertThat(h.recipients()).containsExactly("kari");
                }));
        script.accept(call, "kari");
        await().atMost(1, TimeUnit.SECONDS)
                .untilAsserted(
                        () -> assertThat(indexed(index).getFirst().acceptedBy()).isEqualTo("kari"));
    }

    @Test
    void after_a_restart_the_index_reads_the_journal_from_its_last_commit_and_folds_onto_what_it_had() {
        openJournal();
        openIndex(FAST_COMMITS);
        UUID call = script.raise(AlarmType.PATIENT_CALL, ROOM_201_BED, "R-201");
        awaitCaughtUp(index);
        index.close();

        // Written while the index was down.
        script.after(Duration.ofSeconds(60));
        script.accept(call, "ola");
        script.resolve(call, "ola", false);
        morning(2);

        openIndex(FAST_COMMITS);
        awaitCaughtUp(index);
        assertThat(index.status().reason()).as("continued, not rebuilt").isNull();
        assertThat(indexed(index)).isEqualTo(expected());
        AlarmHistory first = indexed(index).getFirst();
        assertThat(first.notifiedAt()).as("known only from before the restart").isNotNull();
        assertThat(first.acceptedBy()).isEqualTo("ola");
        assertThat(first.closedBy()).isEqualTo("ola");
        assertThat(first.escalations()).isEqualTo(1);
    }

    @Test
    void a_missing_index_is_built_from_the_journal() {
        openJournal();
        morning(3);

        openIndex(FAST_COMMITS);

        awaitCaughtUp(index);
        assertThat(index.status().complete()).isTrue();
        assertThat(index.status().reason()).contains("missing");
        assertThat(index.status().done()).isEqualTo(journal.lastSequence());
        assertThat(indexed(index)).isEqualTo(expected());
    }

    @Test
    void a_damaged_index_is_put_aside_and_rebuilt_from_the_journal() throws IOException {
        openJournal();
        openIndex(FAST_COMMITS);
        morning(3);
        awaitCaughtUp(index);
        index.close();
        damageEveryIndexFile(data.resolve("index"));

        openIndex(FAST_COMMITS);

        awaitCaughtUp(index);
        assertThat(index.status().reason()).contains("damaged");
        assertThat(indexed(index)).isEqualTo(expected());
        var visits = new ArrayList<Visit>();
        new IndexedHistories(index)
                .forEachVisit(AlarmScript.SITE, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), visits::add);
        assertThat(visits).containsExactlyInAnyOrderElementsOf(projection().visits());
    }

    @Test
    void a_data_file_that_fails_its_checksum_is_found_after_opening_and_the_index_rebuilt() throws IOException {
        openJournal();
        openIndex(FAST_COMMITS);
        morning(3);
        awaitCaughtUp(index);
        index.close();
        damageDataOpeningDoesNotRead(data.resolve("index"));

        openIndex(FAST_COMMITS);

        awaitCaughtUp(index);
        assertThat(index.status().reason()).contains("damaged").contains("checksum");
        assertThat(indexed(index)).isEqualTo(expected());
    }

    @Test
    void an_index_ahead_of_its_journal_is_rebuilt() {
        openJournal();
        openIndex(FAST_COMMITS);
        morning(2);
        awaitCaughtUp(index);
        index.close();
        journal.close();
        // The journal restored from an older copy: the index claims records it does not have.
        data.resolve("journal").toFile().renameTo(data.resolve("journal-new").toFile());
        openJournal();
        morning(1);

        openIndex(FAST_COMMITS);

        awaitCaughtUp(index);
        assertThat(index.status().reason()).contains("ahead of the journal");
        assertThat(indexed(index)).isEqualTo(expected());
    }

    @Test
    void a_rebuild_gives_exactly_the_index_built_live() {
        openJournal();
        // A queue of 10 records: most of the traffic overflows it and is read back from the journal.
        openIndex(new AuditIndex.Settings(Duration.ofMillis(100), Duration.ofMillis(200), 10));
        var writers = new ArrayList<CompletableFuture<Void>>();
        writers.add(CompletableFuture.runAsync(() -> morning(20)));
        var audit = new AuditLog(journal);
        writers.add(CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                audit.record(
                                AuditLog.CONFIG_CHANGE,
                                new AuditLog.Entry(
                                        "admin", "routing.roster.replace", "site-1", null, Map.of("n", "" + i)))
                        .join();
            }
        }));
        writers.forEach(CompletableFuture::join);
        awaitCaughtUp(index);
        var live = IndexDump.of(index);

        assertThat(index.rebuild("test")).isTrue();
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(index.status().finishedAt()).isNotNull();
            assertThat(index.status().state()).isEqualTo(AuditIndex.State.READY);
        });

        var rebuilt = IndexDump.of(index);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        assertThat(rebuilt).isEqualTo(live);
        assertThat(live).hasSize((int) (nonAlarmRecords() + expected().size()));
        assertThat(index.status().problem()).isNull();
    }

    @Test
    void records_arriving_during_a_rebuild_are_in_the_index_after_it() {
        openJournal();
        openIndex(FAST_COMMITS);
        morning(10);
        awaitCaughtUp(index);

        assertThat(index.rebuild("test")).isTrue();
        assertThat(index.rebuild("again")).as("one at a time").isFalse();
        morning(3);

        awaitCaughtUp(index);
        assertThat(index.status().finishedAt()).isNotNull();
        assertThat(indexed(index)).isEqualTo(expected());
    }

    @Test
    void every_journal_record_other_than_an_alarm_change_is_an_entry_with_its_fields() {
        openJournal();
        openIndex(FAST_COMMITS);
        new AuditLog(journal)
                .record(
                        AuditLog.CONFIG_CHANGE,
                        new AuditLog.Entry(
                                "admin", "routing.roster.replace", "site-1", "zone-a", Map.of("shift", "night")))
                .join();
        journal.append("camera-look-in", "not json".getBytes(StandardCharsets.UTF_8))
                .join();
        script.presence("kari", ROOM_201_BED, true);
        awaitCaughtUp(index);

        var hits = new AuditSearch(index)
                .search(new SearchQuery(null, Map.of("kind", "entry"), null, null, "time", false, 0, 10))
                .hits();

        assertThat(hits)
                .extracting(h -> h.entry().type())
                .containsExactly("config-change", "camera-look-in", "presence");
        SearchHit.Entry change = hits.get(0).entry();
        assertThat(change.actor()).isEqualTo("admin");
        assertThat(change.action()).isEqualTo("routing.roster.replace");
        assertThat(change.site()).isEqualTo("site-1");
        assertThat(change.subject()).isEqualTo("zone-a");
        assertThat(change.details()).containsEntry("shift", "night");
        assertThat(hits.get(1).entry().details()).containsEntry("payload", "not json");
        assertThat(hits.get(2).entry().action()).isEqualTo("presence.marked");
        assertThat(hits.get(2).entry().room()).isEqualTo("201");
        assertThat(hits.get(2).sequence()).isEqualTo(3);
    }

    @Test
    void the_journal_hands_the_listener_the_records_it_reads_back() {
        openJournal();
        var handed = new ArrayList<JournalRecord>();
        journal.onDurable(records -> {
            synchronized (handed) {
                handed.addAll(records);
            }
        });
        morning(1);

        var read = new ArrayList<JournalRecord>();
        journal.read(1, read::add);
        // The writer completes the appends before it hands the group over: wait for the last one.
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            synchronized (handed) {
                assertThat(handed).isEqualTo(read);
            }
        });
    }

    private static void damageEveryIndexFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .toList()) {
                flipByteAt(file, file.toFile().length() / 2);
            }
        }
    }

    /**
     * Flips a byte that opening the index does not read (only a full checksum pass finds it): the
     * damage a disk does to old data while the server is down.
     */
    private static void damageDataOpeningDoesNotRead(Path dir) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.list(dir)) {
            largest = files.filter(f -> !f.getFileName().toString().startsWith("segments"))
                    .max(Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow();
        }
        long length = largest.toFile().length();
        for (int tenth = 1; tenth < 10; tenth++) {
            long at = length * tenth / 10;
            flipByteAt(largest, at);
            try (var d = org.apache.lucene.store.FSDirectory.open(dir);
                    var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
                try {
                    for (var leaf : reader.leaves()) {
                        leaf.reader().checkIntegrity();
                    }
                } catch (IOException checksumFailed) {
                    return;
                }
            } catch (IOException | RuntimeException openingFailed) {
                // opening reads this byte: try another
            }
            flipByteAt(largest, at);
        }
        throw new AssertionError("no byte of " + largest + " is read by a checksum pass only");
    }

    private static void flipByteAt(Path file, long at) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(~b);
        }
    }
}
