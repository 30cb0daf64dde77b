package no.pasientsignal.console.client;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * An incremental parser for the {@code text/event-stream} format, following the WHATWG HTML "server-sent events"
 * rules.
 *
 * <p>Feed it text as it arrives, in chunks of any size (a line, a field name, even a CR and its LF may be split across
 * chunks); it calls the handler once per complete event. It handles LF, CR and CRLF line endings, a leading byte order
 * mark, comment lines ({@code :keep-alive}), fields without a colon, one optional space after the colon, multi-line
 * {@code data}, {@code event}, {@code id} and {@code retry}; unknown fields are ignored. An event is only dispatched at
 * the blank line that ends it, and one with no {@code data} line is dropped, as the specification says. Text after the
 * last blank line is an incomplete event and is never dispatched.
 *
 * <p>Not thread-safe: one parser per connection, fed from one thread.
 */
public final class SseParser {

    private static final String DEFAULT_EVENT_TYPE = "message";

    private final Consumer<SseEvent> handler;
    private final StringBuilder line = new StringBuilder(128);
    private final StringBuilder data = new StringBuilder(256);
    private boolean sawData;
    private String eventType = "";
    private String lastEventId;
    private long retryMillis = -1;
    private boolean previousWasCarriageReturn;
    private boolean atStreamStart = true;
    private long comments;

    public SseParser(Consumer<SseEvent> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Feeds the next chunk of the stream. */
    public void feed(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            accept(chunk.charAt(i));
        }
    }

    /** Feeds the next chunk of the stream from a buffer, as read from a {@link java.io.Reader}. */
    public void feed(char[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i]);
        }
    }

    /** The reconnection time the server asked for with {@code retry:}, if it did. */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    /** The last event id the stream set, or {@code null}. */
    public String lastEventId() {
        return lastEventId;
    }

    /** How many comment lines (keep-alives) were seen. */
    public long comments() {
        return comments;
    }

    private void accept(char c) {
        if (atStreamStart) {
            atStreamStart = false;
            if (c == '\uFEFF') {
                return;
            }
        }
        if (previousWasCarriageReturn) {
            previousWasCarriageReturn = false;
            if (c == '\n') {
                return; // second half of a CRLF that was already handled at the CR
            }
        }
        if (c == '\r') {
            previousWasCarriageReturn = true;
            endOfLine();
        } else if (c == '\n') {
            endOfLine();
        } else {
            line.append(c);
        }
    }

    private void endOfLine() {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            comments++;
            line.setLength(0);
            return;
        }
        int colon = line.indexOf(":");
        String field;
        String value;
        if (colon < 0) {
            field = line.toString();
            value = "";
        } else {
            field = line.substring(0, colon);
            int valueStart = colon + 1;
            if (valueStart < line.length() && line.charAt(valueStart) == ' ') {
                valueStart++;
            }
            value = line.substring(valueStart);
        }
        line.setLength(0);
        processField(field, value);
    }

    private void processField(String field, String value) {
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                data.append(value).append('\n');
                sawData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLarge) {
                        // ignored, as for any other invalid retry value
                    }
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (!sawData) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the newline after the last data line is not part of the data
        SseEvent event =
                new SseEvent(eventType.isEmpty() ? DEFAULT_EVENT_TYPE : eventType, data.toString(), lastEventId);
        data.setLength(0);
        sawData = false;
        eventType = "";
        handler.accept(event);
    }
}
