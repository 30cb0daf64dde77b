package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.pasientsignal.console.ConsoleServices;
import no.pasientsignal.console.board.service.AlarmLevel;
import no.pasientsignal.console.board.service.BoardClock;
import no.pasientsignal.console.board.service.BoardRoom;
import no.pasientsignal.console.board.service.BoardScope;
import no.pasientsignal.console.board.service.BoardScopeService;
import no.pasientsignal.console.board.service.BoardState;
import no.pasientsignal.console.board.service.CallBoardService;
import no.pasientsignal.console.board.service.ProtectionAlertService;
import no.pasientsignal.console.board.service.ProtectionState;
import no.pasientsignal.console.board.service.RoomStatus;
import no.pasientsignal.console.board.service.Subscription;
import no.pasientsignal.console.client.ActiveCall;
import no.pasientsignal.console.client.BoardClient;
import no.pasientsignal.console.client.SignalServerException;
import no.pasientsignal.console.login.service.AuthenticationService;
import no.pasientsignal.console.login.service.ConsoleUser;
import no.pasientsignal.console.login.service.StaffRole;
import no.pasientsignal.console.shell.AllowedRoles;
import no.pasientsignal.console.shell.MainLayout;
import no.pasientsignal.console.shell.MenuEntry;
import no.pasientsignal.console.shell.ServerErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live room-status board: "my zone" or "the whole ward", one tile per room of that scope: rooms with an active
 * call first (the highest alarm level first, then the room that has waited longest, waiting times counting up every
 * second), then rooms with a resident whose protection is broken, then the quiet rooms by name, small and neutral.
 * Calls are accepted, presence marked and calls resolved from the tiles; an audible signal sounds while a call waits
 * unacknowledged.
 *
 * <p>While attached it subscribes to the shared {@link CallBoardService} (one stream for the whole console), the
 * {@link BoardClock}, and, with the viewer's own token, a {@link ProtectionAlertService} feed; all deliver on background
 * threads and the view applies them with {@link UI#access}, so server push brings changes in without a reload. The
 * view never changes the board state itself: an action's effect arrives through the stream like everyone else's, and
 * a refused action leaves the board as it is and says why on the tile. Actions run off the UI thread (a slow server
 * must not freeze the tablet); the tile's buttons stay disabled until the server has answered.
 *
 * <p>"My zone" is worked out per viewer ({@link BoardScopeService}: the zones the roster gives them in the shift
 * running now), since the shared stream's per-user fields describe whoever's token opened it.
 *
 * <p>Acknowledging the sound silences the calls on the server ({@code POST /api/alarms/{id}/silence}) rather than only
 * on this tablet: the silence is journaled with who did it, every board and handset stops sounding for a call someone
 * has heard, and the call stays on the board, flashing and escalating until someone accepts it. If the server cannot
 * be reached the board silences itself anyway and says so: a nurse must always be able to stop the noise.
 */
@Route(value = "", layout = MainLayout.class)
@AllowedRoles({StaffRole.NURSE, StaffRole.NIGHT_STAFF, StaffRole.ADMINISTRATOR})
@MenuEntry(key = "menu.board", order = 10)
public final class BoardView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    private static final Logger LOG = LoggerFactory.getLogger(BoardView.class);
    /** Read the roster again this often (in clock ticks, one a second), so the board follows shift changes. */
    private static final int SCOPE_REFRESH_TICKS = 300;
    /** How soon after a reading a room the board does not know may cause another (in clock ticks). */
    private static final int UNKNOWN_ROOM_REREAD_TICKS = 10;

    private final transient CallBoardService board;
    private final transient BoardClock clock;
    private final transient AuthenticationService authentication;
    private final transient ProtectionAlertService protection;
    private final transient BoardClient client;
    private final transient BoardScopeService scopes;
    // times on the strip in the console's zone; the console runs at the site it serves
    private final ZoneId zone = ZoneId.systemDefault();

    private final H1 title = new H1();
    private final Button soundOn = new Button();
    private final Button acknowledge = new Button();
    private final Paragraph soundNotice = new Paragraph();
    private final Tab myZoneTab = new Tab();
    private final Tab wardTab = new Tab();
    private final Tabs tabs = new Tabs(myZoneTab, wardTab);
    private final Paragraph scopeNotice = new Paragraph();
    private final Paragraph connection = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Div grid = new Div();
    // quiet rooms in a grid of their own, of small tiles: the whole ward fits a tablet below the rooms that need
    // someone
    private final Div quietGrid = new Div();
    private final Map<String, RoomTile> tiles = new LinkedHashMap<>();
    private final BoardSound sound = new BoardSound();
    // calls whose sound this board has acknowledged, kept until the server's silence shows on the stream
    private final Set<UUID> acknowledged = new HashSet<>();

    private transient Subscription boardSubscription;
    private transient Subscription clockSubscription;
    private transient Subscription protectionSubscription;
    private ProtectionStrip protectionStrip;
    private ProtectionState protectionShown;
    private int protectionFeed; // which feed's states to show: a closed feed's late deliveries are ignored
    private BoardState shown = new BoardState(-1, List.of(), BoardState.Connection.CONNECTING);
    private BoardScope scope = BoardScope.UNKNOWN;
    private boolean scopeLoaded;
    private boolean scopeLoading;
    private boolean scopeFailed;
    private boolean myZoneChosen; // the viewer picked a tab: keep it across roster reloads
    private boolean choosingTab; // the board, not the viewer, is selecting a tab
    private int ticksSinceScope;
    private String audioState = "";

    public BoardView() {
        this(ConsoleServices.current());
    }

    private BoardView(ConsoleServices services) {
        this(
                services.board(),
                services.clock(),
                services.authentication(),
                services.protection(),
                new BoardClient(services.api()));
    }

    BoardView(
            CallBoardService board,
            BoardClock clock,
            AuthenticationService authentication,
            ProtectionAlertService protection,
            BoardClient client) {
        this.board = board;
        this.clock = clock;
        this.authentication = authentication;
        this.protection = protection;
        this.client = client;
        this.scopes = new BoardScopeService(client, Clock.systemUTC());
        addClassName("board-view");

        soundOn.setId("board-sound-on");
        soundOn.addClassName("board-sound-on");
        soundOn.setVisible(false);
        BoardSound.unlocksAudio(soundOn);
        soundOn.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> updateSound(ui, true)));
        acknowledge.setId("board-acknowledge");
        acknowledge.addClassName("board-acknowledge");
        acknowledge.setVisible(false);
        acknowledge.addClickListener(e -> acknowledgeSound());
        soundNotice.setId("board-sound-notice");
        soundNotice.addClassName("board-sound-notice");
        soundNotice.getElement().setAttribute("role", "status");
        soundNotice.setVisible(false);
        Div soundControls = new Div(soundOn, acknowledge);
        soundControls.addClassName("board-sound");
        Header header = new Header(title, soundControls);
        header.addClassName("board-header");

        myZoneTab.setId("board-tab-mine");
        wardTab.setId("board-tab-ward");
        tabs.setId("board-tabs");
        tabs.addClassName("board-tabs");
        tabs.setSelectedTab(wardTab); // until the roster says which zone is the viewer's
        tabs.addSelectedChangeListener(e -> {
            if (!choosingTab) {
                myZoneChosen = true;
            }
            render();
        });

        scopeNotice.setId("board-scope");
        scopeNotice.addClassName("board-scope");
        scopeNotice.setVisible(false);

        connection.setId("board-connection");
        connection.addClassName("board-connection");
        connection.getElement().setAttribute("role", "status");

        empty.setId("board-empty");
        empty.addClassName("board-empty");

        grid.setId("board-grid");
        grid.addClassName("board-grid");
        grid.getElement().setAttribute("role", "list");
        quietGrid.setId("board-quiet");
        quietGrid.addClassName("board-quiet");
        quietGrid.getElement().setAttribute("role", "list");

        add(header, soundNotice, tabs, scopeNotice, connection, empty, grid, quietGrid);
        updateTexts();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Optional<ConsoleUser> current = authentication.currentUser();
        boardSubscription = board.subscribe(state -> inUi(ui, () -> show(state)));
        clockSubscription = clock.onTick(() -> inUi(ui, this::tick));
        current.ifPresent(this::loadScope);
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
        updateSound(ui, true);
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

    /** Reads the viewer's zones off the UI thread (several requests), then re-draws. */
    private void loadScope(ConsoleUser user) {
        UI ui = UI.getCurrent();
        ticksSinceScope = 0;
        scopeLoading = true;
        Thread.ofVirtual().name("board-scope-" + user.username()).start(() -> {
            BoardScope loaded;
            try {
                loaded = scopes.scopeOf(user.username(), user.token());
            } catch (SignalServerException | IllegalArgumentException e) {
                LOG.info("Could not read the roster for {}'s board: {}", user.username(), e.getMessage());
                loaded = null;
            }
            BoardScope result = loaded;
            inUi(ui, () -> applyScope(result));
        });
    }

    private void applyScope(BoardScope loaded) {
        scopeLoading = false;
        scopeFailed = loaded == null;
        if (loaded != null) {
            scope = loaded;
        } else if (!scopeLoaded) {
            scope = BoardScope.UNKNOWN; // keep a scope read before; show everything only if there never was one
        }
        scopeLoaded = true;
        if (!myZoneChosen) {
            choosingTab = true;
            try {
                tabs.setSelectedTab(scope.onDuty() ? myZoneTab : wardTab);
            } finally {
                choosingTab = false;
            }
        }
        render();
    }

    /**
     * A call or protection alert from a room the scope does not know (added since it was read): read the rooms again,
     * at most every ten seconds, so the room finds its zone without waiting for the regular re-reading.
     */
    private void rereadScopeForUnknownRooms() {
        if (!scopeLoaded || scopeLoading || ticksSinceScope < UNKNOWN_ROOM_REREAD_TICKS) {
            return;
        }
        boolean unknown = shown.rooms().stream().anyMatch(room -> !scope.knows(room.roomId()))
                || (protectionShown != null
                        && protectionShown.alerts().stream().anyMatch(alert -> !scope.knows(alert.roomId())));
        if (unknown) {
            authentication.currentUser().ifPresent(this::loadScope);
        }
    }

    private void tick() {
        var now = clock.now();
        tiles.values().forEach(tile -> tile.showWaitingTime(now));
        if (++ticksSinceScope >= SCOPE_REFRESH_TICKS && !scopeLoading) {
            authentication.currentUser().ifPresent(this::loadScope);
        } else {
            rereadScopeForUnknownRooms();
        }
    }

    private void show(BoardState state) {
        if (state.version() < shown.version()) {
            return; // a late delivery of an older state
        }
        shown = state;
        render();
    }

    private void showProtection(ProtectionState state) {
        if (protectionStrip == null || (protectionShown != null && state.version() < protectionShown.version())) {
            return;
        }
        protectionShown = state;
        protectionStrip.show(state, clock.now(), zone);
        render();
    }

    private boolean myZoneOnly() {
        return tabs.getSelectedTab() == myZoneTab;
    }

    /** The tiles this viewer sees now, in board order. */
    List<BoardRoom> visibleRooms() {
        boolean mine = myZoneOnly();
        return BoardRoom.arrange(
                shown.rooms(),
                protectionShown == null ? List.of() : protectionShown.alerts(),
                scope.roomNames(),
                (roomId, zoneId, wardId) -> scope.shows(roomId, zoneId, wardId, mine));
    }

    private void render() {
        rereadScopeForUnknownRooms();
        List<BoardRoom> rooms = visibleRooms();
        List<RoomTile> busy = new ArrayList<>(rooms.size());
        List<RoomTile> quiet = new ArrayList<>(rooms.size());
        Map<String, RoomTile> next = new LinkedHashMap<>();
        for (BoardRoom room : rooms) {
            RoomTile tile = tiles.get(room.roomId());
            if (tile == null) {
                tile = new RoomTile(room, new TileActions());
            }
            next.put(room.roomId(), tile);
            (room.isQuiet() ? quiet : busy).add(tile);
        }
        // a tile that changes between quiet and busy moves grid (adding it elsewhere takes it from the other one)
        placeInOrder(grid, busy);
        placeInOrder(quietGrid, quiet);
        quietGrid.setVisible(!quiet.isEmpty());
        tiles.clear();
        tiles.putAll(next);
        var now = clock.now();
        for (BoardRoom room : rooms) {
            tiles.get(room.roomId()).show(room, now);
        }
        showConnection();
        showScopeNotice();
        getUI().ifPresent(ui -> updateSound(ui, false));
    }

    private static void placeInOrder(Div container, List<RoomTile> ordered) {
        if (!container.getChildren().toList().equals(ordered)) {
            container.removeAll();
            ordered.forEach(container::add);
        }
    }

    // --- sound

    /** The calls on this board that should sound: waiting for someone, not silenced, not acknowledged here. */
    private List<ActiveCall> soundingCalls() {
        List<ActiveCall> calls = visibleRooms().stream()
                .flatMap(room -> room.calls().stream())
                .flatMap(room -> room.calls().stream())
                .filter(ActiveCall::awaitsResponse)
                .filter(call -> !call.silenced() && !acknowledged.contains(call.id()))
                .toList();
        return calls;
    }

    private void updateSound(UI ui, boolean force) {
        Set<UUID> onBoard = new HashSet<>();
        shown.rooms().forEach(room -> room.calls().forEach(call -> onBoard.add(call.id())));
        acknowledged.retainAll(onBoard);
        List<ActiveCall> sounding = soundingCalls();
        AlarmLevel level = sounding.stream()
                .map(call -> AlarmLevel.of(call.priority()))
                .min(Enum::compareTo)
                .orElse(null);
        acknowledge.setVisible(!sounding.isEmpty());
        sound.play(ui, level, force, state -> {
            audioState = Objects.requireNonNullElse(state, "");
            // the browser keeps audio off until the user touches the page: offer the button that turns it on
            soundOn.setVisible("suspended".equals(audioState));
        });
    }

    /**
     * Stops the sound here at once, then silences the calls on the server off the UI thread (a nurse must be able to
     * stop the noise even when the server is slow or gone) and says which of the two happened.
     */
    private void acknowledgeSound() {
        Optional<ConsoleUser> user = authentication.currentUser();
        Optional<UI> ui = getUI();
        List<ActiveCall> sounding = soundingCalls();
        sounding.forEach(call -> acknowledged.add(call.id()));
        ui.ifPresent(u -> updateSound(u, false));
        if (user.isEmpty() || ui.isEmpty()) {
            showSoundNotice(null);
            return;
        }
        acknowledge.setEnabled(false);
        Thread.ofVirtual().name("board-silence-" + user.get().username()).start(() -> {
            SignalServerException failure = null;
            for (ActiveCall call : sounding) {
                try {
                    client.silence(call.id(), user.get().token());
                } catch (SignalServerException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    LOG.warn("Silencing a call failed unexpectedly", e);
                    failure = new SignalServerException(
                            SignalServerException.Reason.UNEXPECTED_RESPONSE, String.valueOf(e.getMessage()), e);
                }
            }
            SignalServerException refused = failure;
            inUi(ui.get(), () -> {
                acknowledge.setEnabled(true);
                showSoundNotice(refused == null ? null : ServerErrors.sentence(this, refused));
            });
        });
    }

    private void showSoundNotice(String failure) {
        soundNotice.setVisible(true);
        soundNotice.setText(
                failure == null
                        ? getTranslation("board.sound.acknowledged")
                        : getTranslation("board.sound.acknowledgedHere", failure));
    }

    /** What the board last asked the browser to sound: {@code high}, {@code medium}, {@code low} or {@code off}. */
    public String soundLevel() {
        return sound.level();
    }

    // --- actions

    private final class TileActions implements RoomTile.Actions {

        @Override
        public void accept(RoomTile tile) {
            List<ActiveCall> waiting =
                    callsOf(tile).stream().filter(ActiveCall::awaitsResponse).toList();
            send(tile, user -> waiting.forEach(call -> client.accept(call.id(), user.token())));
        }

        @Override
        public void presence(RoomTile tile, boolean present) {
            String roomId = tile.room().roomId();
            send(tile, user -> client.presence(roomId, present, user.token()));
        }

        @Override
        public void resolve(RoomTile tile) {
            List<ActiveCall> calls = callsOf(tile);
            String roomId = tile.room().roomId();
            boolean present = tile.room().calls().map(RoomStatus::hasPresence).orElse(false);
            send(tile, user -> {
                calls.forEach(call -> client.resolve(call.id(), user.token()));
                if (present) {
                    // done in the room: clear the presence too, or the room's next call would come as a staff assist
                    client.presence(roomId, false, user.token());
                }
            });
        }

        private List<ActiveCall> callsOf(RoomTile tile) {
            return tile.room().calls().map(RoomStatus::calls).orElse(List.of());
        }

        /**
         * Sends {@code requests} to the server off the UI thread, so a slow server holds nobody's tablet: the tile's
         * buttons stay disabled until the answer, which is applied with {@link UI#access}. The first refusal stops
         * the requests and is told on the tile; success clears an earlier refusal. The board itself changes only
         * when the stream brings the effect.
         */
        private void send(RoomTile tile, ServerRequests requests) {
            Optional<ConsoleUser> user = authentication.currentUser();
            Optional<UI> ui = getUI();
            if (user.isEmpty() || ui.isEmpty()) {
                tile.setBusy(false);
                return;
            }
            tile.setBusy(true);
            ConsoleUser by = user.get();
            Thread.ofVirtual().name("board-action-" + by.username()).start(() -> {
                SignalServerException failure = null;
                try {
                    requests.send(by);
                } catch (SignalServerException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    LOG.warn("A board action failed unexpectedly", e);
                    failure = new SignalServerException(
                            SignalServerException.Reason.UNEXPECTED_RESPONSE, String.valueOf(e.getMessage()), e);
                }
                SignalServerException refused = failure;
                inUi(ui.get(), () -> {
                    tile.setBusy(false);
                    tile.showError(refused == null ? null : ServerErrors.sentence(BoardView.this, refused));
                });
            });
        }
    }

    /** The requests one tap on a tile sends, in order; blocking, run off the UI thread. */
    @FunctionalInterface
    private interface ServerRequests {
        void send(ConsoleUser user);
    }

    // --- texts

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
        // quiet rooms have tiles too: the sentence says that none of them has a call or an alert
        empty.setVisible(tiles.values().stream().allMatch(RoomTile::isQuiet) && shown.isLive());
        empty.setText(getTranslation(myZoneOnly() ? "board.empty.myZone" : "board.empty"));
    }

    private void showScopeNotice() {
        String key = null;
        if (scopeLoaded && scopeFailed) {
            key = "board.scope.unknown";
        } else if (scopeLoaded && !scope.onDuty()) {
            key = "board.scope.offDuty";
        }
        scopeNotice.setVisible(key != null);
        scopeNotice.setText(key == null ? "" : getTranslation(key));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        updateTexts();
        if (protectionShown != null && protectionStrip != null) {
            protectionStrip.show(protectionShown, clock.now(), zone);
        }
        render();
        if (soundNotice.isVisible()) {
            soundNotice.setVisible(false); // a sentence in the old language would mislead more than help
        }
    }

    private void updateTexts() {
        title.setText(getTranslation("board.heading"));
        myZoneTab.setLabel(getTranslation("board.tab.myZone"));
        wardTab.setLabel(getTranslation("board.tab.ward"));
        soundOn.setText(getTranslation("board.sound.on"));
        acknowledge.setText(getTranslation("board.sound.acknowledge"));
        grid.getElement().setAttribute("aria-label", getTranslation("board.grid.label"));
        quietGrid.getElement().setAttribute("aria-label", getTranslation("board.quiet.label"));
        showConnection();
        showScopeNotice();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }

    /** Whether the board shows the viewer's zone only (else the whole ward). */
    public boolean showsMyZone() {
        return myZoneOnly();
    }

    /** Whether the viewer's zones have been read (or could not be: then the board shows every room). */
    public boolean scopeLoaded() {
        return scopeLoaded;
    }
}
