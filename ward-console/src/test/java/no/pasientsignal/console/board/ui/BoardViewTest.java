package no.pasientsignal.console.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static no.pasientsignal.console.testsupport.KaribuConsole.PASSWORD;
import static no.pasientsignal.console.testsupport.KaribuConsole.USERNAME;
import static no.pasientsignal.console.testsupport.KaribuConsole.logIn;
import static no.pasientsignal.console.testsupport.KaribuConsole.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.login.ui.LoginView;
import no.pasientsignal.console.testsupport.FakeSignalServer;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board in a browserless UI, fed over real HTTP by a stand-in signal server. */
class BoardViewTest {

    private KaribuConsole console;
    private FakeSignalServer server;

    @BeforeEach
    void openConsoleInANorwegianBrowser() {
        console = KaribuConsole.start(ConsoleI18NProvider.BOKMAAL);
        server = console.server();
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    @Test
    void new_call_appears_on_board_without_reload() {
        logInAndWaitUntilLive();
        assertThat(_find(RoomTile.class)).isEmpty();

        server.raise("201", "Rom 201", "PATIENT_CALL", Instant.now().minusSeconds(65));

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).singleElement().satisfies(tile -> {
                assertThat(tile.roomNameText()).isEqualTo("Rom 201");
                assertThat(tile.callTypeText()).isEqualTo("Pasientrop");
                assertThat(tile.waitingTimeText()).matches("1:0\\d");
                assertThat(tile.getClassNames()).contains("room-tile", "priority-medium");
            });
        });
    }

    @Test
    void cancelled_call_disappears_from_board() {
        logInAndWaitUntilLive();
        UUID call = server.raise("201", "Rom 201", "PATIENT_CALL", Instant.now());
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).hasSize(1);
        });

        server.cancel(call);

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).isEmpty();
            assertThat(_get(Paragraph.class, spec -> spec.withId("board-empty")).getText())
                    .isEqualTo("Ingen aktive anrop.");
        });
    }

    @Test
    void calls_active_before_login_are_shown_oldest_first() {
        Instant now = Instant.now();
        server.raiseSilently("203", "Rom 203", "PATIENT_CALL", now.minusSeconds(10));
        server.raiseSilently("201", "Rom 201", "PATIENT_CALL", now.minusSeconds(300));
        server.raiseSilently("202", "Rom 202", "PATIENT_CALL", now.minusSeconds(60));

        logInAndWaitUntilLive();

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class))
                    .extracting(RoomTile::roomNameText)
                    .containsExactly("Rom 201", "Rom 202", "Rom 203");
        });
    }

    @Test
    void waiting_time_counts_up_every_second() {
        logInAndWaitUntilLive();
        server.raise("201", "Rom 201", "PATIENT_CALL", Instant.now());
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).hasSize(1);
        });
        String first = _get(RoomTile.class).waitingTimeText();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            roundTrip();
            assertThat(_get(RoomTile.class).waitingTimeText()).isNotEqualTo(first);
        });
    }

    @Test
    void unauthenticated_navigation_to_the_board_lands_on_login() {
        UI.getCurrent().navigate("");

        _get(LoginView.class);
        _assertNone(BoardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("login");
    }

    @Test
    void lost_connection_is_shown_and_calls_raised_meanwhile_appear_when_it_is_back() {
        logInAndWaitUntilLive();

        server.unavailable(true);
        server.dropStreams();

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(connectionBanner())
                    .hasValueSatisfying(text -> assertThat(text).startsWith("Mistet forbindelsen til signalserveren."));
        });

        server.raiseSilently("201", "Rom 201", "PATIENT_CALL", Instant.now());
        server.unavailable(false);

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).extracting(RoomTile::roomNameText).containsExactly("Rom 201");
            assertThat(connectionBanner()).isEmpty();
        });
    }

    @Test
    void expired_login_is_shown_on_the_board() {
        logInAndWaitUntilLive();

        server.refuseTokens(true);
        server.dropStreams();

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(connectionBanner())
                    .hasValueSatisfying(
                            text -> assertThat(text).startsWith("Innloggingen mot signalserveren er utløpt."));
        });
    }

    @Test
    void board_speaks_english_when_the_language_changes() {
        logInAndWaitUntilLive();
        server.raise("201", "Rom 201", "PATIENT_CALL", Instant.now());
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(RoomTile.class)).hasSize(1);
        });

        UI.getCurrent().setLocale(Locale.ENGLISH);

        assertThat(_get(RoomTile.class).callTypeText()).isEqualTo("Patient call");
    }

    @Test
    void without_a_roster_the_board_says_so_and_shows_every_room() {
        // the stand-in server has no routing or facility endpoints: the viewer's zone cannot be worked out
        logInAndWaitUntilLive();
        server.raise("201", "Rom 201", "PATIENT_CALL", Instant.now());

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_get(BoardView.class).scopeLoaded()).isTrue();
            assertThat(_get(Paragraph.class, spec -> spec.withId("board-scope")).getText())
                    .isEqualTo("Fant ikke vaktlista di, så tavla viser alle rom.");
            assertThat(_find(RoomTile.class)).extracting(RoomTile::roomNameText).containsExactly("Rom 201");
        });
    }

    @Test
    void closing_the_board_unsubscribes_it() {
        logInAndWaitUntilLive();
        assertThat(console.services().board().subscriberCount()).isEqualTo(1);

        MockVaadin.tearDown(); // detaches the UI and its views, as closing the tab eventually does

        assertThat(console.services().board().subscriberCount()).isZero();
    }

    private void logInAndWaitUntilLive() {
        UI.getCurrent().navigate("");
        logIn(USERNAME, PASSWORD);
        _get(BoardView.class);
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(console.services().board().state().isLive()).isTrue();
            assertThat(connectionBanner()).isEmpty();
        });
    }

    /** The connection banner's text while it is showing. */
    private static Optional<String> connectionBanner() {
        return _find(Paragraph.class, spec -> spec.withId("board-connection")).stream()
                .findFirst()
                .map(Paragraph::getText);
    }
}
