package no.pasientsignal.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * If the disk fails or fills, appends fail (and {@link #failure()} says why) until a write
 * succeeds again; callers keep routing alarms meanwhile.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".psj";
    private static final int MAX_BATCH = 4096;

    /** What opening found and did. */
    public record Recovery(long lastSequence, long cutBytes, String cutReason) {}

    private record Pending(String type, byte[] payload, Instant at, CompletableFuture<Long> done) {}

    private final Path dir;
    private final Clock clock;
    private final long segmentBytes;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Recovery recovery;
    private volatile boolean closing;
    private volatile Consumer<List<JournalRecord>> onDurable = records -> {};
    private volatile String failure;
    private volatile long lastSequence;
    private volatile byte[] lastHash;
    private FileChannel segment;
    private long segmentSize;

    private Journal(Path dir, Clock clock, long segmentBytes, int queueCapacity) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.segmentBytes = segmentBytes;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.recovery = recover();
        this.writer = Thread.ofPlatform().name("journal-writer").daemon(false).unstarted(this::writeLoop);
        writer.start();
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}.
     *
     * @param segmentBytes a new segment starts once the current one reaches this size
     * @param queueCapacity appends waiting for the writer; beyond it, append blocks (back-pressure)
     */
    public static Journal open(Path dir, Clock clock, long segmentBytes, int queueCapacity) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(clock, "clock");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segment size must be at least 4096 bytes");
        }
        try {
            Files.createDirectories(dir);
            return new Journal(dir, clock, segmentBytes, queueCapacity);
        } catch (IOException e) {
            throw new JournalException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends a record. The future completes with its sequence number once it is durable, or
     * exceptionally with a {@link JournalException} if it could not be written.
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

    /** Reads durable records from {@code fromSequence} on, in order. */
    public void read(long fromSequence, Consumer<JournalRecord> sink) {
        readDirectory(dir, fromSequence, sink);
    }

    /** Reads records of a journal directory (also while a journal is writing to it). */
    public static void readDirectory(Path dir, long fromSequence, Consumer<JournalRecord> sink) {
        try {
            List<Path> segments = segments(dir);
            for (int i = 0; i < segments.size(); i++) {
                if (i + 1 < segments.size() && firstSequence(segments.get(i + 1)) <= fromSequence) {
                    continue;
                }
                try (var scanner = new SegmentScanner(segments.get(i))) {
                    for (JournalRecord r = scanner.next(); r != null; r = scanner.next()) {
                        if (r.sequence() >= fromSequence) {
                            sink.accept(r);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            segment = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.READ);
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
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing) {
                    continue;
                }
                // Closing: write what is already queued, then stop.
                queue.drainTo(batch);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                return;
            }
        }
    }

    private void commit(List<Pending> batch) {
        long sequence = lastSequence;
        byte[] hash = lastHash;
        long startSize = segmentSize;
        try {
            if (segmentSize >= segmentBytes) {
                segment.force(true);
                segment.close();
                openSegment(sequence + 1);
                startSize = 0;
            }
            var buffers = new ByteBuffer[batch.size()];
            var durable = new JournalRecord[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                sequence++;
                byte[] type = p.type().getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
                LOG.info("Journal writes succeed again");
                failure = null;
            }
            long seq = sequence - batch.size();
            for (Pending p : batch) {
                p.done().complete(++seq);
            }
            publish(List.of(durable));
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.error("Journal write failed: {}", failure);
            try {
                segment.truncate(startSize); // drop a partial batch so the next write starts clean
                segmentSize = startSize;
            } catch (IOException | RuntimeException ignored) {
                // The next commit retries at segmentSize; a leftover partial record is cut on reopen.
            }
            var error = new JournalException("journal write failed: " + failure, e);
            batch.forEach(p -> p.done().completeExceptionally(error));
        }
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

    private void openSegment(long firstSequence) throws IOException {
        Path file = dir.resolve(String.format("%s%020d%s", PREFIX, firstSequence, SUFFIX));
        segment = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        segmentSize = 0;
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // the new file's name must be durable too
        }
    }

    static List<Path> segments(Path dir) throws IOException {
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

    static long firstSequence(Path segmentFile) {
        String n = segmentFile.getFileName().toString();
        return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
    }
}
