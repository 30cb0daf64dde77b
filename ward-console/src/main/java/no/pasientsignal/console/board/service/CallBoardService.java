package no.pasientsignal.console.board.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.pasientsignal.console.board.service.BoardState.Connection;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.ActiveCall;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.client.CallChange;
import no.pasientsignal.console.client.CallStream;
import no.pasientsignal.console.client.CallStreamListener;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.client.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board state of the whole console process: the current active calls, grouped per room and ordered by {@link
 * RoomStatus#BOARD_ORDER} (highest alarm level first, then the room that has waited longest).
 *
 * <p>One instance per console process, fed by one {@link CallStream} (so ten open tablets make one connection to the
 * signal server, not ten). The stream starts when the first user logs in and connects with the longest-lived token of
 * the users logged in now; when that user logs out or the server refuses the token, it switches to another logged-in
 * user's token, and only when none is left does the board say so and wait for the next login.
 *
 * <p>Because the one stream runs with some user's token, per-viewer fields of the stream ({@code forYou}) describe that
 * user, not the person at a given tablet: the state here is the same for everyone, and each board narrows it to its
 * viewer's zone itself ({@link BoardScopeService}).
 *
 * <p>Each open board {@link #subscribe(Consumer) subscribes}; subscribers get the current state at once and then
 * every new state, on the stream's thread. Thread-safe.
 */
public final class CallBoardService implements AutoCloseable {

    /** Reconnect when the stream has been silent (no event, no keep-alive) this long. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);

    private static final Logger LOG = LoggerFactory.getLogger(CallBoardService.class);

    private final Clock clock;
    private final CallStream stream;
    private final List<Consumer<BoardState>> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Map<UUID, ActiveCall> calls = new LinkedHashMap<>();
    // who marked presence, per room, as the stream's PRESENT changes name them (the alarm itself does not say)
    private final Map<String, String> presentBy = new LinkedHashMap<>();
    private Connection connection = Connection.CONNECTING;
    private BoardState state = new BoardState(0, List.of(), Connection.CONNECTING);
    private final Set<AccessToken> tokens = new LinkedHashSet<>();
    private AccessToken inUse;
    private boolean streamStarted;
    private boolean closed;

    public CallBoardService(SignalServerClient client) {
        this(client, Backoff.DEFAULT, DEFAULT_IDLE_TIMEOUT, Clock.systemUTC());
    }

    public CallBoardService(SignalServerClient client, Backoff backoff, Duration idleTimeout, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stream = new CallStream(client, new Tokens(), new StreamListener(), backoff, idleTimeout);
    }

    /**
     * Hands over the token of a user who has just logged in. Starts the call stream if it is not running, and
     * reconnects at once if it is waiting for a token or retrying.
     */
    public void useAccessToken(AccessToken freshToken) {
        Objects.requireNonNull(freshToken, "freshToken");
        boolean start;
        boolean wakeUp;
        synchronized (lock) {
            if (closed) {
                return;
            }
            tokens.add(freshToken);
            start = !streamStarted;
            streamStarted = true;
            wakeUp = !start && connection != Connection.LIVE;
        }
        publish(() -> {
            boolean changed = connection == Connection.LOGIN_REQUIRED;
            if (changed) {
                connection = Connection.CONNECTING;
            }
            return changed;
        });
        if (start) {
            stream.start();
        } else if (wakeUp) {
            stream.reconnectNow();
        }
    }

    /**
     * Forgets the token of a user who has logged out. If the call stream was using it, the stream reconnects at once
     * with another logged-in user's token (or waits for a login when there is none).
     */
    public void retireAccessToken(AccessToken retired) {
        boolean reconnect;
        synchronized (lock) {
            tokens.remove(retired);
            reconnect = !closed && streamStarted && Objects.equals(inUse, retired);
        }
        if (reconnect) {
            stream.restart();
        }
    }

    /** The current state. */
    public BoardState state() {
        synchronized (lock) {
            return state;
        }
    }

    /**
     * Subscribes to board changes. The subscriber gets the current state at once, on the calling thread, and every
     * later state on the stream's thread; states carry a {@link BoardState#version() version} so a late delivery of an
     * older state can be recognised and ignored.
     */
    public Subscription subscribe(Consumer<BoardState> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        deliver(subscriber, state());
        return () -> subscribers.remove(subscriber);
    }

    /** How many subscribers there are (open boards). */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Stops the call stream. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stream.close();
        subscribers.clear();
    }

    // --- what the stream reports; package-private entry points so the state logic can be tested without a server

    void applySnapshot(List<ActiveCall> snapshot) {
        publish(() -> {
            calls.clear();
            snapshot.forEach(call -> calls.put(call.id(), call));
            connection = Connection.LIVE;
            return true;
        });
    }

    void applyChange(CallChange change) {
        publish(() -> switch (change.kind()) {
            case RAISED -> {
                calls.put(change.call().id(), change.call());
                if (change.marksPresence() && change.actor() != null) {
                    presentBy.put(change.call().roomId(), change.actor());
                }
                yield true;
            }
            case CANCELLED -> calls.remove(change.call().id()) != null;
            case UNKNOWN -> {
                LOG.debug("Ignoring call change of unknown kind '{}'", change.change());
                yield false;
            }
        });
    }

    void applyDisconnect(SignalServerException cause) {
        publish(() -> {
            Connection next = cause.reason() == SignalServerException.Reason.UNAUTHORIZED
                    ? Connection.LOGIN_REQUIRED
                    : Connection.RECONNECTING;
            if (connection == Connection.LOGIN_REQUIRED && tokens.isEmpty()) {
                return false; // stays so until someone logs in
            }
            boolean changed = connection != next;
            connection = next;
            return changed;
        });
    }

    /** Runs {@code mutation} under the lock; if it reports a change, builds the next state and tells subscribers. */
    private void publish(BooleanSupplier mutation) {
        BoardState next;
        synchronized (lock) {
            if (closed || !mutation.getAsBoolean()) {
                return;
            }
            next = new BoardState(state.version() + 1, rooms(), connection);
            state = next;
        }
        for (Consumer<BoardState> subscriber : subscribers) {
            deliver(subscriber, next);
        }
    }

    private List<RoomStatus> rooms() {
        Map<String, List<ActiveCall>> byRoom =
                calls.values().stream().collect(Collectors.groupingBy(ActiveCall::roomId, Collectors.toList()));
        // a name seen only while presence was marked is forgotten once the room has no call in PRESENT
        presentBy
                .keySet()
                .removeIf(roomId ->
                        byRoom.getOrDefault(roomId, List.of()).stream().noneMatch(ActiveCall::hasPresence));
        List<RoomStatus> rooms = new ArrayList<>(byRoom.size());
        byRoom.forEach((roomId, roomCalls) -> {
            ActiveCall first = roomCalls.getFirst();
            rooms.add(new RoomStatus(roomId, first.roomName(), first.wardName(), roomCalls, presentBy.get(roomId)));
        });
        rooms.sort(RoomStatus.BOARD_ORDER);
        return rooms;
    }

    private static void deliver(Consumer<BoardState> subscriber, BoardState state) {
        try {
            subscriber.accept(state);
        } catch (RuntimeException e) {
            LOG.warn("A board subscriber failed", e);
        }
    }

    private final class Tokens implements TokenSource {

        @Override
        public AccessToken current() {
            AccessToken current;
            synchronized (lock) {
                var now = clock.instant();
                if (tokens.removeIf(t -> !t.isValidAt(now))) {
                    LOG.info("Expired access tokens dropped from the call stream's pool; {} left.", tokens.size());
                }
                current = tokens.stream()
                        .max(Comparator.comparing(AccessToken::expiresAt))
                        .orElse(null);
                inUse = current;
            }
            if (current == null) {
                publish(() -> {
                    boolean changed = tokens.isEmpty() && connection != Connection.LOGIN_REQUIRED;
                    if (changed) {
                        connection = Connection.LOGIN_REQUIRED;
                    }
                    return changed;
                });
            }
            return current;
        }

        @Override
        public void rejected(AccessToken refused) {
            synchronized (lock) {
                tokens.remove(refused);
            }
        }
    }

    private final class StreamListener implements CallStreamListener {

        @Override
        public void onSnapshot(List<ActiveCall> snapshot) {
            applySnapshot(snapshot);
        }

        @Override
        public void onChange(CallChange change) {
            applyChange(change);
        }

        @Override
        public void onDisconnected(SignalServerException cause) {
            applyDisconnect(cause);
        }
    }
}
