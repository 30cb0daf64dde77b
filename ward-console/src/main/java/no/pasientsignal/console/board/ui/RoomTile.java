package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import no.pasientsignal.console.board.service.RoomStatus;

/**
 * One room on the board: room name, ward, call type(s) and how long the room has waited, counting up. The tile's
 * colour follows the highest alarm priority among its calls (a patient call is medium priority: yellow).
 */
public final class RoomTile extends Div {

    private final H2 roomName = new H2();
    private final Span wardName = new Span();
    private final Span callTypes = new Span();
    private final Span waitingLabel = new Span();
    private final Span waitingTime = new Span();
    private RoomStatus room;

    RoomTile(RoomStatus room) {
        addClassName("room-tile");
        getElement().setAttribute("role", "listitem");
        roomName.addClassName("room-name");
        wardName.addClassName("ward-name");
        callTypes.addClassName("call-type");
        waitingLabel.addClassName("waiting-label");
        waitingTime.addClassName("waiting-time");
        // the time changes every second; screen readers should not announce each change
        waitingTime.getElement().setAttribute("aria-live", "off");

        Div indicator = new Div();
        indicator.addClassName("alarm-indicator");
        indicator.getElement().setAttribute("aria-hidden", "true");
        Div waiting = new Div(waitingLabel, waitingTime);
        waiting.addClassName("waiting");
        add(indicator, roomName, callTypes, waiting, wardName);
        this.room = Objects.requireNonNull(room, "room");
    }

    /** Shows {@code status} as of {@code now}. */
    void show(RoomStatus status, Instant now) {
        this.room = Objects.requireNonNull(status, "status");
        roomName.setText(status.roomName());
        wardName.setText(status.wardName());
        List<CallTypePresentation> presentations =
                status.callTypes().stream().map(CallTypePresentation::of).toList();
        callTypes.setText(String.join(
                ", ",
                status.callTypes().stream()
                        .map(type -> {
                            String key = CallTypePresentation.of(type).messageKey();
                            return key == null ? type : getTranslation(key);
                        })
                        .toList()));
        CallTypePresentation.Priority priority = presentations.stream()
                .map(CallTypePresentation::priority)
                .min(Comparator.naturalOrder())
                .orElse(CallTypePresentation.Priority.MEDIUM);
        for (CallTypePresentation.Priority p : CallTypePresentation.Priority.values()) {
            setClassName(p.cssClass(), p == priority);
        }
        waitingLabel.setText(getTranslation("board.tile.waiting"));
        showWaitingTime(now);
    }

    /** Updates the waiting time only: called every second. */
    void showWaitingTime(Instant now) {
        waitingTime.setText(WaitingTime.format(Duration.between(room.waitingSince(), now)));
    }

    /** The room this tile shows. */
    public RoomStatus room() {
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
}
