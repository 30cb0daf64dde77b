package no.pasientsignal.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.report.FallCounts;
import no.pasientsignal.server.report.Period;
import no.pasientsignal.server.report.Reports;
import no.pasientsignal.server.routing.RoutingTables;
import no.pasientsignal.server.search.AuditIndex;
import no.pasientsignal.server.search.IndexedHistories;
import org.HdrHistogram.Histogram;

/**
 * The audit-trail benchmark of issue 5, on real files: a year of a 200-room site ({@link
 * SiteYear}, about 6 million journal records) is written to a journal while the search index
 * follows it live; then the index is rebuilt from the journal from scratch (indexing throughput);
 * then the yearly fall statistics are asked for repeatedly (latency percentiles). Prints one
 * JSON line on stdout; progress on stderr.
 *
 * <pre>java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
 *     no.pasientsignal.benchmarks.AuditBenchmark [FOLDER [DAYS [QUERIES]]]</pre>
 *
 * A FOLDER that already holds a generated journal is reused (only indexing and queries run).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/audit-bench");
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path journalDir = dir.resolve("journal");
        Path indexDir = dir.resolve("index");
        LocalDate first = LocalDate.of(2025, 1, 1);
        var out = new StringBuilder("{\"days\":").append(days);

        if (!Files.exists(journalDir)) {
            // Live: the index follows the journal while a year is written as fast as the engine goes.
            var clock =
                    new SiteYear.MovingClock(first.atStartOfDay(SiteYear.OSLO).toInstant());
            try (Journal journal = Journal.open(journalDir, clock, 64L * 1024 * 1024, 65_536);
                    AuditIndex index = AuditIndex.open(indexDir, journal, AuditIndex.Settings.defaults(), clock)) {
                long cpuBefore = processCpuNanos();
                SiteYear.Written written = new SiteYear(20251, clock, journal).run(days);
                long caughtUpNanos = time(() -> {
                    // Polled, not spun: on a 2-core machine a spinning main thread takes a core
                    // from the indexer it waits for.
                    while (index.lastIndexedSequence() < journal.lastSequence()) {
                        LockSupport.parkNanos(1_000_000);
                    }
                    return null;
                });
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                double indexerCpuSeconds = threadCpuNanos("audit-indexer") / 1e9;
                double seconds = written.took().toNanos() / 1e9;
                System.err.printf(
                        "journal: %,d records (%,d alarms, %,d falls) in %.1f s = %,.0f records/s, index followed live;"
                                + " it caught up %.0f ms after the last write; %.1f s CPU (generator, journal and"
                                + " index), of which the indexer thread %.1f s%n",
                        written.records(),
                        written.alarms(),
                        written.falls(),
                        seconds,
                        written.records() / seconds,
                        caughtUpNanos / 1e6,
                        cpuSeconds,
                        indexerCpuSeconds);
                out.append(",\"records\":")
                        .append(written.records())
                        .append(",\"alarms\":")
                        .append(written.alarms())
                        .append(",\"falls\":")
                        .append(written.falls())
                        .append(",\"liveWriteRecordsPerSecond\":")
                        .append(Math.round(written.records() / seconds))
                        .append(",\"liveIndexLagAfterLastWriteMs\":")
                        .append(Math.round(caughtUpNanos / 1e6))
                        .append(",\"liveCpuSeconds\":")
                        .append(String.format(Locale.ROOT, "%.1f", cpuSeconds))
                        .append(",\"liveIndexerCpuSeconds\":")
                        .append(String.format(Locale.ROOT, "%.1f", indexerCpuSeconds));
            }
        }

        // Rebuild: a fresh index from the whole journal, as after losing or damaging the index.
        deleteTree(indexDir);
        try (Journal journal = Journal.open(journalDir, Clock.systemUTC(), 64L * 1024 * 1024, 65_536)) {
            long records = journal.lastSequence();
            long cpuBefore = processCpuNanos();
            long began = System.nanoTime();
            try (AuditIndex index =
                    AuditIndex.open(indexDir, journal, AuditIndex.Settings.defaults(), Clock.systemUTC())) {
                while (!(index.status().complete() && index.status().state() == AuditIndex.State.READY)) {
                    Thread.sleep(50); // a benchmark main polling progress, not a test
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                System.err.printf(
                        "rebuild: %,d records in %.1f s = %,.0f records/s; %.1f s CPU%n",
                        records, seconds, records / seconds, cpuSeconds);
                out.append(",\"rebuildRecords\":")
                        .append(records)
                        .append(",\"rebuildSeconds\":")
                        .append(String.format(Locale.ROOT, "%.1f", seconds))
                        .append(",\"rebuildCpuSeconds\":")
                        .append(String.format(Locale.ROOT, "%.1f", cpuSeconds))
                        .append(",\"rebuildRecordsPerSecond\":")
                        .append(Math.round(records / seconds));

                var reports = new Reports(new IndexedHistories(index), new RoutingTables(ZoneId.of("Europe/Oslo")));
                Period year = new Period(first, first.plusDays(days - 1L));
                String site = SiteYear.SITE;
                var byMonth =
                        latencies(queries, () -> reports.falls(site, year, FallCounts.By.MONTH, FallCounts.Per.WARD));
                var byHour =
                        latencies(queries, () -> reports.falls(site, year, FallCounts.By.HOUR, FallCounts.Per.ROOM));
                var byResident = latencies(
                        queries, () -> reports.falls(site, year, FallCounts.By.WEEK, FallCounts.Per.RESIDENT));
                System.err.println("falls by month per ward: "
                        + reports.falls(site, year, FallCounts.By.MONTH, FallCounts.Per.WARD));
                out.append(",\"fallStatsQueries\":").append(queries);
                append(out, "fallsByMonthPerWard", byMonth);
                append(out, "fallsByHourPerRoom", byHour);
                append(out, "fallsByWeekPerResident", byResident);
            }
        }
        System.out.println(out.append('}'));
    }

    private static Histogram latencies(int queries, Supplier<?> query) {
        for (int i = 0; i < Math.max(20, queries / 5); i++) {
            query.get(); // warm-up: JIT and page cache
        }
        var histogram = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        for (int i = 0; i < queries; i++) {
            histogram.recordValue(time(query));
        }
        return histogram;
    }

    private static void append(StringBuilder out, String name, Histogram h) {
        out.append(String.format(
                Locale.ROOT,
                ",\"%s\":{\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}",
                name,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6));
        System.err.printf(
                "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                name, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }

    /**
     * CPU time of the whole process (every thread: indexing, merges, GC, JIT): on a shared machine
     * the wall time depends on what else runs, this much less.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the live threads named {@code name} (the index's own threads are daemons of the benchmark's JVM). */
    private static long threadCpuNanos(String name) {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.threadId())))
                .sum();
    }

    private static long time(Supplier<?> task) {
        long began = System.nanoTime();
        task.get();
        return System.nanoTime() - began;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
