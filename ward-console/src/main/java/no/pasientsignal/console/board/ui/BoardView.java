package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.board.service.BoardClock;
import no.pasientsignal.console.board.service.BoardState;
import no.pasientsignal.console.board.service.CallBoardService;
import no.pasientsignal.console.board.service.ProtectionAlertService;
import no.pasientsignal.console.board.service.ProtectionState;
import no.pasientsignal.console.board.service.RoomStatus;
import no.pasientsignal.console.board.service.Subscription;
import no.pasientsignal.console.login.service.AuthenticationService;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;

/**
 * The live room-status board: one tile per room with an active call, the room that has waited longest first, waiting
 * times counting up every second. While attached it subscribes to the shared {@link CallBoardService} and to the
 * {@link BoardClock}; both deliver on background threads and the view applies them with {@link UI#access}, so server
 * push brings new calls in (and takes cancelled ones out) without a reload.
 *
 * <p>For care staff (nurses, night staff, administrators) a {@link ProtectionStrip} above the tiles lists residents
 * whose protection is broken (a sensor or call point stopped working), fed by a {@link ProtectionAlertService} stream
 * opened with the user's own token while the board is attached.
 */
@Route(value = "", layout = MainLayout.class)
@AllowedRoles({StaffRole.NURSE, StaffRole.NIGHT_STAFF, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "menu.board", order = 10)
public final class BoardView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    private final transient CallBoardService board;
    private final transient BoardClock clock;
    private final transient AuthenticationService authentication;
    private final transient ProtectionAlertService protection;
    // times on the strip in the console's zone; the console runs at the site it serves
    private final ZoneId zone = ZoneId.systemDefault();

    private final H1 title = new H1();
    private final Paragraph connection = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Div grid = new Div();
    private final Map<String, RoomTile> tiles = new LinkedHashMap<>();

    private transient Subscription boardSubscription;
    private transient Subscription clockSubscription;
    private transient Subscription protectionSubscription;
    private ProtectionStrip protectionStrip;
    private ProtectionState protectionShown;
    private int protectionFeed; // which feed's states to show: a closed feed's late deliveries are ignored
    private BoardState shown = new BoardState(-1, List.of(), BoardState.Connection.CONNECTING);

    public BoardView() {
        this(ConsoleServices.current());
    }

    private BoardView(ConsoleServices services) {
        this(services.board(), services.clock(), services.authentication(), services.protection());
    }

    BoardView(
            CallBoardService board,
            BoardClock clock,
            AuthenticationService authentication,
            ProtectionAlertService protection) {
        this.board = board;
        this.clock = clock;
        this.authentication = authentication;
        this.protection = protection;
        addClassName("board-view");

        Header header = new Header(title);
        header.addClassName("board-header");

        connection.setId("board-connection");
        connection.addClassName("board-connection");
        connection.getElement().setAttribute("role", "status");

        empty.setId("board-empty");
        empty.addClassName("board-empty");

        grid.setId("board-grid");
        grid.addClassName("board-grid");
        grid.getElement().setAttribute("role", "list");

        add(header, connection, empty, grid);
        updateTexts();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Optional<ConsoleUser> current = authentication.currentUser();
        boardSubscription = board.subscribe(state -> inUi(ui, () -> show(state)));
        clockSubscription = clock.onTick(() -> inUi(ui, this::refreshWaitingTimes));
        current.filter(u -> ProtectionAlertService.isFor(u.roles())).ifPresent(u -> {
            if (protectionStrip == null) {
                protectionStrip = new ProtectionStrip();
                addComponentAtIndex(indexOf(connection) + 1, protectionStrip);
            }
            int feed = ++protectionFeed;
            protectionShown = null;
            protectionSubscription = protection.subscribe(
                    u.token(),
                    state -> inUi(ui, () -> {
                        if (feed == protectionFeed) {
                            showProtection(state);
                        }
                    }));
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        closeSubscriptions();
        super.onDetach(detachEvent);
    }

    private void closeSubscriptions() {
        if (boardSubscription != null) {
            boardSubscription.close();
            boardSubscription = null;
        }
        if (clockSubscription != null) {
            clockSubscription.close();
            clockSubscription = null;
        }
        if (protectionSubscription != null) {
            protectionSubscription.close();
            protectionSubscription = null;
        }
    }

    private void inUi(UI ui, Runnable update) {
        try {
            ui.access(update::run);
        } catch (UIDetachedException e) {
            closeSubscriptions();
        }
    }

    private void show(BoardState state) {
        if (state.version() < shown.version()) {
            return; // a late delivery of an older state
        }
        shown = state;
        List<RoomTile> ordered = new ArrayList<>(state.rooms().size());
        Map<String, RoomTile> next = new LinkedHashMap<>();
        for (RoomStatus room : state.rooms()) {
            RoomTile tile = tiles.get(room.roomId());
            if (tile == null) {
                tile = new RoomTile(room);
            }
            next.put(room.roomId(), tile);
            ordered.add(tile);
        }
        tiles.keySet().stream()
                .filter(roomId -> !next.containsKey(roomId))
                .map(tiles::get)
                .forEach(grid::remove);
        boolean sameOrder = grid.getChildren().toList().equals(ordered);
        if (!sameOrder) {
            grid.removeAll();
            ordered.forEach(grid::add);
        }
        tiles.clear();
        tiles.putAll(next);
        for (RoomStatus room : state.rooms()) {
            tiles.get(room.roomId()).show(room, clock.now());
        }
        showConnection();
    }

    private void showProtection(ProtectionState state) {
        if (protectionStrip == null || (protectionShown != null && state.version() < protectionShown.version())) {
            return;
        }
        protectionShown = state;
        protectionStrip.show(state, clock.now(), zone);
    }

    private void refreshWaitingTimes() {
        var now = clock.now();
        tiles.values().forEach(tile -> tile.showWaitingTime(now));
    }

    private void showConnection() {
        String key = switch (shown.connection()) {
            case LIVE -> null;
            case CONNECTING -> "board.connection.connecting";
            case RECONNECTING -> "board.connection.reconnecting";
            case LOGIN_REQUIRED -> "board.connection.loginRequired";
        };
        connection.setVisible(key != null);
        connection.setText(key == null ? "" : getTranslation(key));
        setClassName("board-stale", key != null);
        empty.setVisible(tiles.isEmpty() && shown.isLive());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        show(shown);
        if (protectionShown != null) {
            showProtection(protectionShown);
        }
    }

    private void updateTexts() {
        title.setText(getTranslation("board.heading"));
        empty.setText(getTranslation("board.empty"));
        grid.getElement().setAttribute("aria-label", getTranslation("board.grid.label"));
        showConnection();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }
}
