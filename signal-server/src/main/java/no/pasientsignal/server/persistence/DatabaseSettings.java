package no.pasientsignal.server.persistence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * The database settings ({@code signal.database.*}).
 *
 * @param url JDBC URL; blank means an H2 file database under {@code ${signal.data-dir}/db/signal}
 * @param username database user; blank for the default H2 database
 * @param password database password; blank for the default H2 database
 * @param maximumPoolSize most connections the pool opens
 */
@ConfigurationProperties("signal.database")
public record DatabaseSettings(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "10") @Min(1) @Max(200) int maximumPoolSize) {

    /** The configured URL, or the default H2 file database under {@code dataDir}. */
    public String effectiveUrl(Path dataDir) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        return defaultH2Url(dataDir);
    }

    /** H2 refuses paths relative to the working directory, so the data dir is made absolute. */
    public static String defaultH2Url(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("signal");
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Database.redact(url) + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "" : "***") + ", maximumPoolSize=" + maximumPoolSize
                + "]";
    }
}
