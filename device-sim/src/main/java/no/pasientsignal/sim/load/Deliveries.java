package no.pasientsignal.sim.load;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import no.pasientsignal.protocol.EventKind;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Which sent events the subscriber has seen, and how long after their intended send time.
 * Latency counts from the time the event was meant to go out, not from when it went: a run that
 * falls behind shows it in the figures instead of hiding it (coordinated omission).
 */
final class Deliveries {

    private record Pending(long intendedNanos, EventKind kind) {}

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Histogram latencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    final LongAdder expected = new LongAdder();
    final LongAdder delivered = new LongAdder();

    /** Registers an event before it is sent, so an answer can never come first. */
    void expect(LoadDevice.Event event) {
        pending.put(event.id(), new Pending(event.intendedNanos(), event.kind()));
        expected.increment();
    }

    /**
     * A change read from the alarm stream: {@code eventId} is the device event that caused it.
     * RAISED delivers a call, CANCELLED a cancel; other changes (NOTIFIED...) deliver nothing.
     */
    void onAlarmChange(String change, UUID eventId, long readNanos) {
        if (eventId == null) {
            return;
        }
        EventKind wanted = wantedKind(change);
        if (wanted != null) {
            deliver(eventId, wanted, readNanos);
        }
    }

    private static EventKind wantedKind(String change) {
        return switch (change) {
            case "RAISED" -> EventKind.CALL_PRESSED;
            case "CANCELLED" -> EventKind.CALL_CANCELLED;
            default -> null;
        };
    }

    private void deliver(UUID eventId, EventKind kind, long readNanos) {
        Pending p = pending.get(eventId);
        if (p == null || p.kind() != kind || !pending.remove(eventId, p)) {
            return; // not ours, not measured (warm-up, saturation), or seen already
        }
        latencyMicros.recordValue(Math.max(0, (readNanos - p.intendedNanos()) / 1000));
        delivered.increment();
    }

    int stillPending() {
        return pending.size();
    }

    Histogram latencyMicros() {
        return latencyMicros;
    }
}
