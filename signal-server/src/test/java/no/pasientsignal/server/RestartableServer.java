package no.pasientsignal.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * A running server that a test can restart on the same data folder (and so the same database), to
 * show that what was saved over the API is there again after a restart.
 */
public final class RestartableServer implements AutoCloseable {

    private final Map<String, Object> properties;
    private EmbeddedServer server;

    private RestartableServer(Map<String, String> properties) {
        this.properties = new HashMap<>(properties);
        this.server = ApplicationContext.run(EmbeddedServer.class, this.properties);
    }

    /** Starts a server with {@code properties} (see {@link TestServer#properties}). */
    public static RestartableServer start(Map<String, String> properties) {
        return new RestartableServer(properties);
    }

    /** Stops the server and starts a new one on the same data folder; logins must be made again. */
    public void restart() {
        server.close();
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public ApiClient api() {
        return new ApiClient(server.getPort());
    }

    @Override
    public void close() {
        server.close();
    }
}
