package no.pasientsignal.console;

import com.vaadin.flow.server.InitParameters;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the ward console: embedded Jetty 12 (Jakarta EE 11) serving the Vaadin application in production mode.
 *
 * <p>Jetty scans the class path for the servlet annotations and {@code ServletContainerInitializer}s that Vaadin
 * needs (routes, the app shell, the Vaadin servlet itself, WebSocket support for push), as a servlet container would
 * for a WAR. The Vaadin frontend is the pre-compiled production bundle that the build copied into {@code
 * META-INF/VAADIN/webapp}; nothing needs Node.js at run time.
 *
 * <p>For tests: {@code try (Main console = Main.start(new ConsoleConfig(serverUri, 0))) { console.port(); }}.
 */
public final class Main implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final Server server;
    private final ConsoleServices services;
    private final int port;

    private Main(Server server, ConsoleServices services, int port) {
        this.server = server;
        this.services = services;
        this.port = port;
    }

    public static void main(String[] args) {
        ConsoleConfig config;
        try {
            config = ConsoleConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Ward console: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Main console;
        try {
            console = start(config);
        } catch (Exception e) {
            LOG.error("The ward console could not start", e);
            System.err.println("Ward console: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        Thread.ofPlatform().name("ward-console-shutdown").unstarted(console::close));
        System.out.println("Ward console: " + console.url());
        try {
            console.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the console and returns once it serves requests.
     *
     * @param config the configuration; port 0 picks a free port, see {@link #port()}
     * @return the running console; close it to stop
     * @throws Exception when Jetty or the Vaadin application cannot start
     */
    public static Main start(ConsoleConfig config) throws Exception {
        Objects.requireNonNull(config, "config");
        addManifestClassPathToJavaClassPath();
        ConsoleServices services = new ConsoleServices(config);
        Server server = new Server();
        try {
            ServerConnector connector = new ServerConnector(server);
            connector.setPort(config.port());
            server.addConnector(connector);
            server.setHandler(webApp(services));
            server.setStopTimeout(5_000);
            server.start();
            int port = connector.getLocalPort();
            LOG.info(
                    "Ward console listening on port {}, using the signal server at {}", port, config.signalServerUrl());
            return new Main(server, services, port);
        } catch (Exception e) {
            stopQuietly(server);
            services.close();
            throw e;
        }
    }

    private static WebAppContext webApp(ConsoleServices services) throws IOException {
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResource(context.getResourceFactory().newResource(ownWebResources()));
        // scan jars and class directories on the class path for @WebListener, @HandlesTypes etc., as for a WAR;
        // not Karibu-Testing's jars, which are on the class path only when tests start the console, and whose mock
        // not-found view would compete with the console's own
        context.setAttribute(
                MetaInfConfiguration.CONTAINER_JAR_PATTERN, "(?!.*/karibu-[^/]*\\.jar$).*\\.jar|.*/classes/.*");
        context.setConfigurationDiscovered(true);
        context.setThrowUnavailableOnStartupException(true);
        context.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        context.setInitParameter(InitParameters.I18N_PROVIDER, ConsoleI18NProvider.class.getName());
        // heartbeats and push do not keep a session alive: only what the user does (see AuthenticationService)
        context.setInitParameter(InitParameters.SERVLET_PARAMETER_CLOSE_IDLE_SESSIONS, "true");
        context.setAttribute(ConsoleServices.class.getName(), services);
        return context;
    }

    /** This module's {@code META-INF/resources}, in the jar or the classes directory: the web root. */
    private static URI ownWebResources() {
        String marker = "META-INF/resources/styles/ward-console.css";
        URL url = Main.class.getClassLoader().getResource(marker);
        if (url == null) {
            throw new IllegalStateException(marker + " is missing from the class path; the build is incomplete.");
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.length() - "styles/ward-console.css".length()));
    }

    /**
     * Jetty finds the jars to scan through {@code java.class.path}; under {@code java -jar ward-console.jar} that is
     * the one jar, while the dependencies are named by its manifest's {@code Class-Path}. Adds those. Does nothing when
     * the class path has more than one entry (an IDE, Maven, a test): the dependencies are on it already.
     */
    static void addManifestClassPathToJavaClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        String[] entries = classPath.split(File.pathSeparator);
        if (entries.length != 1 || !entries[0].endsWith(".jar") || !Files.isRegularFile(Path.of(entries[0]))) {
            return;
        }
        Path jarPath = Path.of(entries[0]);
        List<String> expanded = new ArrayList<>();
        expanded.add(entries[0]);
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            String manifestClassPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (manifestClassPath == null || manifestClassPath.isBlank()) {
                return;
            }
            URI base = jarPath.toAbsolutePath().getParent().toUri();
            for (String relative : manifestClassPath.trim().split("\\s+")) {
                Path dependency = Path.of(base.resolve(new URI(null, null, relative, null)));
                if (Files.exists(dependency)) {
                    expanded.add(dependency.toString());
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            LOG.warn("Could not read the manifest class path of {}: {}", jarPath, e.getMessage());
            return;
        }
        LOG.debug("Added {} manifest class path entries to java.class.path", expanded.size() - 1);
        System.setProperty("java.class.path", String.join(File.pathSeparator, expanded));
    }

    /** The port the console listens on (the actual one when started with port 0). */
    public int port() {
        return port;
    }

    /** The console's address on this machine, e.g. {@code http://localhost:8080/}. */
    public URI url() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** The application services (client, board, clock, authentication) of this console. */
    public ConsoleServices services() {
        return services;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops Jetty and the services; waits for them. */
    @Override
    public void close() {
        stopQuietly(server);
        services.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.getMessage());
        }
    }
}
