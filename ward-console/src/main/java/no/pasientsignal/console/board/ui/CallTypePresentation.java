package no.pasientsignal.console.board.ui;

import java.util.Locale;

/**
 * How a call type looks on the board: its text (a message key) and its alarm priority, which picks the tile colour
 * following IEC 60601-1-8 (high = red, medium = yellow, low = cyan).
 */
enum CallTypePresentation {
    PATIENT_CALL("callType.PATIENT_CALL", Priority.MEDIUM),
    /** A type this console does not know yet: shown by its raw name, as a medium-priority call so it is not missed. */
    OTHER(null, Priority.MEDIUM);

    /** Alarm priority in the sense of IEC 60601-1-8; each is a CSS class on the tile. */
    enum Priority {
        HIGH,
        MEDIUM,
        LOW;

        String cssClass() {
            return "priority-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final String messageKey;
    private final Priority priority;

    CallTypePresentation(String messageKey, Priority priority) {
        this.messageKey = messageKey;
        this.priority = priority;
    }

    static CallTypePresentation of(String callType) {
        for (CallTypePresentation presentation : values()) {
            if (presentation != OTHER && presentation.name().equals(callType)) {
                return presentation;
            }
        }
        return OTHER;
    }

    /** The message key for the type's text, or {@code null} when the raw type name is shown. */
    String messageKey() {
        return messageKey;
    }

    Priority priority() {
        return priority;
    }
}
