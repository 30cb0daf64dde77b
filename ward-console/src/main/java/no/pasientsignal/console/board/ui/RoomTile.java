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
 * A room on the board only for a protection alert is pale amber, never an alarm colour; a quiet room (no call, no
 * alert) is a small neutral tile with its name only, so the whole ward fits one screen.
 *
 * <p>While an action the tile asked for is on its way to the server the tile is {@link #setBusy busy}: its buttons are
 * disabled, so a second tap cannot send it twice.
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
    private final Div status;
    private final Div buttons;
    private BoardRoom room;
    private boolean busy;

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
        // disabled in the browser at the tap, before the server hears of it; the board enables them when done
        accept.setDisableOnClick(true);
        markPresence.setDisableOnClick(true);
        resolve.setDisableOnClick(true);
        accept.addClickListener(e -> actions.accept(this));
        markPresence.addClickListener(e -> actions.presence(
                this, !room().calls().map(RoomStatus::hasPresence).orElse(false)));
        resolve.addClickListener(e -> actions.resolve(this));
        buttons = new Div(accept, markPresence, resolve);
        buttons.addClassName("tile-actions");

        Div indicator = new Div();
        indicator.addClassName("alarm-indicator");
        indicator.getElement().setAttribute("aria-hidden", "true");
        waiting = new Div(waitingLabel, waitingTime);
        waiting.addClassName("waiting");
        status = new Div(responder, presence);
        status.addClassName("tile-status");
        add(indicator, roomName, callTypes, waiting, status, protection, error, buttons);
    }

    /** Shows {@code shown} as of {@code now}. */
    void show(BoardRoom shown, Instant now) {
        this.room = Objects.requireNonNull(shown, "shown");
        getElement().setAttribute("data-room", shown.roomName());
        // when the room's most urgent call was raised (epoch ms, server clock): lets an end-to-end test time the board
        shown.since()
                .ifPresentOrElse(
                        since -> getElement().setAttribute("data-since", Long.toString(since.toEpochMilli())),
                        () -> getElement().removeAttribute("data-since"));
        roomName.setText(shown.roomName());
        Optional<RoomStatus> calls = shown.calls();
        Optional<AlarmLevel> level = shown.level();
        for (AlarmLevel l : AlarmLevel.values()) {
            setClassName(l.cssClass(), level.equals(Optional.of(l)));
        }
        boolean quiet = shown.isQuiet();
        setClassName("has-call", calls.isPresent());
        setClassName("protection-only", calls.isEmpty() && !quiet);
        setClassName("quiet", quiet);
        setClassName("awaiting-response", calls.map(RoomStatus::awaitsResponse).orElse(false));

        callTypes.setVisible(!quiet);
        callTypes.setText(
                calls.map(this::callTypeText).orElseGet(() -> quiet ? "" : getTranslation("board.tile.noCall")));
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
        status.setVisible(calls.isPresent());
        // a quiet tile is a name to glance at; the board cannot tell presence in a room without a call
        buttons.setVisible(!quiet);
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
        if (shown.isQuiet()) {
            return getTranslation("board.tile.label.quiet", shown.roomName());
        }
        return shown.level()
                .map(l ->
                        getTranslation("board.tile.label", shown.roomName(), getTranslation("board.level." + l.name())))
                .orElseGet(() -> getTranslation("board.tile.label.protection", shown.roomName()));
    }

    /** Updates the waiting time only: called every second. */
    void showWaitingTime(Instant now) {
        String text = room.since()
                .map(since -> WaitingTime.format(Duration.between(since, now)))
                .orElse("");
        // every tile ticks each second: send nothing to the browser for the quiet ones, whose text stays empty
        if (!text.equals(waitingTime.getText())) {
            waitingTime.setText(text);
        }
    }

    /**
     * Marks an action of this tile as on its way to the server ({@code true}: buttons disabled) or answered
     * ({@code false}: buttons enabled again).
     */
    void setBusy(boolean busy) {
        this.busy = busy;
        accept.setEnabled(!busy);
        markPresence.setEnabled(!busy);
        resolve.setEnabled(!busy);
        setClassName("busy", busy);
        getElement().setAttribute("aria-busy", Boolean.toString(busy));
    }

    /** Whether an action of this tile is on its way to the server. */
    public boolean isBusy() {
        return busy;
    }

    /** Whether the tile shows a quiet room (no call, no protection alert). */
    public boolean isQuiet() {
        return room.isQuiet();
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
