package no.pasientsignal.e2e;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Starts the packaged server, console and simulator as processes, with free ports and a fresh data folder. */
final class SystemUnderTest implements AutoCloseable {

    final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    final Path dataDir;
    final Path logDir;
    final int httpPort;
    final int coapPort;
    final int consolePort;
    private final List<Process> processes = new ArrayList<>();

    SystemUnderTest() throws IOException {
        dataDir = Files.createTempDirectory("pasientsignal-e2e");
        logDir = root.resolve("system-tests/target/e2e-logs");
        Files.createDirectories(logDir);
        httpPort = freeTcpPort();
        consolePort = freeTcpPort();
        coapPort = freeUdpPort();
    }

    private Process server;

    void startServer() throws IOException {
        server = start(
                "signal-server",
                Map.of(
                        "SIGNAL_DEMO", "true",
                        "SIGNAL_DATA_DIR", dataDir.resolve("server").toString(),
                        "SIGNAL_HTTP_PORT", Integer.toString(httpPort),
                        "SIGNAL_COAP_PORT", Integer.toString(coapPort)),
                List.of());
        awaitHttp("http://127.0.0.1:" + httpPort + "/health");
    }

    /** Kills the server process at once (SIGKILL, as in a power cut or kill -9): no shutdown hooks run. */
    void killServer() throws InterruptedException {
        server.destroyForcibly();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("signal-server did not die");
        }
        processes.remove(server); // dead on purpose: not a failure the start-up checks should report
    }

    void startConsole() throws IOException {
        start(
                "ward-console",
                Map.of(
                        "SIGNAL_SERVER_URL",
                        "http://127.0.0.1:" + httpPort,
                        "CONSOLE_PORT",
                        Integer.toString(consolePort)),
                List.of());
        awaitHttp(consoleUrl());
    }

    /** The signal-server's HTTP API, where device-sim gets enrolment credentials as a technician. */
    String apiUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + consolePort + "/";
    }

    /** Runs one device-sim command to completion and returns its exit code. */
    int sim(String... args) throws Exception {
        var command = new ArrayList<>(List.of(java(), "-jar", jar("device-sim").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--server",
                "127.0.0.1:" + coapPort,
                "--devices",
                dataDir.resolve("sim/devices").toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logDir.resolve("device-sim.log").toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("device-sim did not finish");
        }
        return process.exitValue();
    }

    /**
     * Runs one device-sim command to completion and returns what it printed on stdout; its stderr
     * goes to the log. Fails when it exits with an error or takes longer than {@code timeout}.
     */
    String simOutput(Duration timeout, String... args) throws Exception {
        var command = new ArrayList<>(List.of(java(), "-jar", jar("device-sim").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--server",
                "127.0.0.1:" + coapPort,
                "--devices",
                dataDir.resolve("sim/devices").toString()));
        Path stdout = Files.createTempFile(dataDir, "device-sim", ".out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        logDir.resolve("device-sim.log").toFile()))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("device-sim " + args[0] + " did not finish within " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "device-sim " + args[0] + " exited with " + process.exitValue() + "; see " + logDir);
        }
        return Files.readString(stdout);
    }

    private Process start(String module, Map<String, String> env, List<String> args) throws IOException {
        var command = new ArrayList<>(List.of(java(), "-jar", jar(module).toString()));
        command.addAll(args);
        var builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logDir.resolve(module + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run the tests through Maven (./test.sh)");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHttp(String url) {
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            Awaitility.await(url)
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        for (Process p : processes) {
                            if (!p.isAlive()) {
                                throw new AssertionError("a process died; see " + logDir);
                            }
                        }
                        return client.send(
                                                HttpRequest.newBuilder(URI.create(url))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });
        }
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

    @Override
    public void close() {
        for (Process p : processes.reversed()) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
