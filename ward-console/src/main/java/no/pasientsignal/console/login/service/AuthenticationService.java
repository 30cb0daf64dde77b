package no.pasientsignal.console.login.service;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import no.pasientsignal.console.client.AccessToken;
import no.pasientsignal.console.client.LoginResult;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.client.SignalServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in against the signal server and keeps the logged-in {@link ConsoleUser} in the current Vaadin session.
 * One instance per console process; the session-bound methods must be called with a current {@link VaadinSession}.
 */
public final class AuthenticationService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationService.class);

    private final SignalServerClient client;
    private final Consumer<AccessToken> freshTokens;
    private final Consumer<AccessToken> retiredTokens;
    private final Clock clock;
    private final Duration idleTimeout;

    /**
     * @param client the signal-server client
     * @param freshTokens told the token of every successful login (the board's call stream connects with it)
     * @param clock to judge token expiry
     */
    public AuthenticationService(SignalServerClient client, Consumer<AccessToken> freshTokens, Clock clock) {
        this(client, freshTokens, token -> {}, clock);
    }

    /**
     * @param retiredTokens told the token of every logout, so nothing keeps using a revoked token
     */
    public AuthenticationService(
            SignalServerClient client,
            Consumer<AccessToken> freshTokens,
            Consumer<AccessToken> retiredTokens,
            Clock clock) {
        this(client, freshTokens, retiredTokens, clock, Duration.ofMinutes(30));
    }

    /**
     * @param idleTimeout how long the session of a user who is not care staff lasts without any action
     */
    public AuthenticationService(
            SignalServerClient client,
            Consumer<AccessToken> freshTokens,
            Consumer<AccessToken> retiredTokens,
            Clock clock,
            Duration idleTimeout) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.client = Objects.requireNonNull(client, "client");
        this.freshTokens = Objects.requireNonNull(freshTokens, "freshTokens");
        this.retiredTokens = Objects.requireNonNull(retiredTokens, "retiredTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Logs in and stores the user in the current session (under a new session id, against session fixation).
     *
     * @throws SignalServerException when the server refuses the credentials or cannot be reached
     */
    public ConsoleUser login(String username, String password) {
        LoginResult result;
        try {
            result = client.login(username.strip(), password);
        } catch (SignalServerException e) {
            LOG.info("Login as '{}' failed: {}", username.strip(), e.getMessage());
            throw e;
        }
        ConsoleUser user = new ConsoleUser(result.username(), result.roles(), result.token());
        renewSessionId();
        VaadinSession.getCurrent().setAttribute(ConsoleUser.class, user);
        WrappedSession wrapped = VaadinSession.getCurrent().getSession();
        if (wrapped != null) {
            wrapped.setMaxInactiveInterval((int) sessionTimeout(user).toSeconds());
        }
        LOG.info("'{}' logged in with roles {}", user.username(), user.roles());
        // the shared alarm stream may only use the token of someone allowed to read alarms (the server says 403 to
        // technicians and quality leads)
        if (user.hasAnyRole(StaffRole.NURSE, StaffRole.NIGHT_STAFF, StaffRole.ADMINISTRATOR)) {
            freshTokens.accept(user.token());
        }
        return user;
    }

    /**
     * How long {@code user}'s session may go without an action (the console runs with {@code closeIdleSessions}, so
     * push and heartbeats do not count). Care staff watch the board without touching it: theirs lasts as long as the
     * signal-server login. Everyone else gets the configured idle timeout.
     */
    public Duration sessionTimeout(ConsoleUser user) {
        if (user.hasAnyRole(StaffRole.NURSE, StaffRole.NIGHT_STAFF)) {
            Duration left = Duration.between(clock.instant(), user.token().expiresAt());
            return left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left;
        }
        return idleTimeout;
    }

    /** The user logged in to the current session, if the login is still valid. */
    public Optional<ConsoleUser> currentUser() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        ConsoleUser user = session.getAttribute(ConsoleUser.class);
        if (user != null && !user.isValidAt(clock.instant())) {
            session.setAttribute(ConsoleUser.class, null);
            return Optional.empty();
        }
        return Optional.ofNullable(user);
    }

    public boolean isLoggedIn() {
        return currentUser().isPresent();
    }

    /**
     * Ends the login on the signal server (the token is revoked there, best effort), forgets the user
     * and ends the HTTP session.
     */
    public void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return;
        }
        ConsoleUser user = session.getAttribute(ConsoleUser.class);
        if (user != null) {
            retiredTokens.accept(user.token());
            try {
                client.logout(user.token());
            } catch (SignalServerException e) {
                // The token still expires on its own; the user must not be kept logged in here.
                LOG.warn("Could not end the session of '{}' on the signal server: {}", user.username(), e.getMessage());
            }
        }
        session.setAttribute(ConsoleUser.class, null);
        WrappedSession wrapped = session.getSession();
        if (wrapped != null) {
            wrapped.invalidate();
        }
    }

    private static void renewSessionId() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
    }
}
