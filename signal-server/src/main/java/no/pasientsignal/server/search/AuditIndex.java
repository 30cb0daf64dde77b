package no.pasientsignal.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalRecord;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit search index: follows the journal in near real time, and can always be rebuilt from
 * it.
 *
 * <p>The journal's writer thread hands every durable group of records to a bounded queue and
 * moves on; one indexer thread folds them into the index, refreshes searchers every {@link
 * Settings#refreshEvery()} (so a record is searchable well within a second) and commits every
 * {@link Settings#commitEvery()} with the last indexed sequence in the commit. Whatever the queue
 * could not take, or a restart lost since the last commit, is read back from the journal by
 * sequence: the index never misses a record and never indexes one twice.
 *
 * <p>A missing or damaged index (it cannot be opened, claims records the journal does not have,
 * or a file fails the checksum pass run just after opening) is put aside and rebuilt. A rebuild,
 * automatic or asked for, reads the whole journal into a fresh directory while searches keep
 * using the live index, then the indexer thread swaps it in with one commit. Nothing here delays
 * the server's start beyond opening the index: checksums, catch-up and rebuilds run afterwards.
 */
public final class AuditIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditIndex.class);
    private static final int MAX_BATCH = 10_000;
    /** Changed alarms held for the next refresh before they are written anyway (bounds memory). */
    private static final int MAX_CHANGED_ALARMS = 50_000;
    /** Coalescing window of catch-up and rebuild reads: each changed alarm is written once per this many records. */
    private static final int READ_CHUNK = 20_000;

    /**
     * @param refreshEvery how often new records become searchable
     * @param commitEvery how often the index is made durable (a crash re-reads at most this much journal)
     * @param queueCapacity records waiting for the indexer; beyond it they are read back from the journal
     */
    public record Settings(Duration refreshEvery, Duration commitEvery, int queueCapacity) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(100), Duration.ofSeconds(5), 20_000);
        }
    }

    public enum State {
        /** Up to date with the journal (give or take the last refresh). */
        READY,
        /** Being rebuilt from the journal; searches see the index as it was until the rebuild is swapped in. */
        REBUILDING,
        /** Indexing fails (see the problem); searches see the index as it was. */
        FAILED
    }

    /**
     * Where the index stands, and the current or last rebuild.
     *
     * @param complete false while the index waits for a rebuild to fill it (it was missing or damaged)
     * @param reason why the current or last rebuild ran
     * @param done records the rebuild has read
     * @param total records it has to read (the journal's length when it started)
     */
    public record Status(
            State state,
            boolean complete,
            long lastIndexedSequence,
            long journalSequence,
            String problem,
            String reason,
            long done,
            long total,
            double recordsPerSecond,
            Instant startedAt,
            Instant finishedAt) {}

    private final Path dir;
    private final Path rebuildDir;
    private final Journal journal;
    private final Settings settings;
    private final Clock clock;
    private final BlockingQueue<JournalRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread indexer;
    private volatile boolean closing;
    private volatile String problem;
    private volatile long lastIndexed;
    private volatile boolean complete;
    private volatile Rebuild rebuild;
    private volatile Swap swap;
    private volatile Thread rebuilder;

    // Written by the indexer thread only (and the constructor); searchers is read by every search.
    private FSDirectory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private IndexUpdater live;
    private long nextRefresh;
    private long nextCommit;
    private long committed;

    /** A finished rebuild, waiting for the indexer thread to swap it in. */
    private record Swap(
            IndexUpdater updater, FSDirectory directory, IndexWriter writer, CompletableFuture<Void> done) {}

    /** Progress of one rebuild; fields written by its thread, read by {@link #status()}. */
    private static final class Rebuild {
        final String reason;
        final Instant startedAt;
        final long startNanos = System.nanoTime(); // the clock may be a test's, moved by hand
        volatile long endNanos;
        volatile long total;
        volatile long done;
        volatile Instant finishedAt;
        volatile String failure;

        Rebuild(String reason, Instant startedAt) {
            this.reason = reason;
            this.startedAt = startedAt;
        }

        boolean running() {
            return finishedAt == null;
        }
    }

    private AuditIndex(Path dir, Journal journal, Settings settings, Clock clock) throws IOException {
        this.dir = dir;
        this.rebuildDir = dir.resolveSibling(dir.getFileName() + ".rebuild");
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        deleteTree(rebuildDir); // left by a rebuild a crash interrupted
        String damage = check(dir, journal.lastSequence());
        if (damage != null) {
            if (Files.exists(dir)) {
                LOG.warn("Audit index in {} {}: rebuilding it from the journal", dir, damage);
            } else {
                LOG.info("Audit index in {} {}: building it from the journal", dir, damage);
            }
            deleteTree(dir);
        }
        openLive();
        if (damage != null) {
            startEmpty();
        }
        lastIndexed = live.lastIndexed();
        journal.onDurable(this::offer);
        indexer = Thread.ofPlatform().name("audit-indexer").daemon(true).unstarted(this::run);
        indexer.start();
        if (!complete) {
            rebuild(damage != null ? damage : "is incomplete (a rebuild was interrupted)");
        }
    }

    /** Opens (and if needed rebuilds) the index in {@code dir}, following {@code journal}. */
    public static AuditIndex open(Path dir, Journal journal, Settings settings, Clock clock) {
        Objects.requireNonNull(journal, "journal");
        try {
            Files.createDirectories(dir.getParent());
            return new AuditIndex(dir, journal, settings, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit index in " + dir, e);
        }
    }

    /** Runs {@code search} on the current searcher (near real time). */
    public <T> T search(SearchFunction<T> search) {
        try (Lease lease = lease()) {
            return search.apply(lease.searcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search over the index. */
    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** A searcher held until closed, for a result streamed over time (an export). */
    public Lease lease() {
        for (int attempt = 1; ; attempt++) {
            SearcherManager manager = searchers;
            try {
                return new Lease(manager, manager.acquire());
            } catch (AlreadyClosedException reopened) {
                if (attempt == 3) {
                    throw reopened; // the index was reopened after a failure just now: take the new one
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Lease(SearcherManager manager, IndexSearcher searcher) implements AutoCloseable {
        @Override
        public void close() {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("Releasing an index searcher failed", e);
            }
        }
    }

    /**
     * Starts rebuilding the index from the journal, unless a rebuild is running.
     *
     * @return false when one was already running
     */
    public synchronized boolean rebuild(String reason) {
        Rebuild current = rebuild;
        if (current != null && current.running()) {
            return false;
        }
        var started = new Rebuild(reason, clock.instant());
        rebuild = started;
        LOG.info("Audit index rebuild started: {}", reason);
        rebuilder = Thread.ofPlatform().name("audit-index-rebuild").daemon(true).start(() -> runRebuild(started));
        return true;
    }

    public Status status() {
        Rebuild r = rebuild;
        boolean rebuilding = r != null && r.running();
        State state = problem != null || (!rebuilding && !complete)
                ? State.FAILED
                : rebuilding ? State.REBUILDING : State.READY;
        String why = problem != null ? problem : r != null ? r.failure : null;
        if (r == null) {
            return new Status(state, complete, lastIndexed, journal.lastSequence(), why, null, 0, 0, 0, null, null);
        }
        long end = r.finishedAt != null ? r.endNanos : System.nanoTime();
        double seconds = Math.max(0.001, (end - r.startNanos) / 1e9);
        return new Status(
                state,
                complete,
                lastIndexed,
                journal.lastSequence(),
                why,
                r.reason,
                r.done,
                r.total,
                r.done / seconds,
                r.startedAt,
                r.finishedAt);
    }

    /** The last journal sequence in the index (searchable after the next refresh). */
    public long lastIndexedSequence() {
        return lastIndexed;
    }

    /** Stops following the journal, indexes what it has been handed, commits and closes. */
    @Override
    public void close() {
        closing = true;
        try {
            // Never interrupt: an interrupt during Lucene's file I/O closes its channels.
            indexer.join(Duration.ofSeconds(30));
            Thread r = rebuilder;
            if (r != null) {
                r.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the indexer thread ----

    private void offer(List<JournalRecord> records) {
        if (closing) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            if (!queue.offer(records.get(i))) {
                dropped.addAndGet(records.size() - i); // read back from the journal when the gap shows
                return;
            }
        }
    }

    private void run() {
        nextCommit = System.nanoTime() + settings.commitEvery().toNanos();
        committed = live.lastIndexed();
        var batch = new ArrayList<JournalRecord>();
        try {
            verify();
        } catch (IOException | RuntimeException e) {
            problem = "indexing failed: " + e;
            LOG.error("Audit index: reopening a damaged index failed", e);
        }
        while (!closing) {
            try {
                if (problem != null && !recover()) {
                    Thread.sleep(1000); // the disk is failing: try again shortly, the journal keeps everything
                    continue;
                }
                long untilRefresh = Math.max(1, (nextRefresh - System.nanoTime()) / 1_000_000);
                JournalRecord first = queue.poll(
                        Math.min(untilRefresh, settings.refreshEvery().toMillis()), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    index(batch);
                    batch.clear();
                } else if (journal.lastSequence() > live.lastIndexed()) {
                    catchUp(journal.lastSequence()); // the queue dropped the newest records
                }
                Swap pending = swap;
                if (pending != null) {
                    swap = null;
                    swapIn(pending);
                }
                refreshAndCommitWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                batch.clear();
                problem = "indexing failed: " + e;
                LOG.error("Audit index: indexing failed; reopening from the last commit", e);
            }
        }
        shutDown();
    }

    /**
     * Every {@link Settings#refreshEvery()}: writes the alarms changed since the last refresh, each
     * once however often it changed, and refreshes the searchers (each refresh writes a small
     * segment). Every {@link Settings#commitEvery()}: commits, if anything was indexed.
     */
    private void refreshAndCommitWhenDue() throws IOException {
        if (System.nanoTime() - nextRefresh >= 0) {
            live.flush();
            lastIndexed = live.lastIndexed();
            searchers.maybeRefresh();
            nextRefresh = System.nanoTime() + settings.refreshEvery().toNanos();
        }
        if (System.nanoTime() - nextCommit >= 0) {
            if (live.lastIndexed() != committed) {
                live.commit(complete);
                committed = live.lastIndexed();
            }
            nextCommit = System.nanoTime() + settings.commitEvery().toNanos();
        }
    }

    private void index(List<JournalRecord> batch) throws IOException {
        for (JournalRecord r : batch) {
            if (r.sequence() > live.lastIndexed() + 1) {
                // A gap: the queue was full. The journal has what it missed, up to this record.
                catchUp(r.sequence() - 1);
                if (r.sequence() > live.lastIndexed() + 1) {
                    continue; // never index past a gap; the next catch-up closes it
                }
            }
            live.apply(r);
        }
        if (live.changedAlarms() > MAX_CHANGED_ALARMS) {
            live.flush();
        }
    }

    /**
     * Reads the journal after the last indexed record up to {@code upTo} (at most what is
     * durable), {@link #READ_CHUNK} records at a time, refreshing and committing in between as
     * usual: an index far behind stays searchable up to where it has come.
     */
    private void catchUp(long upTo) throws IOException {
        long from = live.lastIndexed() + 1;
        long read = 0;
        while (live.lastIndexed() < Math.min(upTo, journal.lastSequence())) {
            long before = live.lastIndexed();
            read += readJournal(live, before + 1, Math.min(upTo, before + READ_CHUNK), null);
            if (live.lastIndexed() == before) {
                break; // the journal has no record there (yet): the gap stays until it has
            }
            refreshAndCommitWhenDue();
        }
        if (read > 0) {
            LOG.info(
                    "Audit index caught up {} records from the journal from sequence {} ({} not queued)",
                    read,
                    from,
                    dropped.getAndSet(0));
        }
    }

    /**
     * Applies durable journal records from {@code from} to {@code to} to {@code updater}, writing
     * changed alarms every {@link #READ_CHUNK} records; returns how many.
     */
    private long readJournal(IndexUpdater updater, long from, long to, Rebuild progress) throws IOException {
        long durable = journal.lastSequence(); // a record on disk but not yet fsynced may still be cut
        long[] count = {0};
        try {
            journal.read(from, Math.min(to, durable), r -> {
                if (progress != null && closing) {
                    throw new CancellationException();
                }
                try {
                    updater.apply(r);
                    if (++count[0] % READ_CHUNK == 0) {
                        updater.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (progress != null) {
                    progress.done = count[0];
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        updater.flush();
        return count[0];
    }

    private static final class CancellationException extends RuntimeException {
        CancellationException() {
            super("closing", null, false, false);
        }
    }

    private void swapIn(Swap s) throws IOException {
        try {
            IndexUpdater rebuilt = s.updater();
            readJournal(rebuilt, rebuilt.lastIndexed() + 1, Long.MAX_VALUE, null); // what arrived while it was built
            rebuilt.commit(true);
            s.writer().close();
            writer.deleteAll();
            writer.addIndexes(s.directory());
            live = rebuilt.into(writer);
            complete = true;
            live.commit(true);
            lastIndexed = live.lastIndexed();
            searchers.maybeRefreshBlocking();
            s.done().complete(null);
        } catch (IOException | RuntimeException e) {
            s.done().completeExceptionally(e);
            throw e;
        } finally {
            s.directory().close();
        }
    }

    /** Opens the live index, continuing from its last commit. */
    private void openLive() throws IOException {
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, config());
        live = IndexUpdater.resume(writer);
        complete = !"false".equals(commitValue(IndexSchema.COMPLETE));
        searchers = new SearcherManager(writer, null);
    }

    private String commitValue(String key) {
        Iterable<java.util.Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (var e : data) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** After a failure: drop what was not committed and continue from the last commit. */
    private boolean recover() {
        try {
            reopen(check(dir, journal.lastSequence()));
            problem = null;
            LOG.info("Audit index reopened at sequence {}", lastIndexed);
            return true;
        } catch (IOException | RuntimeException e) {
            problem = "indexing failed: " + e;
            LOG.warn("Audit index: reopening failed: {}", e.toString());
            return false;
        }
    }

    /**
     * Closes the live index and opens it again from its last commit; or, when {@code damage} says
     * why it cannot be used, puts it aside for an empty one that follows the journal from now on
     * while a rebuild fills in the past. Searches already running finish on the old files.
     */
    private void reopen(String damage) throws IOException {
        SearcherManager old = searchers;
        try {
            writer.rollback(); // drops what was not committed; the journal still has it
        } catch (IOException | RuntimeException alreadyClosed) {
            // a tragic failure closed it already
        }
        directory.close();
        if (damage != null) {
            LOG.warn("Audit index in {} {}: rebuilding it from the journal", dir, damage);
            deleteTree(dir);
        }
        openLive();
        if (damage != null) {
            startEmpty();
            rebuild(damage);
        }
        old.close();
        lastIndexed = live.lastIndexed();
    }

    /** Follow the journal from its end at once; a rebuild fills in everything before. */
    private void startEmpty() throws IOException {
        live = new IndexUpdater(writer, journal.lastSequence(), new HashMap<>());
        complete = false;
        live.commit(false);
    }

    /**
     * Verifies every file's checksum (what CheckIndex does first). Done on the indexer thread after
     * opening, not before, so a restart of the server never waits for it: until it finishes,
     * searches read the index as it opened.
     */
    private void verify() throws IOException {
        long started = System.nanoTime();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        } catch (IOException | RuntimeException e) {
            reopen("is damaged (" + e + ")");
            return;
        }
        LOG.info("Audit index checksums verified in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void shutDown() {
        Swap pending = swap;
        if (pending != null) {
            pending.done().completeExceptionally(new IllegalStateException("closing"));
        }
        try {
            if (problem == null) {
                var rest = new ArrayList<JournalRecord>();
                queue.drainTo(rest);
                index(rest);
                catchUp(journal.lastSequence());
                live.commit(complete);
                LOG.info("Audit index closed at sequence {}", live.lastIndexed());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Audit index: last commit failed ({}); the next start reads the journal from the commit before",
                    e.toString());
        }
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Audit index: closing failed", e);
        }
    }

    // ---- rebuilds ----

    private void runRebuild(Rebuild progress) {
        FSDirectory target = null;
        IndexWriter builder = null;
        try {
            deleteTree(rebuildDir);
            target = FSDirectory.open(rebuildDir);
            builder = new IndexWriter(target, config());
            var updater = new IndexUpdater(builder, 0, new HashMap<>());
            progress.total = journal.lastSequence();
            readJournal(updater, 1, Long.MAX_VALUE, progress);
            var handOver = new Swap(updater, target, builder, new CompletableFuture<>());
            swap = handOver;
            if (closing) {
                handOver.done().completeExceptionally(new CancellationException()); // the indexer may be gone
            }
            handOver.done().get();
            target = null; // closed by the swap
            progress.endNanos = System.nanoTime();
            progress.finishedAt = clock.instant();
            LOG.info(
                    "Audit index rebuilt: {} records in {} ms; live from sequence {}",
                    progress.done,
                    (progress.endNanos - progress.startNanos) / 1_000_000,
                    lastIndexed);
        } catch (CancellationException | InterruptedException e) {
            stopped(progress);
        } catch (IOException | RuntimeException | ExecutionException e) {
            progress.endNanos = System.nanoTime();
            progress.finishedAt = clock.instant();
            if (closing) {
                progress.failure = "stopped: the server was shutting down";
            } else {
                progress.failure = "rebuild failed: " + (e instanceof ExecutionException ? e.getCause() : e);
                LOG.error("Audit index rebuild failed", e);
            }
        } finally {
            try {
                if (builder != null && builder.isOpen()) {
                    builder.rollback();
                }
                if (target != null) {
                    target.close();
                }
                deleteTree(rebuildDir);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Audit index: cleaning up after the rebuild failed", e);
            }
        }
    }

    private void stopped(Rebuild progress) {
        progress.failure = "stopped: the server was shutting down";
        progress.endNanos = System.nanoTime();
        progress.finishedAt = clock.instant();
    }

    // ---- helpers ----

    private static IndexWriterConfig config() {
        return new IndexWriterConfig(new StandardAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false) // commits carry the journal sequence; close without one loses nothing
                .setRAMBufferSizeMB(64);
    }

    /**
     * Why the index in {@code dir} cannot be used, or null when it can: missing, not readable by
     * Lucene (its commit point is checksummed on every open), or ahead of the journal (a journal
     * restored from an older copy). The checksums of the data files are verified after opening.
     */
    static String check(Path dir, long journalSequence) {
        if (!Files.isDirectory(dir)) {
            return "is missing";
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return "is missing";
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                String indexed = reader.getIndexCommit().getUserData().getOrDefault(IndexSchema.LAST_SEQUENCE, "0");
                if (Long.parseLong(indexed) > journalSequence) {
                    return "is ahead of the journal (index at " + indexed + ", journal at " + journalSequence + ")";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "is damaged (" + e + ")";
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
