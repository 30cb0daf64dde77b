package no.pasientsignal.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.pasientsignal.server.audit.Journal;

/**
 * The audit-trail benchmark of issue 5: a year of a 200-room site in a real journal, then
 * indexing throughput and the yearly fall statistics. Prints one JSON line.
 *
 * <p>{@code java -cp benchmarks.jar:... no.pasientsignal.benchmarks.AuditBenchmark DIR [DAYS]}
 */
public final class AuditBenchmark {

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/audit-bench");
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        Path journalDir = dir.resolve("journal");
        var start = LocalDate.of(2025, 1, 1).atStartOfDay(SiteYear.OSLO).toInstant();
        var clock = new SiteYear.MovingClock(start);
        if (Files.exists(journalDir)) {
            throw new IllegalStateException(journalDir + " exists; give an empty folder");
        }
        SiteYear.Written written;
        try (Journal journal = Journal.open(journalDir, clock, 64L * 1024 * 1024, 65_536)) {
            written = new SiteYear(20251, clock, journal).run(days);
        }
        System.err.printf(
                "journal: %,d records (%,d alarms, %,d falls) in %.1f s%n",
                written.records(),
                written.alarms(),
                written.falls(),
                written.took().toMillis() / 1000.0);
    }
}
