package no.pasientsignal.sim.load;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.EventKind;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;

/**
 * One simulated call button of the load run: its own DTLS session and UDP socket (as a real device
 * has), sending asynchronously so thousands of devices need no thread each.
 *
 * <p>A device sends its events one at a time, in order: the next waits for the answer to the one
 * before, as firmware does, so a cancel never overtakes its call. It alternates call and cancel,
 * so its room never has two presses open, and it remembers when it called, so a caller can keep it
 * under the server's chatter limit.
 */
final class LoadDevice implements AutoCloseable {

    /** What became of one request. {@code code} is null when no answer came. */
    record Outcome(String code, long sentNanos, long answeredNanos, String failure) {
        boolean changed() {
            return "2.04".equals(code);
        }

        long ackNanos() {
            return answeredNanos - sentNanos;
        }
    }

    /** An event to send, with the time it was meant to be sent. */
    record Event(UUID id, EventKind kind, long intendedNanos) {}

    private static final EventCodec CODEC = new EventCodec();

    final String deviceId;
    private final CoapEndpoint endpoint;
    private final String eventsUri;
    private final String heartbeatUri;
    private final byte[] heartbeatPayload;
    private final LongAdder retransmissions;

    // Guarded by this: the device's event queue and where it is in its call/cancel cycle.
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private boolean busy;
    private boolean openCall;
    private final Deque<Long> recentCalls = new ArrayDeque<>();

    LoadDevice(
            String deviceId,
            CoapEndpoint endpoint,
            String baseUri,
            byte[] heartbeatPayload,
            LongAdder retransmissions) {
        this.deviceId = deviceId;
        this.endpoint = endpoint;
        this.eventsUri = baseUri + DeviceProtocol.EVENTS_PATH;
        this.heartbeatUri = baseUri + DeviceProtocol.HEARTBEAT_PATH;
        this.heartbeatPayload = heartbeatPayload;
        this.retransmissions = retransmissions;
    }

    void start() throws IOException {
        endpoint.start();
    }

    /**
     * The device's next event: a cancel of its open call, else a new call. Recorded as sent from
     * here on, so consecutive calls of this method alternate.
     */
    synchronized Event nextEvent(long intendedNanos) {
        if (openCall) {
            openCall = false;
            return new Event(UUID.randomUUID(), EventKind.CALL_CANCELLED, intendedNanos);
        }
        openCall = true;
        recentCalls.addLast(intendedNanos);
        while (recentCalls.size() > 16) {
            recentCalls.pollFirst();
        }
        return new Event(UUID.randomUUID(), EventKind.CALL_PRESSED, intendedNanos);
    }

    /** Whether the device has a call open (its next event is a cancel). */
    synchronized boolean callOpen() {
        return openCall;
    }

    /** Marks a call found open on the server (left by an earlier run) as this device's own. */
    synchronized void adoptOpenCall() {
        openCall = true;
    }

    /**
     * Whether its next event keeps the device within {@code limit} calls per {@code windowNanos}
     * (cancels are always allowed: they are not triggers).
     */
    synchronized boolean mayCall(long nowNanos, int limit, long windowNanos) {
        if (openCall) {
            return true;
        }
        int inWindow = 0;
        for (long at : recentCalls) {
            if (nowNanos - at < windowNanos) {
                inWindow++;
            }
        }
        return inWindow < limit;
    }

    /** Sends {@code event} after the device's earlier events have been answered. */
    void send(Event event, Consumer<Outcome> done) {
        byte[] payload = CODEC.encode(new DeviceEvent(event.id(), event.kind(), System.currentTimeMillis()));
        Runnable task = () -> post(eventsUri, payload, outcome -> {
            try {
                done.accept(outcome);
            } finally {
                sendNextQueued();
            }
        });
        synchronized (this) {
            if (busy) {
                queued.addLast(task);
                return;
            }
            busy = true;
        }
        task.run();
    }

    private void sendNextQueued() {
        Runnable next;
        synchronized (this) {
            next = queued.pollFirst();
            if (next == null) {
                busy = false;
                return;
            }
        }
        next.run();
    }

    /** Sends a heartbeat, independent of the event queue (liveness never waits for a call). */
    void heartbeat(Consumer<Outcome> done) {
        post(heartbeatUri, heartbeatPayload, done);
    }

    private void post(String uri, byte[] payload, Consumer<Outcome> done) {
        Request request = Request.newPost();
        request.setURI(uri);
        request.setConfirmable(true);
        request.getOptions().setContentFormat(DeviceProtocol.CONTENT_FORMAT_CBOR);
        request.setPayload(payload);
        long sent = System.nanoTime();
        var finished = new AtomicBoolean();
        Consumer<Outcome> once = outcome -> {
            if (finished.compareAndSet(false, true)) {
                done.accept(outcome);
            }
        };
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onRetransmission() {
                retransmissions.increment();
            }

            @Override
            public void onResponse(Response response) {
                once.accept(new Outcome(response.getCode().text, sent, System.nanoTime(), null));
            }

            @Override
            public void onTimeout() {
                once.accept(new Outcome(null, sent, System.nanoTime(), "no answer (timed out)"));
            }

            @Override
            public void onReject() {
                once.accept(new Outcome(null, sent, System.nanoTime(), "rejected"));
            }

            @Override
            public void onCancel() {
                once.accept(new Outcome(null, sent, System.nanoTime(), "cancelled"));
            }

            @Override
            protected void failed() {
                // onSendError and onResponseHandlingError end here too
                once.accept(new Outcome(
                        null,
                        sent,
                        System.nanoTime(),
                        request.getSendError() == null
                                ? "failed"
                                : request.getSendError().getMessage()));
            }
        });
        endpoint.sendRequest(request);
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
