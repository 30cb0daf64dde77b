package no.pasientsignal.server.alarm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import no.pasientsignal.server.facility.Room;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of active calls, one per room, and the rules for raising and cancelling them.
 *
 * <p>Recording is a short critical section; listeners are called afterwards on {@code fanout},
 * a single-threaded executor, so a slow subscriber never delays the device's acknowledgement and
 * every listener sees changes in the order they were recorded.
 */
public final class CallBoard {

    private static final Logger LOG = LoggerFactory.getLogger(CallBoard.class);

    private final Clock clock;
    private final Executor fanout;
    private final Map<String, ActiveCall> callsByRoom = new HashMap<>();
    private final SeenEvents seenEvents;
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

    public CallBoard(Clock clock, Executor fanout, int rememberedEventIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
        this.seenEvents = new SeenEvents(rememberedEventIds);
    }

    /** A call button was pressed in {@code room}. */
    public EventOutcome callPressed(UUID eventId, String deviceId, Room room) {
        CallChange change;
        EventOutcome outcome;
        synchronized (this) {
            if (!seenEvents.add(eventId)) {
                return EventOutcome.DUPLICATE;
            }
            if (callsByRoom.containsKey(room.roomId())) {
                return EventOutcome.ALREADY_ACTIVE;
            }
            var call = new ActiveCall(
                    UUID.randomUUID(),
                    eventId,
                    deviceId,
                    room,
                    CallType.PATIENT_CALL,
                    clock.instant(),
                    CallState.RAISED);
            callsByRoom.put(room.roomId(), call);
            change = new CallChange(CallChange.Kind.RAISED, call);
            outcome = EventOutcome.RAISED;
        }
        publish(change);
        return outcome;
    }

    /** The call was cancelled at the device in {@code room}. */
    public EventOutcome callCancelled(UUID eventId, String deviceId, Room room) {
        CallChange change;
        synchronized (this) {
            if (!seenEvents.add(eventId)) {
                return EventOutcome.DUPLICATE;
            }
            ActiveCall removed = callsByRoom.remove(room.roomId());
            if (removed == null) {
                return EventOutcome.NOTHING_TO_CANCEL;
            }
            change = new CallChange(CallChange.Kind.CANCELLED, removed);
        }
        publish(change);
        return EventOutcome.CANCELLED;
    }

    /** Active calls, oldest first. */
    public synchronized List<ActiveCall> activeCalls() {
        var calls = new ArrayList<>(callsByRoom.values());
        calls.sort(Comparator.comparing(ActiveCall::raisedAt)
                .thenComparing(c -> c.room().roomId()));
        return calls;
    }

    /** Registers a listener; close the returned handle to stop receiving changes. */
    public AutoCloseable subscribe(CallListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    private void publish(CallChange change) {
        fanout.execute(() -> {
            for (CallListener listener : listeners) {
                try {
                    listener.onChange(change);
                } catch (RuntimeException e) {
                    // One broken subscriber must not stop delivery to the others.
                    LOG.warn("Call listener {} failed on {}", listener, change.kind(), e);
                }
            }
        });
    }

    /** Bounded memory of event ids: enough to absorb any retransmission window many times over. */
    private static final class SeenEvents {
        private final Map<UUID, Boolean> ids;

        SeenEvents(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.ids = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        boolean add(UUID id) {
            return ids.putIfAbsent(id, Boolean.TRUE) == null;
        }
    }
}
