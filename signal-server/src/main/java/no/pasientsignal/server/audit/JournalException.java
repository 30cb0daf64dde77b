package no.pasientsignal.server.audit;

/** The journal cannot do what was asked; the message says what and where. */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
