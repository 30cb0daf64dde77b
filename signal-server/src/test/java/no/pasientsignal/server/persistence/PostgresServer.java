package no.pasientsignal.server.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL cluster from Debian's {@code postgresql} package, for the test class
 * that registers it ({@code @RegisterExtension static final PostgresServer POSTGRES = ...}).
 *
 * <p>Before all tests it runs {@code initdb} into a temporary directory and {@code pg_ctl start}
 * on a free port on 127.0.0.1, with the unix socket in the same directory and trust
 * authentication for the {@code postgres} user; after all tests it stops the cluster and deletes
 * the directory. PostgreSQL refuses to run as root, so when the JVM is root the directory is
 * given to the {@code postgres} user (which the package creates) and the binaries run through
 * {@code runuser -u postgres --}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private static final Path DEBIAN_POSTGRESQL = Path.of("/usr/lib/postgresql");
    private static final String SUPERUSER = "postgres";

    private final AtomicInteger databases = new AtomicInteger();
    private Path bin;
    private Path dir;
    private Path data;
    private boolean asRoot;
    private int port;
    private Thread stopOnExit;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = findBinaries();
        asRoot = isRoot();
        dir = Files.createTempDirectory("signal-pg-");
        data = dir.resolve("data");
        try {
            if (asRoot) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            SUPERUSER,
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-locale",
                            "--no-sync"),
                    true);
            port = freePort();
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-l",
                            dir.resolve("postgres.log").toString(),
                            "-o",
                            options,
                            "-w",
                            "-t",
                            "60",
                            "start"),
                    true);
        } catch (Exception | Error e) {
            deleteDirectory();
            throw e;
        }
        stopOnExit = new Thread(this::stop, "postgres-test-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                return;
            }
        }
        stop();
    }

    /** The superuser, authenticated by trust (no password). */
    public String username() {
        return SUPERUSER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public String createDatabase() {
        String name = "signal_test_" + databases.incrementAndGet();
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return jdbcUrl(name);
    }

    private synchronized void stop() {
        if (dir == null) {
            return;
        }
        try {
            run(
                    List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    true);
        } catch (Exception e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + dir + ": " + e.getMessage());
        } finally {
            deleteDirectory();
        }
    }

    private void deleteDirectory() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
        dir = null;
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} holding initdb and pg_ctl. */
    private static Path findBinaries() throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_POSTGRESQL)) {
            try (Stream<Path> versions = Files.list(DEBIAN_POSTGRESQL)) {
                versions.map(version -> version.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .forEach(candidates::add);
            }
        }
        return candidates.stream()
                .max(Comparator.comparingInt(PostgresServer::majorVersion))
                .orElseThrow(() -> new IllegalStateException("The PostgreSQL tests need PostgreSQL's server binaries"
                        + " (initdb and pg_ctl under /usr/lib/postgresql/*/bin) and found none: install Debian's"
                        + " postgresql package (sudo apt-get install postgresql), or run ./test.sh as root,"
                        + " which installs it."));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return "0".equals(uid);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command (as postgres when {@code asPostgres} and we are root); fails with its output. */
    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("signal-pg-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                String log = Files.readString(output);
                Path serverLog = dir.resolve("postgres.log");
                if (Files.isReadable(serverLog)) {
                    log += "\n--- postgres.log ---\n" + Files.readString(serverLog);
                }
                throw new IllegalStateException(
                        "Failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + log);
            }
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
