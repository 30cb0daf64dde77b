package no.pasientsignal.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code signal-server verify-journal DIR}: checks a journal directory without starting the
 * server. Prints OK with the record count, first and last sequence and head hash, or the segment
 * file, sequence and reason of the first tampering or damage found. Exit code 0 OK, 1 tampered or
 * damaged, 2 usage or I/O error. Read-only: safe on a copy, a backup or the live folder.
 */
@Command(
        name = "signal-server verify-journal",
        description = {
            "Verifies an audit journal: record structure, gap-free sequence numbers across segments and the"
                    + " hash chain from the first record to the last.",
            "Exit code: 0 the journal verifies, 1 tampered or damaged, 2 usage or I/O error."
        })
final class VerifyJournalCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int TAMPERED = 1;
    static final int ERROR = 2;

    @Parameters(index = "0", paramLabel = "DIR", description = "the journal directory, e.g. data/server/journal")
    Path dir;

    @Option(
            names = "--expect-hash",
            paramLabel = "HASH",
            description = "a head hash published earlier (hex); some record must have it, else the journal up to"
                    + " it was rewritten")
    String expectHash;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command on {@code args}; returns the exit code. */
    static int run(String... args) {
        return new CommandLine(new VerifyJournalCommand()).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (expectHash != null && !expectHash.matches("(?i)[0-9a-f]{64}")) {
            err.println("--expect-hash: 64 hex digits expected");
            return ERROR;
        }
        JournalVerifier.Report report;
        try {
            if (!Files.isDirectory(dir)) {
                err.println("No journal directory at " + dir);
                return ERROR;
            }
            if (Journal.segments(dir).isEmpty()) {
                err.println("No journal segments (journal-*.psj) in " + dir);
                return ERROR;
            }
            report = JournalVerifier.verify(dir, expectHash);
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read the journal in " + dir + ": " + e.getMessage());
            return ERROR;
        }
        if (report.ok()) {
            out.println("OK: " + report.records() + " records, sequence " + report.firstSequence() + " to "
                    + report.lastSequence() + ", head hash " + report.headHash());
            return OK;
        }
        out.println("TAMPERED OR DAMAGED (" + report.finding() + "): " + report.problem());
        if (report.segment() != null) {
            out.println("  segment:  " + dir.resolve(report.segment()));
        }
        if (report.sequence() > 0) {
            out.println("  sequence: " + report.sequence());
        }
        out.println("  verified before it: " + report.records() + " record(s)"
                + (report.records() > 0
                        ? ", sequence " + report.firstSequence() + " to " + report.lastSequence() + ", head hash "
                                + report.headHash()
                        : ""));
        return TAMPERED;
    }
}
