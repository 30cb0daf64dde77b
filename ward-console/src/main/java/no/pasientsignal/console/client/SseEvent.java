package no.pasientsignal.console.client;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * @param type the {@code event:} field, or {@code message} when the event had none
 * @param data the {@code data:} lines joined with {@code \n}
 * @param lastEventId the last {@code id:} seen on the stream so far, or {@code null}
 */
public record SseEvent(String type, String data, String lastEventId) {

    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
