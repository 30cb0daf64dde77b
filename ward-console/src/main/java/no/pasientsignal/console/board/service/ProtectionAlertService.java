package no.pasientsignal.console.board.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import no.pasientsignal.console.board.service.BoardState.Connection;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.client.ProtectionAlert;
import no.pasientsignal.console.client.ProtectionAlertListener;
import no.pasientsignal.console.client.ProtectionAlertStream;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.client.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live protection alerts (a resident whose sensors or call points stopped working) for the boards of care staff.
 *
 * <p>Unlike calls, what the signal server sends depends on who asks (names, and {@code addressedToYou} for the
 * responsible nurse and the carers on duty for the room), so each open board gets its own feed: a {@link ProtectionAlertStream} with the logged-in user's
 * own token, opened by {@link #subscribe} and closed with the returned {@link Subscription} (when the board detaches
 * or the user logs out). Only the roles that get {@code protection} events are served. Thread-safe.
 */
public final class ProtectionAlertService {

    /** The roles the signal server sends protection alerts to. */
    public static final Set<String> ROLES = Set.of("NURSE", "NIGHT_STAFF", "ADMINISTRATOR");

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionAlertService.class);

    private final SignalServerClient client;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final Clock clock;
    private final AtomicInteger openFeeds = new AtomicInteger();

    public ProtectionAlertService(SignalServerClient client, Backoff backoff, Duration idleTimeout, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a user with {@code roles} is told about protection alerts. */
    public static boolean isFor(Collection<String> roles) {
        return roles.stream().anyMatch(ROLES::contains);
    }

    /**
     * Opens a feed with {@code token}. The subscriber gets the current (empty, connecting) state at once on the calling
     * thread, then every new state on the feed's thread. Closing the subscription closes the stream.
     */
    public Subscription subscribe(AccessToken token, Consumer<ProtectionState> subscriber) {
        Feed feed = new Feed(token, subscriber);
        openFeeds.incrementAndGet();
        feed.start();
        return feed::close;
    }

    /** How many feeds are open (boards of care staff showing protection alerts). */
    public int openFeedCount() {
        return openFeeds.get();
    }

    /** Own residents first, then the alert that has been open longest. */
    static final Comparator<ProtectionAlert> ORDER = Comparator.comparing((ProtectionAlert a) -> !a.addressedToYou())
            .thenComparing(ProtectionAlert::raisedAt)
            .thenComparing(ProtectionAlert::roomName)
            .thenComparing(ProtectionAlert::residentId);

    /** One board's alerts; package-private so the state logic can be tested without a server. */
    final class Feed implements ProtectionAlertListener, TokenSource {

        private final Consumer<ProtectionState> subscriber;
        private final ProtectionAlertStream stream;
        private final Map<String, ProtectionAlert> alerts = new LinkedHashMap<>();
        private AccessToken token;
        private Connection connection = Connection.CONNECTING;
        private ProtectionState state = new ProtectionState(0, List.of(), Connection.CONNECTING);
        private boolean closed;

        Feed(AccessToken token, Consumer<ProtectionState> subscriber) {
            this.token = Objects.requireNonNull(token, "token");
            this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
            this.stream = new ProtectionAlertStream(client, this, this, backoff, idleTimeout);
        }

        void start() {
            deliver(state());
            stream.start();
        }

        void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            openFeeds.decrementAndGet();
            stream.close();
        }

        synchronized ProtectionState state() {
            return state;
        }

        @Override
        public AccessToken current() {
            AccessToken current;
            synchronized (this) {
                if (token != null && !token.isValidAt(clock.instant())) {
                    token = null;
                }
                current = token;
            }
            if (current == null) {
                // the login is over; the stream waits until the board is closed
                publish(() -> change(Connection.LOGIN_REQUIRED));
            }
            return current;
        }

        @Override
        public synchronized void rejected(AccessToken refused) {
            if (Objects.equals(token, refused)) {
                token = null;
            }
        }

        @Override
        public void onSnapshot(List<ProtectionAlert> snapshot) {
            publish(() -> {
                alerts.clear();
                snapshot.stream()
                        .filter(alert -> !alert.isCleared())
                        .forEach(alert -> alerts.put(alert.residentId(), alert));
                connection = Connection.LIVE;
                return true;
            });
        }

        @Override
        public void onChange(ProtectionAlert alert) {
            publish(() -> {
                ProtectionAlert shown = alerts.get(alert.residentId());
                if (shown != null && alert.changedAt().isBefore(shown.changedAt())) {
                    return false; // older than what the snapshot already says
                }
                if (alert.isCleared()) {
                    return alerts.remove(alert.residentId()) != null;
                }
                alerts.put(alert.residentId(), alert);
                return true;
            });
        }

        @Override
        public void onDisconnected(SignalServerException cause) {
            publish(() -> change(
                    cause.reason() == SignalServerException.Reason.UNAUTHORIZED
                            ? Connection.LOGIN_REQUIRED
                            : Connection.RECONNECTING));
        }

        private boolean change(Connection next) {
            if (connection == Connection.LOGIN_REQUIRED || connection == next) {
                return false; // a refused login stays refused
            }
            connection = next;
            return true;
        }

        private void publish(java.util.function.BooleanSupplier mutation) {
            ProtectionState next;
            synchronized (this) {
                if (closed || !mutation.getAsBoolean()) {
                    return;
                }
                List<ProtectionAlert> ordered =
                        alerts.values().stream().sorted(ORDER).toList();
                next = new ProtectionState(state.version() + 1, ordered, connection);
                state = next;
            }
            deliver(next);
        }

        private void deliver(ProtectionState next) {
            try {
                subscriber.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A protection alert subscriber failed", e);
            }
        }
    }
}
