package no.pasientsignal.server.persistence;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Connections and transactions over a {@link DataSource}, with SQL errors turned unchecked. */
public final class Jdbc {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
     * anything, so a multi-step write that fails half-way writes nothing.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (Throwable failure) {
                rollback(connection, failure);
                throw failure;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Constraint violations (SQLSTATE class 23) become {@link ConstraintViolationException}. */
    static PersistenceException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("23")) {
            return new ConstraintViolationException("Refused by a database constraint: " + e.getMessage(), e);
        }
        return new PersistenceException("Database operation failed: " + e.getMessage(), e);
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The pool resets (or evicts) the connection when it is returned.
        }
    }

    // --- small statement helpers shared by the stores -------------------------------------------

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, @Nullable Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = queryList(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static <T> List<T> queryList(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    static void bind(PreparedStatement statement, @Nullable Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof OffsetDateTime time) {
                statement.setObject(i + 1, time, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
