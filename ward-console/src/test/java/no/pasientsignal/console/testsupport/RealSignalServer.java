package no.pasientsignal.console.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real signal server for the console's integration tests: the packaged {@code signal-server.jar} as its own process
 * in demo mode (demo ward "Avdeling 2 Øst" with rooms 201-208, demo logins {@code sykepleier}, {@code natt},
 * {@code tekniker}, {@code kvalitet}, {@code admin}, {@code helsefag}, password {@code demo-<name>}), with a fresh
 * data folder and free ports. One per test JVM ({@link #shared()}), stopped when the JVM ends: tests that change data
 * use names of their own so they do not meet.
 *
 * <p>{@link #sim(String...)} runs the packaged device-sim against it (enrol, press, send ...), over real DTLS.
 */
public final class RealSignalServer {

    private static RealSignalServer shared;

    private final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private final Path dataDir;
    private final Path logDir;
    private final int httpPort;
    private final int coapPort;
    private final Process process;

    private RealSignalServer() throws IOException {
        dataDir = Files.createTempDirectory("console-it-server");
        logDir = root.resolve("ward-console/target/it-logs");
        Files.createDirectories(logDir);
        httpPort = freeTcpPort();
        coapPort = freeUdpPort();
        var builder = new ProcessBuilder(java(), "-jar", jar("signal-server").toString())
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logDir.resolve("signal-server.log").toFile()));
        builder.environment().put("SIGNAL_DEMO", "true");
        builder.environment().put("SIGNAL_DATA_DIR", dataDir.resolve("server").toString());
        builder.environment().put("SIGNAL_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("SIGNAL_COAP_PORT", Integer.toString(coapPort));
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "signal-server-stop"));
        awaitHealthy();
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized RealSignalServer shared() {
        if (shared == null) {
            try {
                shared = new RealSignalServer();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start signal-server", e);
            }
        }
        return shared;
    }

    /** The HTTP API, e.g. {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The CoAP/DTLS address for device-sim, {@code 127.0.0.1:port}. */
    public String coapAddress() {
        return "127.0.0.1:" + coapPort;
    }

    /**
     * Runs one device-sim command against this server (its device wallet lives in the server's data folder) and
     * returns its exit code; its output goes to {@code target/it-logs/device-sim.log}.
     */
    public int sim(String... args) {
        var command = new ArrayList<>(List.of(java(), "-jar", jar("device-sim").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--server",
                coapAddress(),
                "--devices",
                dataDir.resolve("sim/devices").toString()));
        try {
            Process sim = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logDir.resolve("device-sim.log").toFile()))
                    .start();
            if (!sim.waitFor(60, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
                throw new IllegalStateException("device-sim " + String.join(" ", args) + " did not finish");
            }
            return sim.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run device-sim", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running device-sim", e);
        }
    }

    private void awaitHealthy() {
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            Awaitility.await("signal-server /health")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .pollInSameThread()
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("signal-server died; see " + logDir);
                        }
                        return client.send(
                                                HttpRequest.newBuilder(uri().resolve("/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run the integration tests through Maven (./test.sh)");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freeTcpPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (var socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
