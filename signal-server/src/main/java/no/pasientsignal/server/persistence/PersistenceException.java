package no.pasientsignal.server.persistence;

/** A database operation failed; the message says which, the cause says why. */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
