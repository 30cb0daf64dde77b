package no.pasientsignal.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The console's configuration, validated when it is made.
 *
 * <p>Read by {@link #fromEnvironment()} from system properties first, then environment variables, with the same names:
 *
 * <ul>
 *   <li>{@code SIGNAL_SERVER_URL}: where the signal server's HTTP API is; default {@value #DEFAULT_SIGNAL_SERVER_URL}
 *   <li>{@code CONSOLE_PORT}: the HTTP port the console listens on; default {@value #DEFAULT_PORT}; {@code 0} picks any
 *       free port (the port in use is logged and available from {@link Main#port()})
 *   <li>{@code CONSOLE_IDLE_TIMEOUT_MINUTES}: how long a technician's, quality lead's or administrator's session lasts
 *       without any action before they must log in again; default {@value #DEFAULT_IDLE_TIMEOUT_MINUTES}. Care staff
 *       (nurses, night staff) watch the board without touching it, so their session lasts as long as their signal-server
 *       login (a shift); it still ends at log-out.
 * </ul>
 *
 * @param signalServerUrl absolute {@code http} or {@code https} address of the signal server, without query or fragment
 * @param port 0 to 65535
 * @param idleTimeout 1 minute to 24 hours
 */
public record ConsoleConfig(URI signalServerUrl, int port, Duration idleTimeout) {

    public static final String IDLE_TIMEOUT_MINUTES = "CONSOLE_IDLE_TIMEOUT_MINUTES";
    public static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 30;

    /** With the default idle timeout. */
    public ConsoleConfig(URI signalServerUrl, int port) {
        this(signalServerUrl, port, Duration.ofMinutes(DEFAULT_IDLE_TIMEOUT_MINUTES));
    }

    public static final String SIGNAL_SERVER_URL = "SIGNAL_SERVER_URL";
    public static final String CONSOLE_PORT = "CONSOLE_PORT";
    public static final String DEFAULT_SIGNAL_SERVER_URL = "http://127.0.0.1:8081";
    public static final int DEFAULT_PORT = 8080;

    public ConsoleConfig {
        Objects.requireNonNull(signalServerUrl, SIGNAL_SERVER_URL);
        String scheme = signalServerUrl.getScheme() == null
                ? ""
                : signalServerUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!signalServerUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException(
                    SIGNAL_SERVER_URL + " must be an http:// or https:// address, not '" + signalServerUrl + "'.");
        }
        if (signalServerUrl.getHost() == null || signalServerUrl.getHost().isBlank()) {
            throw new IllegalArgumentException(SIGNAL_SERVER_URL
                    + " must name a host, e.g. http://127.0.0.1:8081, not '" + signalServerUrl + "'.");
        }
        if (signalServerUrl.getRawQuery() != null || signalServerUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    SIGNAL_SERVER_URL + " must not have a query or fragment, not '" + signalServerUrl + "'.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(CONSOLE_PORT + " must be between 0 and 65535, not " + port + ".");
        }
        Objects.requireNonNull(idleTimeout, IDLE_TIMEOUT_MINUTES);
        if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0 || idleTimeout.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException(
                    IDLE_TIMEOUT_MINUTES + " must be between 1 and 1440 minutes, not " + idleTimeout.toMinutes() + ".");
        }
    }

    /** Reads the configuration from system properties, then environment variables, then defaults. */
    public static ConsoleConfig fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    /**
     * Reads the configuration through {@code lookup} (name → value or {@code null}).
     *
     * @throws IllegalArgumentException with a plain sentence when a value is not valid
     */
    public static ConsoleConfig from(UnaryOperator<String> lookup) {
        String url = valueOrDefault(lookup.apply(SIGNAL_SERVER_URL), DEFAULT_SIGNAL_SERVER_URL);
        String port = valueOrDefault(lookup.apply(CONSOLE_PORT), Integer.toString(DEFAULT_PORT));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(SIGNAL_SERVER_URL + " is not a valid address: '" + url + "'.", e);
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CONSOLE_PORT + " must be a whole number, not '" + port + "'.", e);
        }
        String idle =
                valueOrDefault(lookup.apply(IDLE_TIMEOUT_MINUTES), Integer.toString(DEFAULT_IDLE_TIMEOUT_MINUTES));
        long idleMinutes;
        try {
            idleMinutes = Long.parseLong(idle);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    IDLE_TIMEOUT_MINUTES + " must be a whole number of minutes, not '" + idle + "'.", e);
        }
        return new ConsoleConfig(uri, portNumber, Duration.ofMinutes(idleMinutes));
    }

    private static String valueOrDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}
