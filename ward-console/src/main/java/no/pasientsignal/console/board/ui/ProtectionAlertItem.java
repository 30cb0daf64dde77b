package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import no.pasientsignal.console.client.NeedCoverage;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * One resident whose protection is broken: name, room, what is no longer covered (worded in the console's language
 * from the alert's structured fields, never the server's English message), since when, and who is responsible, with a
 * marker when that is the logged-in user.
 */
public final class ProtectionAlertItem extends Div {

    // The values the texts know; anything newer falls back to the server's own wording rather than a missing-text mark.
    private static final Set<String> DEVICE_TYPES = Set.of(
            "CALL_BUTTON",
            "PULL_CORD",
            "BED_SENSOR",
            "DOOR_SENSOR",
            "MOTION_SENSOR",
            "FALL_SENSOR",
            "SMOKE_DETECTOR",
            "CAMERA");
    private static final Set<String> LOCATION_KINDS = Set.of("BED", "BATHROOM", "DOOR", "CORRIDOR");
    private static final Set<String> COVERAGES =
            Set.of("COVERED", "SILENT", "TAMPERED", "DECOMMISSIONED", "NO_DEVICE", "NO_ROOM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Span yours = new Span();
    private final Span resident = new Span();
    private final Span room = new Span();
    private final Span uncovered = new Span();
    private final Span raised = new Span();
    private final Span responsible = new Span();
    private ProtectionAlert alert;

    ProtectionAlertItem(ProtectionAlert alert) {
        addClassName("protection-alert");
        getElement().setAttribute("role", "listitem");
        yours.addClassName("protection-yours-marker");
        resident.addClassName("protection-resident");
        room.addClassName("protection-room");
        uncovered.addClassName("protection-uncovered");
        raised.addClassName("protection-raised");
        responsible.addClassName("protection-responsible");
        Div who = new Div(resident, room);
        who.addClassName("protection-who");
        Div when = new Div(raised, responsible);
        when.addClassName("protection-when");
        add(yours, who, uncovered, when);
        this.alert = Objects.requireNonNull(alert, "alert");
    }

    /** Shows {@code shown}, with times in {@code zone} and "today" judged by {@code now}. */
    void show(ProtectionAlert shown, Instant now, ZoneId zone) {
        this.alert = Objects.requireNonNull(shown, "shown");
        setClassName("protection-yours", shown.addressedToYou());
        yours.setVisible(shown.addressedToYou());
        yours.setText(getTranslation("protection.yours"));
        resident.setText(
                shown.displayName() == null || shown.displayName().isBlank()
                        ? getTranslation("protection.resident.unnamed", shown.residentId())
                        : shown.displayName());
        room.setText(shown.roomName());
        uncovered.setText(uncovered(shown, this::getTranslation));
        raised.setText(raisedText(shown.raisedAt(), now, zone));
        responsible.setVisible(!shown.addressedToYou());
        responsible.setText(
                shown.responsibleNurse() == null || shown.responsibleNurse().isBlank()
                        ? getTranslation("protection.responsible.none")
                        : getTranslation("protection.responsible", shown.responsibleNurse()));
    }

    /** Looks up a message with parameters: a component's {@code getTranslation}. */
    @FunctionalInterface
    interface Translator {
        String translate(String key, Object... params);
    }

    /** What is no longer covered, all needs in one line, e.g. {@code Anropsknapp ved senga: svarer ikke}. */
    static String uncovered(ProtectionAlert alert, Translator t) {
        return alert.uncovered().isEmpty()
                ? t.translate("protection.uncovered.unknown")
                : alert.uncovered().stream().map(need -> describe(need, t)).collect(Collectors.joining("; "));
    }

    private static String describe(NeedCoverage need, Translator t) {
        String what;
        if (DEVICE_TYPES.contains(need.deviceType()) && LOCATION_KINDS.contains(need.locationKind())) {
            what = t.translate(
                    "protection.need",
                    t.translate("protection.deviceType." + need.deviceType()),
                    t.translate("protection.location." + need.locationKind()));
        } else {
            what = fallback(need.description(), need.deviceType());
        }
        String why = COVERAGES.contains(need.coverage())
                ? t.translate("protection.coverage." + need.coverage())
                : fallback(need.explanation(), need.coverage());
        return t.translate("protection.uncoveredNeed", what, why);
    }

    private static String fallback(String serverText, String code) {
        if (serverText != null && !serverText.isBlank()) {
            return serverText;
        }
        return code == null ? "?" : code;
    }

    private String raisedText(Instant raisedAt, Instant now, ZoneId zone) {
        ZonedDateTime raisedHere = raisedAt.atZone(zone);
        String time = TIME.format(raisedHere);
        if (raisedHere.toLocalDate().equals(LocalDate.ofInstant(now, zone))) {
            return getTranslation("protection.raisedAt", time);
        }
        Locale locale = getLocale();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(locale)
                .format(raisedHere);
        return getTranslation("protection.raisedAt.earlier", date, time);
    }

    /** The alert this item shows. */
    public ProtectionAlert alert() {
        return alert;
    }

    /** The resident as shown: name, or the pseudonym when the name may not be shown. */
    public String residentText() {
        return resident.getText();
    }

    /** The room as shown. */
    public String roomText() {
        return room.getText();
    }

    /** What is no longer covered, as shown, e.g. {@code Anropsknapp ved senga: svarer ikke}. */
    public String uncoveredText() {
        return uncovered.getText();
    }

    /** Since when, as shown, e.g. {@code Siden kl. 14:05}. */
    public String raisedText() {
        return raised.getText();
    }

    /** The "your resident" marker's text while it shows, else empty. */
    public String yoursMarkerText() {
        return yours.isVisible() ? yours.getText() : "";
    }

    /** Who is responsible, as shown when it is someone else; empty for the user's own resident. */
    public String responsibleText() {
        return responsible.isVisible() ? responsible.getText() : "";
    }
}
