package no.pasientsignal.console.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import no.pasientsignal.console.client.SignalServerException;

/**
 * Turns a failed call to the signal server into one plain sentence in the user's language, with the server's own
 * explanation where it gave one. Views show it next to the form (so what was typed stays) or as a notification.
 */
public final class ServerErrors {

    /** How long an error notification stays; long enough to read twice at 03:00. */
    private static final int NOTIFICATION_MILLIS = 10_000;

    private ServerErrors() {}

    /** The sentence for {@code error}, translated through {@code where} (any component of the view). */
    public static String sentence(Component where, SignalServerException error) {
        String detail = error.serverMessage().orElse("");
        return switch (error.reason()) {
            case NOT_REACHABLE -> where.getTranslation("error.unreachable");
            case INVALID_CREDENTIALS -> where.getTranslation("error.credentials");
            case UNAUTHORIZED -> where.getTranslation("error.unauthorized");
            case FORBIDDEN -> where.getTranslation("error.forbidden");
            case REFUSED ->
                detail.isEmpty()
                        ? where.getTranslation("error.refused.plain")
                        : where.getTranslation("error.refused", detail);
            case UNAVAILABLE ->
                detail.isEmpty()
                        ? where.getTranslation("error.unavailable.plain")
                        : where.getTranslation("error.unavailable", detail);
            case UNEXPECTED_RESPONSE -> where.getTranslation("error.unexpected");
        };
    }

    /** Shows the sentence for {@code error} as an error notification (announced to screen readers). */
    public static Notification show(Component where, SignalServerException error) {
        return showSentence(sentence(where, error));
    }

    /** Shows {@code sentence} as an error notification. */
    public static Notification showSentence(String sentence) {
        Notification notification = Notification.show(sentence, NOTIFICATION_MILLIS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.getElement().setAttribute("role", "alert");
        notification.addClassName("server-error");
        return notification;
    }
}
