package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.pasientsignal.console.board.service.AlarmLevel;
import no.pasientsignal.console.board.service.BoardRoom;
import no.pasientsignal.console.board.service.RoomStatus;
import no.pasientsignal.console.client.ProtectionAlert;

/**
 * One room on the board: name, call type(s), how long it has waited (counting up), who has accepted, presence, and the
 * residents of the room whose protection is broken; with buttons to accept, mark presence and resolve. The colour is
 * the room's highest alarm level (IEC 60601-1-8: high red, medium yellow, low cyan); the edge flashes (high fast,
 * medium slower, low steady) only while nobody has taken the call, so an accepted call stays visible without shouting.
 * A room on the board only for a protection alert is pale amber, never an alarm colour.
 */
public final class RoomTile extends Div {

    /** What the tile's buttons ask the board to do. */
    interface Actions {
        void accept(RoomTile tile);

        void presence(RoomTile tile, boolean present);

        void resolve(RoomTile tile);
    }

    private final H2 roomName = new H2();
    private final Span callTypes = new Span();
    private final Span waitingLabel = new Span();
    private final Span waitingTime = new Span();
    private final Span responder = new Span();
    private final Span presence = new Span();
    private final Div protection = new Div();
    private final Paragraph error = new Paragraph();
    private final Button accept = new Button();
    private final Button markPresence = new Button();
    private final Button resolve = new Button();
    private final Div waiting;
    private BoardRoom room;

    RoomTile(BoardRoom room, Actions actions) {
        this.room = Objects.requireNonNull(room, "room");
        addClassName("room-tile");
        getElement().setAttribute("role", "listitem");
        getElement().setAttribute("data-room", room.roomName());
        roomName.addClassName("room-name");
        callTypes.addClassName("call-type");
        waitingLabel.addClassName("waiting-label");
        waitingTime.addClassName("waiting-time");
        // the time changes every second; screen readers should not announce each change
        waitingTime.getElement().setAttribute("aria-live", "off");
        responder.addClassName("tile-responder");
        presence.addClassName("tile-presence");
        protection.addClassName("tile-protection");
        error.addClassName("tile-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        accept.addClassName("tile-accept");
        markPresence.addClassName("tile-presence-button");
        resolve.addClassName("tile-resolve");
        accept.addClickListener(e -> actions.accept(this));
        markPresence.addClickListener(e -> actions.presence(
                this, !room().calls().map(RoomStatus::hasPresence).orElse(false)));
        resolve.addClickListener(e -> actions.resolve(this));
        Div buttons = new Div(accept, markPresence, resolve);
        buttons.addClassName("tile-actions");

        Div indicator = new Div();
        indicator.addClassName("alarm-indicator");
        indicator.getElement().setAttribute("aria-hidden", "true");
        waiting = new Div(waitingLabel, waitingTime);
        waiting.addClassName("waiting");
        Div status = new Div(responder, presence);
        status.addClassName("tile-status");
        add(indicator, roomName, callTypes, waiting, status, protection, error, buttons);
    }

    /** Shows {@code shown} as of {@code now}. */
    void show(BoardRoom shown, Instant now) {
        this.room = Objects.requireNonNull(shown, "shown");
        getElement().setAttribute("data-room", shown.roomName());
        // when the room's most urgent call was raised (epoch ms, server clock): lets an end-to-end test time the board
        getElement().setAttribute("data-since", Long.toString(shown.since().toEpochMilli()));
        roomName.setText(shown.roomName());
        Optional<RoomStatus> calls = shown.calls();
        Optional<AlarmLevel> level = shown.level();
        for (AlarmLevel l : AlarmLevel.values()) {
            setClassName(l.cssClass(), level.equals(Optional.of(l)));
        }
        setClassName("protection-only", calls.isEmpty());
        setClassName("awaiting-response", calls.map(RoomStatus::awaitsResponse).orElse(false));

        callTypes.setText(calls.map(this::callTypeText).orElseGet(() -> getTranslation("board.tile.noCall")));
        waiting.setVisible(calls.isPresent());
        waitingLabel.setText(getTranslation("board.tile.waiting"));

        List<String> acceptedBy = calls.map(RoomStatus::acceptedBy).orElse(List.of());
        responder.setVisible(calls.isPresent());
        responder.setText(
                acceptedBy.isEmpty()
                        ? getTranslation("board.tile.notAccepted")
                        : getTranslation("board.tile.acceptedBy", String.join(", ", acceptedBy)));
        boolean present = calls.map(RoomStatus::hasPresence).orElse(false);
        presence.setVisible(present);
        String presentBy = calls.map(RoomStatus::presentBy).orElse(null);
        presence.setText(
                present
                        ? presentBy == null
                                ? getTranslation("board.tile.present")
                                : getTranslation("board.tile.presentBy", presentBy)
                        : "");

        protection.removeAll();
        for (ProtectionAlert alert : shown.protection()) {
            Paragraph line = new Paragraph(getTranslation(
                    "board.tile.protection",
                    alert.displayName() == null || alert.displayName().isBlank()
                            ? getTranslation("protection.resident.unnamed", alert.residentId())
                            : alert.displayName(),
                    ProtectionAlertItem.uncovered(alert, this::getTranslation)));
            line.addClassName("tile-protection-line");
            protection.add(line);
        }
        protection.setVisible(!shown.protection().isEmpty());

        accept.setText(getTranslation("board.tile.accept"));
        accept.getElement().setAttribute("aria-label", getTranslation("board.tile.accept.label", shown.roomName()));
        accept.setVisible(calls.map(RoomStatus::awaitsResponse).orElse(false));
        markPresence.setText(getTranslation(present ? "board.tile.presence.clear" : "board.tile.presence"));
        markPresence
                .getElement()
                .setAttribute(
                        "aria-label",
                        getTranslation(
                                present ? "board.tile.presence.clear.label" : "board.tile.presence.label",
                                shown.roomName()));
        resolve.setText(getTranslation("board.tile.resolve"));
        resolve.getElement().setAttribute("aria-label", getTranslation("board.tile.resolve.label", shown.roomName()));
        resolve.setVisible(calls.isPresent());
        getElement().setAttribute("aria-label", ariaLabel(shown));
        showWaitingTime(now);
    }

    private String callTypeText(RoomStatus status) {
        return String.join(
                ", ",
                status.callTypes().stream()
                        .map(type -> {
                            String key = CallTypeText.messageKey(type);
                            return key == null ? type : getTranslation(key);
                        })
                        .toList());
    }

    private String ariaLabel(BoardRoom shown) {
        return shown.level()
                .map(l ->
                        getTranslation("board.tile.label", shown.roomName(), getTranslation("board.level." + l.name())))
                .orElseGet(() -> getTranslation("board.tile.label.protection", shown.roomName()));
    }

    /** Updates the waiting time only: called every second. */
    void showWaitingTime(Instant now) {
        waitingTime.setText(WaitingTime.format(Duration.between(room.since(), now)));
    }

    /** Shows what went wrong with the last action on this tile, as a sentence; {@code null} clears it. */
    void showError(String sentence) {
        error.setText(sentence == null ? "" : sentence);
        error.setVisible(sentence != null);
    }

    /** The room this tile shows. */
    public BoardRoom room() {
        return room;
    }

    /** The room name as shown. */
    public String roomNameText() {
        return roomName.getText();
    }

    /** The call type text as shown, e.g. {@code Pasientrop}. */
    public String callTypeText() {
        return callTypes.getText();
    }

    /** The waiting time as shown, e.g. {@code 1:05}. */
    public String waitingTimeText() {
        return waitingTime.getText();
    }

    /** Who accepted, as shown, e.g. {@code Tatt imot av sykepleier}; empty on a tile without a call. */
    public String responderText() {
        return responder.isVisible() ? responder.getText() : "";
    }

    /** The presence line while it shows, else empty. */
    public String presenceText() {
        return presence.isVisible() ? presence.getText() : "";
    }

    /** The protection alert lines, as shown. */
    public List<String> protectionTexts() {
        return protection.getChildren().map(c -> ((Paragraph) c).getText()).toList();
    }

    /** The error sentence of the last failed action while it shows, else empty. */
    public String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    /** The accept button (visible while a call waits for someone). */
    public Button acceptButton() {
        return accept;
    }

    /** The presence button: marks presence, or clears it while presence is marked. */
    public Button presenceButton() {
        return markPresence;
    }

    /** The resolve button (visible while the room has a call). */
    public Button resolveButton() {
        return resolve;
    }
}
