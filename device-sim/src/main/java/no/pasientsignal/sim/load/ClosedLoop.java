package no.pasientsignal.sim.load;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Saturation: a fixed number of requests always in flight, each answered request followed at
 * once by the next (closed loop), for a fixed time. Gives the most events per second the server
 * answers with this client on this machine. Devices take turns; with a chatter limit a device
 * calls only while it is under the limit (its cancels are always allowed), so the server never
 * drops calls as chatter, which would make it look faster than it is.
 */
final class ClosedLoop {

    record Result(long answered, long failed, double seconds, long starved) {
        double throughput() {
            return seconds > 0 ? answered / seconds : 0;
        }
    }

    private final ConcurrentLinkedQueue<LoadDevice> ready;
    private final int poolSize;
    private final ScheduledExecutorService scheduler;
    private final int chatterLimit;
    private final long chatterWindowNanos;
    private final LongAdder answered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder starved = new LongAdder();
    private long deadline;
    private CountDownLatch slotsDone;

    /**
     * @param chatterLimit calls per device per window; 0 for no limit (the bare baseline server)
     */
    ClosedLoop(
            List<LoadDevice> devices, ScheduledExecutorService scheduler, int chatterLimit, long chatterWindowNanos) {
        this.ready = new ConcurrentLinkedQueue<>(devices);
        this.poolSize = devices.size();
        this.scheduler = scheduler;
        this.chatterLimit = chatterLimit;
        this.chatterWindowNanos = chatterWindowNanos;
    }

    Result run(int concurrency, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + (long) (seconds * 1e9);
        slotsDone = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            scheduler.execute(this::next);
        }
        slotsDone.await();
        return new Result(answered.sum(), failed.sum(), seconds, starved.sum());
    }

    private void next() {
        long now = System.nanoTime();
        if (now >= deadline) {
            slotsDone.countDown();
            return;
        }
        LoadDevice device = pick(now);
        if (device == null) {
            // Every device is at its chatter limit or busy: the pool, not the server, limits.
            starved.increment();
            scheduler.schedule(this::next, 2, TimeUnit.MILLISECONDS);
            return;
        }
        LoadDevice.Event event = device.nextEvent(now);
        device.send(event, outcome -> {
            if (outcome.answeredNanos() <= deadline) {
                if (outcome.changed()) {
                    answered.increment();
                } else {
                    failed.increment();
                }
            }
            ready.add(device);
            // Not from the answering thread's stack: the loop would recurse on quick failures.
            scheduler.execute(this::next);
        });
    }

    private LoadDevice pick(long now) {
        // The queue is in order of last use, so if the first few are at their limit, the rest are too.
        for (int tries = 0; tries < Math.min(poolSize, 32); tries++) {
            LoadDevice device = ready.poll();
            if (device == null) {
                return null;
            }
            if (chatterLimit <= 0 || device.mayCall(now, chatterLimit, chatterWindowNanos)) {
                return device;
            }
            ready.add(device);
        }
        return null;
    }
}
