package no.pasientsignal.server.provisioning;

import java.util.Objects;
import java.util.OptionalLong;
import no.pasientsignal.server.audit.Journal;

/**
 * Turns the journal's state into technical alerts: JOURNAL_FAILING while writes fail (cleared when
 * one succeeds again), JOURNAL_SPACE_LOW while its disk has less free space than the minimum, so
 * a technician hears before the disk is full. {@link #check()} is called every second or so;
 * {@link #status()} is read by {@code /health}. Thread-safe.
 */
public final class JournalWatch {

    private static final long MIB = 1024 * 1024;

    /**
     * The journal as health reports it.
     *
     * @param usableBytes free space on the journal's disk, or -1 if it could not be read
     * @param spaceLow whether that is below the minimum
     */
    public record Status(Journal.Status journal, long usableBytes, long minimumFreeBytes, boolean spaceLow) {}

    private final Journal journal;
    private final DeviceHealth health;
    private final long minimumFreeBytes;

    public JournalWatch(Journal journal, DeviceHealth health, long minimumFreeBytes) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.health = Objects.requireNonNull(health, "health");
        this.minimumFreeBytes = minimumFreeBytes;
    }

    /** Raises or clears the alerts to match the journal now. */
    public synchronized void check() {
        Status status = status();
        Journal.Status now = status.journal();
        if (now.failing()) {
            health.raiseServerAlert(
                    TechnicalAlertKind.JOURNAL_FAILING,
                    "The server cannot write its audit journal (" + now.failure() + "). Calls still reach"
                            + " staff, but devices are told to send again and nothing is recorded until the disk"
                            + " is fixed; the records wait in memory meanwhile.");
        } else {
            health.clearServerAlert(TechnicalAlertKind.JOURNAL_FAILING);
        }
        if (status.spaceLow()) {
            health.raiseServerAlert(
                    TechnicalAlertKind.JOURNAL_SPACE_LOW,
                    "Only " + status.usableBytes() / MIB + " MiB left on the journal's disk (minimum "
                            + minimumFreeBytes / MIB + " MiB). Free space or add disk before it is full.");
        } else if (status.usableBytes() >= 0) {
            health.clearServerAlert(TechnicalAlertKind.JOURNAL_SPACE_LOW);
        }
    }

    public Status status() {
        OptionalLong usable = journal.usableSpace();
        long bytes = usable.orElse(-1);
        return new Status(journal.status(), bytes, minimumFreeBytes, usable.isPresent() && bytes < minimumFreeBytes);
    }
}
