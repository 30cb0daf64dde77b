package no.pasientsignal.sim.load;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import no.pasientsignal.sim.ClientTiming;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The measured phase: events at a fixed aggregate rate, whatever the server does (open loop).
 * Event {@code i} is due at {@code start + i / rate} and goes to device {@code i mod N}, so each
 * device sends every {@code N / rate} seconds, alternating call and cancel. A run that falls
 * behind sends late, and the latency still counts from the due time.
 */
final class OpenLoop {

    record Result(
            long sent,
            long acked,
            long refused,
            long failed,
            long maxSendLagMicros,
            Histogram ackMicros,
            double seconds) {}

    private OpenLoop() {}

    /**
     * Runs {@code warmupSeconds} unmeasured, then {@code seconds} measured, as one schedule (the
     * devices' call/cancel rhythm does not restart in between).
     */
    static Result run(
            List<LoadDevice> devices,
            double rate,
            double warmupSeconds,
            double seconds,
            Deliveries deliveries,
            PrintWriter err) {
        long measureFrom = Math.round(rate * warmupSeconds);
        long total = measureFrom + Math.round(rate * seconds);
        double periodNanos = 1e9 / rate;
        var acked = new LongAdder();
        var refused = new LongAdder();
        var failed = new LongAdder();
        var ack = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        long maxLag = 0;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            LoadDevice device = devices.get((int) (i % devices.size()));
            LoadDevice.Event event = device.nextEvent(due);
            if (i < measureFrom) {
                device.send(event, outcome -> {});
                continue;
            }
            deliveries.expect(event);
            device.send(event, outcome -> {
                if (outcome.changed()) {
                    acked.increment();
                    ack.recordValue(Math.max(0, outcome.ackNanos() / 1000));
                } else if (outcome.code() != null) {
                    refused.increment();
                } else {
                    failed.increment();
                }
            });
            if (now >= nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(5);
                err.printf(
                        "  %4.0f s: sent %d, acknowledged %d, delivered %d, failed %d%n",
                        (now - start) / 1e9,
                        i + 1,
                        acked.sum(),
                        deliveries.delivered.sum(),
                        failed.sum() + refused.sum());
                err.flush();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Every request ends, answered or given up after its retransmissions; wait for that.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ClientTiming.CALL.totalTimeoutMillis() + 1000);
        while (acked.sum() + refused.sum() + failed.sum() < total - measureFrom && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return new Result(total - measureFrom, acked.sum(), refused.sum(), failed.sum(), maxLag / 1000, ack, elapsed);
    }

    /**
     * The most calls one device makes within any {@code windowSeconds} in this schedule: the
     * server drops triggers above its chatter limit, which would show as lost events.
     */
    static long maxCallsPerWindow(int devices, double rate, double seconds, double windowSeconds) {
        double callEvery = 2.0 * devices / rate; // every other event of a device is a call
        long callsPerDevice = (long) Math.ceil(Math.round(rate * seconds) / (2.0 * devices));
        long inWindow = (long) Math.floor(windowSeconds / callEvery) + 1;
        return Math.min(callsPerDevice, inWindow);
    }
}
