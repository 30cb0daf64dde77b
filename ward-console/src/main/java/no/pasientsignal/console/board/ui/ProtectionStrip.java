package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pasientsignal.console.board.service.ProtectionState;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * The board's protection strip: residents whose sensors or call points stopped working. A technical matter, so it is
 * kept apart from the call tiles and looks different (amber, not an alarm colour, no flashing); it shows only while
 * there is something to show or its alerts cannot be trusted (the stream is down).
 */
public final class ProtectionStrip extends Section {

    private final H2 heading = new H2();
    private final Paragraph notice = new Paragraph();
    private final Div list = new Div();
    private final Map<String, ProtectionAlertItem> items = new LinkedHashMap<>();

    ProtectionStrip() {
        setId("protection-strip");
        addClassName("protection-strip");
        getElement().setAttribute("role", "region");
        heading.addClassName("protection-heading");
        notice.setId("protection-notice");
        notice.addClassName("protection-notice");
        list.addClassName("protection-list");
        list.getElement().setAttribute("role", "list");
        // a resident losing protection should be announced, but not interrupt what a screen reader is saying
        list.getElement().setAttribute("aria-live", "polite");
        add(heading, notice, list);
        setVisible(false);
    }

    /** Shows {@code state}, with times in {@code zone} as of {@code now}. */
    void show(ProtectionState state, Instant now, ZoneId zone) {
        List<ProtectionAlertItem> ordered = new ArrayList<>(state.alerts().size());
        Map<String, ProtectionAlertItem> next = new LinkedHashMap<>();
        for (ProtectionAlert alert : state.alerts()) {
            ProtectionAlertItem item = items.get(alert.residentId());
            if (item == null) {
                item = new ProtectionAlertItem(alert);
            }
            next.put(alert.residentId(), item);
            ordered.add(item);
        }
        if (!list.getChildren().toList().equals(ordered)) {
            list.removeAll();
            ordered.forEach(list::add);
        }
        items.clear();
        items.putAll(next);
        for (ProtectionAlert alert : state.alerts()) {
            items.get(alert.residentId()).show(alert, now, zone);
        }
        String noticeKey = switch (state.connection()) {
            case LIVE, CONNECTING -> null;
            case RECONNECTING -> "protection.connection.reconnecting";
            case LOGIN_REQUIRED -> "protection.connection.loginRequired";
        };
        notice.setVisible(noticeKey != null);
        notice.setText(noticeKey == null ? "" : getTranslation(noticeKey));
        heading.setText(getTranslation("protection.heading", state.alerts().size()));
        getElement().setAttribute("aria-label", getTranslation("protection.label"));
        setClassName("protection-stale", noticeKey != null);
        setVisible(!items.isEmpty() || noticeKey != null);
    }

    /** The heading as shown, e.g. {@code Beskyttelse brutt (2)}. */
    public String headingText() {
        return heading.getText();
    }

    /** The notice that the alerts may be out of date, while it shows; else empty. */
    public String noticeText() {
        return notice.isVisible() ? notice.getText() : "";
    }

    /** The alerts as shown, in order. */
    public List<ProtectionAlertItem> items() {
        return List.copyOf(items.values());
    }
}
