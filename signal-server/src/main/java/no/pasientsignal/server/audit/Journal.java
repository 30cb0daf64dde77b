package no.pasientsignal.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system of record: an append-only journal in segment files, every record numbered and
 * hash-chained, written by one thread that commits in groups with one fsync per group.
 *
 * <p>{@link #append} returns a future that completes only when the record is on disk; the device
 * is acknowledged after that, so an acknowledged event survives kill -9 and power loss. Many
 * appends arriving together share one fsync (group commit), so throughput does not pay one disk
 * flush per event.
 *
 * <p>On open the last segment is scanned: a torn last record (a crash mid-write) is cut off and
 * reported; damage with valid records after it is refused, never cut, so no evidence is destroyed.
 *
 * <p>If the disk fails or fills, appends fail at once (so devices are answered 5.03 and resend,
 * and {@link #failure()} says why) but the records are not dropped: they are kept in memory, in
 * order, with their original times, and written first, still in order, as soon as a write
 * succeeds again. The writer retries on its own every second, so the journal recovers without
 * waiting for new appends. The memory kept is bounded ({@code retainBytes}); past the bound
 * further records are lost, logged loudly, counted, and a {@link #LOST} record says how many
 * and when, in their place, once the disk recovers. Callers keep routing alarms meanwhile.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".psj";
    private static final int MAX_BATCH = 4096;

    /** Record type written after an outage longer than the memory bound: records lost, and when. */
    public static final String LOST = "journal-lost";

    /** Memory kept for records whose write failed, unless told otherwise. */
    public static final long DEFAULT_RETAIN_BYTES = 64L * 1024 * 1024;

    /** How often a failing writer tries again with nothing new to write. */
    private static final long RETRY_MILLIS = 1000;

    /** A failure that goes on is logged again at most this often, not once a second. */
    private static final long REPEAT_LOG_MILLIS = 60_000;

    /** Wakes the writer on close. */
    private static final Pending WAKE = new Pending("", new byte[0], Instant.EPOCH, null);

    /** What opening found and did. */
    public record Recovery(long lastSequence, long cutBytes, String cutReason) {}

    /**
     * The writer's state now.
     *
     * @param failure why writes fail, or null while they succeed
     * @param failingSince when the current run of failures began, or null
     * @param unwritten records kept in memory to be written when the disk recovers
     * @param lost records of the current outage beyond the memory bound, never to be written
     */
    public record Status(long lastSequence, String failure, Instant failingSince, int unwritten, long lost) {
        public boolean failing() {
            return failure != null;
        }
    }

    /**
     * Opens segment files. The seam lets a test wrap the channel so that writes fail (a full or
     * broken disk); production opens real {@link FileChannel}s.
     */
    @FunctionalInterface
    interface SegmentFiles {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    private record Pending(String type, byte[] payload, Instant at, CompletableFuture<Long> done) {
        /** Roughly what keeping it in memory costs. */
        long size() {
            return payload.length + type.length() + 64L;
        }
    }

    private final Path dir;
    private final Clock clock;
    private final long segmentBytes;
    private final long retainBytes;
    private final SegmentFiles files;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Recovery recovery;
    private volatile boolean closing;
    private volatile Consumer<List<JournalRecord>> onDurable = records -> {};
    private volatile String failure;
    private volatile Instant failingSince;
    private volatile int unwritten;
    private volatile long lostCount;
    private volatile long lastSequence;
    private volatile byte[] lastHash;
    private FileChannel segment;
    private long segmentSize;

    // Writer thread only: records whose write failed, oldest first, and what the bound cost.
    private final ArrayDeque<Pending> kept = new ArrayDeque<>();
    private long keptBytes;
    private Instant lostFrom;
    private Instant lostTo;
    private long lastFailureLog;
    private long nextAttempt;

    private Journal(Path dir, Clock clock, long segmentBytes, int queueCapacity, long retainBytes, SegmentFiles files)
            throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.segmentBytes = segmentBytes;
        this.retainBytes = retainBytes;
        this.files = files;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.recovery = recover();
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(false).unstarted(this::writeLoop);
        writer.start();
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}, keeping up to {@link
     * #DEFAULT_RETAIN_BYTES} of records while the disk fails.
     *
     * @param segmentBytes a new segment starts once the current one reaches this size
     * @param queueCapacity appends waiting for the writer; beyond it, append blocks (back-pressure)
     */
    public static Journal open(Path dir, Clock clock, long segmentBytes, int queueCapacity) {
        return open(dir, clock, segmentBytes, queueCapacity, DEFAULT_RETAIN_BYTES);
    }

    /** As {@link #open(Path, Clock, long, int)}, keeping up to {@code retainBytes} while the disk fails. */
    public static Journal open(Path dir, Clock clock, long segmentBytes, int queueCapacity, long retainBytes) {
        return open(dir, clock, segmentBytes, queueCapacity, retainBytes, FileChannel::open);
    }

    static Journal open(
            Path dir, Clock clock, long segmentBytes, int queueCapacity, long retainBytes, SegmentFiles files) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(files, "files");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segment size must be at least 4096 bytes");
        }
        if (retainBytes < 0) {
            throw new IllegalArgumentException("retainBytes must not be negative");
        }
        try {
            Files.createDirectories(dir);
            return new Journal(dir, clock, segmentBytes, queueCapacity, retainBytes, files);
        } catch (IOException e) {
            throw new JournalException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends a record. The future completes with its sequence number once it is durable, or
     * exceptionally with a {@link JournalException} if it could not be written now (the record is
     * then kept and written when the disk recovers, see the class comment).
     */
    public CompletableFuture<Long> append(String type, byte[] payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (payload.length + type.length() * 3 + 18 > RecordFormat.MAX_BODY) {
            return CompletableFuture.failedFuture(new JournalException("record too large: " + payload.length));
        }
        var pending = new Pending(type, payload.clone(), clock.instant(), new CompletableFuture<>());
        if (closing) {
            pending.done().completeExceptionally(new JournalException("journal is closed"));
            return pending.done();
        }
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done().completeExceptionally(new JournalException("interrupted while queueing", e));
        }
        return pending.done();
    }

    /**
     * Hands each group of records, once durable and in sequence order, to {@code listener} on the
     * writer thread (so it must not block: the search index only queues them). A listener that
     * throws is logged and never fails a write.
     */
    public void onDurable(Consumer<List<JournalRecord>> listener) {
        onDurable = Objects.requireNonNull(listener, "listener");
    }

    public long lastSequence() {
        return lastSequence;
    }

    /** Hash of the newest durable record: publish it elsewhere to anchor the chain. */
    public String headHash() {
        return HexFormat.of().formatHex(lastHash);
    }

    public Recovery recovery() {
        return recovery;
    }

    /** Why the last write failed, while writes are failing; empty when the journal is healthy. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Status status() {
        return new Status(lastSequence, failure, failingSince, unwritten, lostCount);
    }

    /** Bytes free for the journal on its file system (for a warning before it is full). */
    public OptionalLong usableSpace() {
        try {
            return OptionalLong.of(Files.getFileStore(dir).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads durable records from {@code fromSequence} on, in order. */
    public void read(long fromSequence, Consumer<JournalRecord> sink) {
        readDirectory(dir, fromSequence, Long.MAX_VALUE, sink);
    }

    /** Reads records from {@code fromSequence} to {@code toSequence} (inclusive), in order. */
    public void read(long fromSequence, long toSequence, Consumer<JournalRecord> sink) {
        readDirectory(dir, fromSequence, toSequence, sink);
    }

    /** Reads records of a journal directory (also while a journal is writing to it). */
    public static void readDirectory(Path dir, long fromSequence, Consumer<JournalRecord> sink) {
        readDirectory(dir, fromSequence, Long.MAX_VALUE, sink);
    }

    private static void readDirectory(Path dir, long fromSequence, long toSequence, Consumer<JournalRecord> sink) {
        try {
            List<Path> segments = segments(dir);
            for (int i = 0; i < segments.size(); i++) {
                if (i + 1 < segments.size() && firstSequence(segments.get(i + 1)) <= fromSequence) {
                    continue;
                }
                if (firstSequence(segments.get(i)) > toSequence) {
                    return;
                }
                try (var scanner = new SegmentScanner(segments.get(i))) {
                    for (JournalRecord r = scanner.next(fromSequence); r != null; r = scanner.next(fromSequence)) {
                        if (r.sequence() > toSequence) {
                            return;
                        }
                        sink.accept(r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes what is queued (and what the disk refused, if it takes it now), then stops. No
     * interrupt: an interrupted FileChannel closes itself mid-write.
     */
    @Override
    public void close() {
        closing = true;
        queue.offer(WAKE);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Appends that raced with closing would otherwise wait for ever.
        var late = new ArrayList<Pending>();
        queue.drainTo(late);
        late.stream()
                .filter(p -> p != WAKE)
                .forEach(p -> p.done().completeExceptionally(new JournalException("journal is closed")));
        if (!writer.isAlive() && (!kept.isEmpty() || lostCount > 0)) {
            LOG.error(
                    "Journal closed while the disk still fails: {} record(s) kept in memory and {} beyond the bound"
                            + " are lost",
                    kept.size(),
                    lostCount);
        }
        try {
            if (segment != null) {
                segment.close();
            }
        } catch (IOException e) {
            LOG.warn("Closing journal segment failed", e);
        }
    }

    private Recovery recover() throws IOException {
        List<Path> segments = segments(dir);
        lastHash = RecordFormat.GENESIS;
        lastSequence = 0;
        long cut = 0;
        String reason = null;
        if (!segments.isEmpty()) {
            Path last = segments.getLast();
            long validEnd;
            try (var scanner = new SegmentScanner(last)) {
                JournalRecord r;
                long expected = firstSequence(last);
                while ((r = scanner.next()) != null) {
                    if (r.sequence() != expected) {
                        throw new JournalException("sequence gap in " + last.getFileName() + ": expected " + expected
                                + ", found " + r.sequence() + "; run the verify command");
                    }
                    lastSequence = r.sequence();
                    lastHash = r.hash();
                    expected++;
                }
                if (scanner.end() == SegmentScanner.End.DAMAGED) {
                    throw new JournalException("journal segment " + last.getFileName() + " is damaged ("
                            + scanner.problem() + ") with valid records after the damage; not cutting evidence,"
                            + " run the verify command");
                }
                validEnd = scanner.validEnd();
                if (scanner.end() == SegmentScanner.End.TORN_TAIL) {
                    reason = scanner.problem();
                }
            }
            if (lastSequence == 0 && firstSequence(last) > 1) {
                lastSequence = firstSequence(last) - 1; // a fresh segment: the chain continues from the previous one
                lastHash = lastHashOf(segments.get(segments.size() - 2));
            }
            segment = files.open(last, StandardOpenOption.WRITE, StandardOpenOption.READ);
            cut = segment.size() - validEnd;
            if (cut > 0) {
                LOG.warn("Journal: cut a torn last record ({} bytes, {}) from {}", cut, reason, last.getFileName());
                segment.truncate(validEnd);
                segment.force(true);
            }
            segmentSize = validEnd;
        } else {
            openSegment(1);
        }
        LOG.info("Journal open in {}: last sequence {}", dir, lastSequence);
        return new Recovery(lastSequence, cut, reason);
    }

    private static byte[] lastHashOf(Path segmentFile) throws IOException {
        byte[] hash = RecordFormat.GENESIS;
        try (var scanner = new SegmentScanner(segmentFile)) {
            for (JournalRecord r = scanner.next(); r != null; r = scanner.next()) {
                hash = r.hash();
            }
        }
        return hash;
    }

    private void writeLoop() {
        var batch = new ArrayList<Pending>();
        while (true) {
            try {
                // While failing, wake up on our own to retry, so kept records reach the disk (and
                // the failure clears) without waiting for the next append.
                Pending first = queue.poll(failure == null ? 200 : RETRY_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    batch.remove(WAKE);
                }
                if (!batch.isEmpty() || !kept.isEmpty() || lostCount > 0) {
                    commit(batch);
                    batch.clear();
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                // Not used to stop the writer (see close); keep going.
            }
        }
    }

    /** Writes what the disk refused before (oldest first), then {@code fresh}, with one fsync. */
    private void commit(List<Pending> fresh) {
        if (failure != null && !closing && System.nanoTime() - nextAttempt < 0) {
            // Failing: try the disk at most once per retry interval, not for every batch (each try
            // hashes every kept record again and may leave partial writes to cut).
            refuse(fresh, null);
            return;
        }
        List<Pending> batch = fresh;
        if (!kept.isEmpty() || lostCount > 0) {
            batch = new ArrayList<>(kept.size() + fresh.size() + 1);
            batch.addAll(kept);
            if (lostCount > 0) {
                batch.add(lostNote()); // where the lost records would have been
            }
            batch.addAll(fresh);
        }
        long sequence = lastSequence;
        byte[] hash = lastHash;
        long startSize = segmentSize;
        try {
            if (failure != null && segment != null) {
                // A failed write may have left bytes the truncate below could not remove.
                segment.truncate(segmentSize);
            }
            if (segment == null || segmentSize >= segmentBytes) {
                roll(sequence + 1);
                startSize = 0;
            }
            var buffers = new ByteBuffer[batch.size()];
            var durable = new JournalRecord[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                sequence++;
                byte[] type = p.type().getBytes(StandardCharsets.UTF_8);
                hash = RecordFormat.chainHash(hash, sequence, RecordFormat.micros(p.at()), type, p.payload());
                buffers[i] = RecordFormat.encode(sequence, p.at(), p.type(), p.payload(), hash);
                durable[i] = new JournalRecord(
                        sequence, RecordFormat.fromMicros(RecordFormat.micros(p.at())), p.type(), p.payload(), hash);
            }
            long written = 0;
            segment.position(segmentSize);
            while (anyRemaining(buffers)) {
                written += segment.write(buffers);
            }
            segment.force(false);
            segmentSize += written;
            lastSequence = sequence;
            lastHash = hash;
            if (failure != null) {
                LOG.warn(
                        "Journal writes succeed again (failing since {}): {} kept record(s) written{}",
                        failingSince,
                        kept.size(),
                        lostCount > 0 ? ", " + lostCount + " lost (noted in the journal)" : "");
                failure = null;
                failingSince = null;
            }
            kept.clear();
            keptBytes = 0;
            unwritten = 0;
            lostCount = 0;
            lostFrom = null;
            lostTo = null;
            long seq = sequence - batch.size();
            for (Pending p : batch) {
                p.done().complete(++seq); // kept ones failed already: a no-op for them
            }
            publish(List.of(durable));
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long now = System.currentTimeMillis();
            if (failure == null || !reason.equals(failure) || now - lastFailureLog >= REPEAT_LOG_MILLIS) {
                LOG.error(
                        "Journal write failed: {}; {} record(s) kept in memory to write when the disk recovers",
                        reason,
                        kept.size() + fresh.size());
                lastFailureLog = now;
            }
            if (failure == null) {
                failingSince = clock.instant();
            }
            failure = reason;
            nextAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
            try {
                if (segment != null) {
                    segment.truncate(startSize); // drop a partial batch so the next write starts clean
                    segmentSize = startSize;
                }
            } catch (IOException | RuntimeException ignored) {
                // The next commit truncates again first; a leftover partial record is cut on reopen.
            }
            refuse(fresh, e);
        }
    }

    /** Fails the appenders' futures at once (devices resend) and keeps the records to write later. */
    private void refuse(List<Pending> fresh, Throwable cause) {
        var error = new JournalException("journal write failed: " + failure, cause);
        for (Pending p : fresh) {
            p.done().completeExceptionally(error);
            keep(p);
        }
        unwritten = kept.size();
    }

    /**
     * Keeps a record the disk refused, within the memory bound. Past it, the rest of the outage is
     * lost (not the oldest: the journal then has one gap, at the end of the outage, and a note).
     */
    private void keep(Pending p) {
        if (lostCount == 0 && keptBytes + p.size() <= retainBytes) {
            kept.add(p);
            keptBytes += p.size();
            return;
        }
        if (lostCount == 0) {
            lostFrom = p.at();
            LOG.error(
                    "JOURNAL RECORDS ARE BEING LOST: the disk has failed since {} and the {} bytes kept in memory"
                            + " ({} records) are used up; records from {} on are lost until the disk recovers",
                    failingSince,
                    keptBytes,
                    kept.size(),
                    p.at());
        }
        lostCount++;
        lostTo = p.at();
    }

    /** The record that stands in for records lost past the memory bound. */
    private Pending lostNote() {
        String json = "{\"records\":" + lostCount + ",\"from\":\"" + lostFrom + "\",\"to\":\"" + lostTo
                + "\",\"reason\":\"disk failing and memory bound reached\"}";
        return new Pending(LOST, json.getBytes(StandardCharsets.UTF_8), lostTo, new CompletableFuture<>());
    }

    private void publish(List<JournalRecord> records) {
        try {
            onDurable.accept(records);
        } catch (RuntimeException e) {
            LOG.warn("Journal listener failed", e);
        }
    }

    private static boolean anyRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Closes a full segment and starts the next; safe to retry after a failure part way. */
    private void roll(long firstSequence) throws IOException {
        if (segment != null) {
            segment.force(true);
            segment.close();
            segment = null;
        }
        openSegment(firstSequence);
    }

    private void openSegment(long firstSequence) throws IOException {
        Path file = dir.resolve(String.format("%s%020d%s", PREFIX, firstSequence, SUFFIX));
        FileChannel channel =
                files.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            if (channel.size() > 0) {
                // Left by an earlier try at this roll-over that failed: nothing in it was ever
                // acknowledged, since its first sequence is past the last durable one.
                LOG.warn("Journal: emptying {} left by a failed roll-over", file.getFileName());
                channel.truncate(0);
            }
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true); // the new file's name must be durable too
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        segment = channel;
        segmentSize = 0;
    }

    /** The segment files of a journal directory, oldest first; empty if there is none. */
    public static List<Path> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The sequence of a segment's first record, from its file name. */
    public static long firstSequence(Path segmentFile) {
        String n = segmentFile.getFileName().toString();
        return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
    }
}
