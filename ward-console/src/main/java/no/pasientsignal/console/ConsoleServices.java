package no.pasientsignal.console;

import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;
import java.time.Clock;
import java.util.Objects;
import no.pasientsignal.console.board.service.BoardClock;
import no.pasientsignal.console.board.service.CallBoardService;
import no.pasientsignal.console.board.service.ProtectionAlertService;
import no.pasientsignal.console.client.ApiClient;
import no.pasientsignal.console.client.Backoff;
import no.pasientsignal.console.client.SignalServerClient;
import no.pasientsignal.console.login.service.AuthenticationService;

/**
 * The application-wide services of one console process: one signal-server client, one board (with one call stream),
 * one clock, one authentication service, and the protection alert service (which opens one stream per care-staff
 * board). {@link Main} makes them and puts them in the servlet context; views find them with {@link #current()}.
 * Closing stops the call stream and the clock; protection streams close with their boards.
 */
public final class ConsoleServices implements AutoCloseable {

    private final ConsoleConfig config;
    private final SignalServerClient client;
    private final CallBoardService board;
    private final BoardClock clock;
    private final AuthenticationService authentication;
    private final ProtectionAlertService protection;

    public ConsoleServices(ConsoleConfig config) {
        this(config, Backoff.DEFAULT);
    }

    /**
     * @param config the configuration
     * @param backoff delays between event-stream reconnection attempts (tests use short ones)
     */
    public ConsoleServices(ConsoleConfig config, Backoff backoff) {
        this.config = Objects.requireNonNull(config, "config");
        Clock utc = Clock.systemUTC();
        this.client = new SignalServerClient(config.signalServerUrl());
        this.board = new CallBoardService(client, backoff, CallBoardService.DEFAULT_IDLE_TIMEOUT, utc);
        this.clock = new BoardClock();
        this.authentication = new AuthenticationService(
                client, board::useAccessToken, board::retireAccessToken, utc, config.idleTimeout());
        this.protection = new ProtectionAlertService(client, backoff, CallBoardService.DEFAULT_IDLE_TIMEOUT, utc);
    }

    /** The services of the Vaadin application handling the current request (or running the current access task). */
    public static ConsoleServices current() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            throw new IllegalStateException("No Vaadin service is current; the console services cannot be found.");
        }
        ConsoleServices services = service.getContext().getAttribute(ConsoleServices.class);
        if (services == null) {
            throw new IllegalStateException("The console services have not been installed in the Vaadin context.");
        }
        return services;
    }

    /** Makes these services the ones {@link #current()} finds in {@code context}. */
    public void installIn(VaadinContext context) {
        context.setAttribute(ConsoleServices.class, this);
    }

    public ConsoleConfig config() {
        return config;
    }

    public SignalServerClient client() {
        return client;
    }

    /** The generic API client feature clients are built on. */
    public ApiClient api() {
        return client.api();
    }

    public CallBoardService board() {
        return board;
    }

    public BoardClock clock() {
        return clock;
    }

    public AuthenticationService authentication() {
        return authentication;
    }

    public ProtectionAlertService protection() {
        return protection;
    }

    @Override
    public void close() {
        board.close();
        clock.close();
    }
}
