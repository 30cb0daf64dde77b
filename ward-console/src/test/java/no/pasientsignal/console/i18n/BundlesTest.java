package no.pasientsignal.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in both languages, and every key a view asks for by name exists. A missing key would show as
 * {@code !key!} on a ward tablet.
 */
class BundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void bokmaal_and_english_have_the_same_keys_in_every_bundle() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path base : files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .toList()) {
                Path english =
                        base.resolveSibling(base.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(english).as("English bundle next to " + base).exists();
                assertThat(keys(english)).as(english.toString()).isEqualTo(keys(base));
            }
        }
    }

    @Test
    void every_key_named_in_the_code_has_a_text() throws IOException {
        Pattern literal = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"");
        ConsoleI18NProvider provider = new ConsoleI18NProvider();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    if (m.group(1).endsWith(".")) {
                        continue; // a prefix completed at run time, e.g. "protection.coverage." + coverage
                    }
                    for (var locale : provider.getProvidedLocales()) {
                        if (provider.getTranslation(m.group(1), locale).startsWith("!")) {
                            missing.add(m.group(1) + " (" + locale + ", " + source.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
