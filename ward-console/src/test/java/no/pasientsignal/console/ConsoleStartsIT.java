package no.pasientsignal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts the real console on Jetty, in production mode, with no signal server behind it, and checks that it serves the
 * Vaadin bootstrap page and the pre-compiled production bundle: proof that the frontend came without npm or Node.js.
 */
class ConsoleStartsIT {

    private static final Pattern BUNDLE_SCRIPT = Pattern.compile("src=\"\\./(VAADIN/build/indexhtml-[^\"]+\\.js)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void console_serves_the_app_shell_from_the_production_bundle() throws Exception {
        try (Main console = Main.start(new ConsoleConfig(unusedLocalAddress(), 0))) {
            assertThat(console.port()).isPositive();
            assertThat(console.url()).isEqualTo(URI.create("http://localhost:" + console.port() + "/"));

            assertServesTheAppShell(console.url());
        }
    }

    @Test
    void runnable_jar_starts_on_a_free_port_and_says_where() throws Exception {
        Path jar = Path.of("target", "ward-console.jar");
        assertThat(jar).exists();
        assertThat(Path.of("target", "lib"))
                .isDirectoryContaining(path -> path.getFileName().toString().startsWith("flow-server-"));

        Process process = startJar(jar, "0", unusedLocalAddress().toString());
        try {
            List<String> output = collectOutput(process);
            Pattern ready = Pattern.compile("^Ward console: (http://localhost:(\\d+)/)$");
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> !process.isAlive()
                            || output.stream()
                                    .anyMatch(line -> ready.matcher(line).matches()));
            assertThat(process.isAlive())
                    .as("console process, output: %s", output)
                    .isTrue();
            Matcher matcher = output.stream()
                    .map(ready::matcher)
                    .filter(Matcher::matches)
                    .findFirst()
                    .orElseThrow();

            assertServesTheAppShell(URI.create(matcher.group(1)));
            assertThat(output).anyMatch(line -> line.contains("Vaadin is running in production mode"));
        } finally {
            stop(process);
        }
    }

    @Test
    void invalid_configuration_stops_the_console_with_a_plain_sentence() throws Exception {
        Process process = startJar(Path.of("target", "ward-console.jar"), "åtti", null);
        try {
            List<String> output = collectOutput(process);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            await().until(() -> output.contains(
                    "Ward console: configuration error: CONSOLE_PORT must be a whole number, not 'åtti'."));
        } finally {
            stop(process);
        }
    }

    private void assertServesTheAppShell(URI console) throws IOException, InterruptedException {
        HttpResponse<String> page = get(console);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("<div id=\"outlet\"></div>")
                .contains("window.Vaadin")
                .contains("styles/ward-console.css")
                .contains("styles/board.css")
                .contains("styles/devices.css")
                .contains("styles/quality.css")
                .contains("styles/admin.css")
                .contains("lumo/lumo.css")
                .doesNotContain("@vite/client"); // the development server's client: not in production mode

        Matcher script = BUNDLE_SCRIPT.matcher(html);
        assertThat(script.find()).as("the bundle's entry script in %s", html).isTrue();
        HttpResponse<String> bundle = get(console.resolve(script.group(1)));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).isNotBlank();

        HttpResponse<String> styles = get(console.resolve("styles/ward-console.css"));
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).contains(".main-layout");
        HttpResponse<String> board = get(console.resolve("styles/board.css"));
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(".room-tile");
        assertThat(get(console.resolve("lumo/lumo.css")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> collectOutput(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon(true).name("console-output").start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return lines;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(Files.isExecutable(java)).isTrue();
        return java.toString();
    }

    private static URI unusedLocalAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** {@code java -jar}, with the console's configuration in the environment as in production. */
    private static Process startJar(Path jar, String port, String signalServerUrl) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("CONSOLE_PORT", port);
        if (signalServerUrl != null) {
            builder.environment().put("SIGNAL_SERVER_URL", signalServerUrl);
        }
        return builder.start();
    }
}
