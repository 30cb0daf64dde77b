package no.pasientsignal.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site database: a connection pool whose schema is migrated to the newest version before
 * {@link #start} returns, so nothing ever sees an old or half-made schema.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Passwords JDBC URLs can carry ({@code password=...} for PostgreSQL and H2-style options). */
    private static final Pattern URL_PASSWORD = Pattern.compile("((?:password|PASSWORD|Password|sslpassword)=)[^&;]*");

    private final HikariDataSource dataSource;
    private final String redactedUrl;
    private final int migrationsApplied;
    private final Jdbc jdbc;

    private Database(HikariDataSource dataSource, String redactedUrl, int migrationsApplied) {
        this.dataSource = dataSource;
        this.redactedUrl = redactedUrl;
        this.migrationsApplied = migrationsApplied;
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws PersistenceException naming the URL (never the password) when either fails
     */
    public static Database start(
            String url, @Nullable String username, @Nullable String password, int maximumPoolSize) {
        Objects.requireNonNull(url, "url");
        String redacted = redact(url);
        var config = new HikariConfig();
        config.setPoolName("signal-db");
        config.setJdbcUrl(url);
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(Math.min(2, maximumPoolSize));
        // Fail at once with the real cause instead of retrying for the default 30 s.
        config.setInitializationFailTimeout(1);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new PersistenceException(
                    "Could not connect to the database at " + redacted + ": " + rootMessage(e, password), e);
        }
        try {
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            LOG.info("Database {} ready ({} migration(s) applied)", redacted, applied);
            return new Database(dataSource, redacted, applied);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new PersistenceException(
                    "Could not migrate the database schema at " + redacted + ": " + rootMessage(e, password), e);
        }
    }

    /** The pool, for stores and tests. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Transactions over this database's pool. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** How many migrations this start applied: all of them on an empty database, 0 on a current one. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** The JDBC URL with any password removed. */
    public String url() {
        return redactedUrl;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + redactedUrl + "]";
    }

    /** {@code url} with password parameters replaced by {@code ***}. */
    static String redact(@Nullable String url) {
        return url == null ? "" : URL_PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static String rootMessage(Throwable e, @Nullable String password) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        return redact(message);
    }
}
