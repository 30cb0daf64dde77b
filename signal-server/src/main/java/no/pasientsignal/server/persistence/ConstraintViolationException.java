package no.pasientsignal.server.persistence;

import java.sql.SQLException;

/**
 * The database refused a write because of a constraint (SQLSTATE class 23: unique key, foreign key,
 * not null, check). Callers can tell "this conflicts with existing data" from an outage.
 */
public final class ConstraintViolationException extends PersistenceException {
    public ConstraintViolationException(String message, SQLException cause) {
        super(message, cause);
    }

    /** The SQLSTATE the driver reported, e.g. 23505 for a unique key. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
