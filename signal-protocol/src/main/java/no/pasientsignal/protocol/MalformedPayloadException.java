package no.pasientsignal.protocol;

/** A payload that is not a valid event. The message is a diagnostic fit to send back to the device. */
public class MalformedPayloadException extends Exception {

    public MalformedPayloadException(String diagnostic) {
        super(diagnostic);
    }

    public MalformedPayloadException(String diagnostic, Throwable cause) {
        super(diagnostic, cause);
    }
}
