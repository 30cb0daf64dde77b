package no.pasientsignal.console.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static no.pasientsignal.console.testsupport.FakeSignalServer.need;
import static no.pasientsignal.console.testsupport.KaribuConsole.PASSWORD;
import static no.pasientsignal.console.testsupport.KaribuConsole.USERNAME;
import static no.pasientsignal.console.testsupport.KaribuConsole.logIn;
import static no.pasientsignal.console.testsupport.KaribuConsole.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import no.pasientsignal.console.i18n.ConsoleI18NProvider;
import no.pasientsignal.console.testsupport.FakeSignalServer;
import no.pasientsignal.console.testsupport.KaribuConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The board's protection strip in a browserless UI, fed over real HTTP by a stand-in signal server. */
class ProtectionStripTest {

    private static final String NURSE_ON_OTHER_SHIFT = "ola";

    private KaribuConsole console;
    private FakeSignalServer server;

    @BeforeEach
    void openConsoleInANorwegianBrowser() {
        console = KaribuConsole.start(ConsoleI18NProvider.BOKMAAL);
        server = console.server()
                .withUser("natt", PASSWORD, "NIGHT_STAFF")
                .withUser("admin", PASSWORD, "ADMINISTRATOR")
                .withUser("tekniker", PASSWORD, "TECHNICIAN");
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    @Test
    void lost_protection_appears_with_the_resident_and_what_is_no_longer_covered_on_the_strip_and_the_room() {
        logInAndWaitForTheProtectionStream(USERNAME);
        assertThat(_find(ProtectionStrip.class)).as("nothing to show yet").isEmpty();

        server.protectionLost(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                NURSE_ON_OTHER_SHIFT,
                Instant.now().minusSeconds(30),
                need("CALL_BUTTON", "BED", "SILENT"),
                need("DOOR_SENSOR", "DOOR", "TAMPERED"));

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items()).singleElement().satisfies(item -> {
                assertThat(item.residentText()).isEqualTo("Astrid Hansen");
                assertThat(item.roomText()).isEqualTo("Rom 201");
                assertThat(item.uncoveredText())
                        .isEqualTo("Anropsknapp ved senga: svarer ikke; Dørsensor ved døra: er tuklet med");
                assertThat(item.raisedText()).matches("Siden (\\S+ )?kl\\. \\d\\d:\\d\\d");
                assertThat(item.yoursMarkerText()).isEmpty();
                assertThat(item.responsibleText()).isEqualTo("Ansvarlig: ola");
                assertThat(item.getElement().getTextRecursively()).doesNotContain("not protected");
            });
        });
        ProtectionStrip strip = _get(ProtectionStrip.class);
        assertThat(strip.headingText()).isEqualTo("Beskyttelse brutt (1)");
        assertThat(strip.getClassNames()).contains("protection-strip").doesNotContain("room-tile");
        // the resident's room shows it too, as a protection tile (not an alarm colour, no call buttons)
        assertThat(_find(RoomTile.class)).singleElement().satisfies(tile -> {
            assertThat(tile.roomNameText()).isEqualTo("Rom 201");
            assertThat(tile.getClassNames()).contains("protection-only").doesNotContain("priority-medium");
            assertThat(tile.protectionTexts())
                    .containsExactly("Beskyttelse brutt for Astrid Hansen: Anropsknapp ved senga: svarer ikke; "
                            + "Dørsensor ved døra: er tuklet med");
            assertThat(tile.acceptButton().isVisible()).isFalse();
            assertThat(tile.resolveButton().isVisible()).isFalse();
        });
    }

    @Test
    void responsible_nurse_sees_the_alert_marked_as_hers_and_first() {
        server.protectionLostSilently(
                "res-8",
                "Per Olsen",
                "202",
                "Rom 202",
                NURSE_ON_OTHER_SHIFT,
                Instant.now().minus(2, ChronoUnit.MINUTES),
                need("BED_SENSOR", "BED", "SILENT"));
        logInAndWaitForTheProtectionStream(USERNAME);

        server.protectionLost(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                USERNAME,
                Instant.now(),
                need("CALL_BUTTON", "BATHROOM", "SILENT"));

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items())
                    .extracting(ProtectionAlertItem::residentText)
                    .containsExactly("Astrid Hansen", "Per Olsen");
        });
        ProtectionAlertItem mine = items().getFirst();
        assertThat(mine.yoursMarkerText()).isEqualTo("Til deg");
        assertThat(mine.responsibleText()).isEmpty();
        assertThat(mine.getClassNames()).contains("protection-yours");
        assertThat(items().get(1).yoursMarkerText()).isEmpty();
        assertThat(items().get(1).getClassNames()).doesNotContain("protection-yours");
    }

    @Test
    void alert_disappears_when_the_resident_is_protected_again() {
        server.protectionLostSilently(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                USERNAME,
                Instant.now(),
                need("CALL_BUTTON", "BED", "SILENT"));
        logInAndWaitForTheProtectionStream(USERNAME);
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items()).hasSize(1);
        });

        server.protectionRestored("res-7");

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_find(ProtectionStrip.class)).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"natt", "admin"})
    void night_staff_and_administrators_see_the_strip_too(String username) {
        logInAndWaitForTheProtectionStream(username);

        server.technicalAlert("fall-201", "201"); // device level, for technicians (and administrators): not listed
        server.protectionLost(
                "res-7", "Astrid Hansen", "201", "Rom 201", null, Instant.now(), need("FALL_SENSOR", "BED", "SILENT"));

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items()).singleElement().satisfies(item -> {
                assertThat(item.residentText()).isEqualTo("Astrid Hansen");
                assertThat(item.uncoveredText()).isEqualTo("Fallsensor ved senga: svarer ikke");
                assertThat(item.responsibleText()).isEqualTo("Ingen ansvarlig sykepleier");
            });
        });
    }

    @Test
    void technician_is_not_shown_the_board() {
        UI.getCurrent().navigate("");
        logIn("tekniker", PASSWORD);
        _assertNone(BoardView.class);
        _assertNone(ProtectionStrip.class);
    }

    @Test
    void strip_speaks_english_when_the_language_changes() {
        logInAndWaitForTheProtectionStream(USERNAME);
        server.protectionLost(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                USERNAME,
                Instant.now(),
                need("CALL_BUTTON", "BED", "SILENT"));
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items()).hasSize(1);
        });

        UI.getCurrent().setLocale(Locale.ENGLISH);

        assertThat(_get(ProtectionStrip.class).headingText()).isEqualTo("Protection lost (1)");
        ProtectionAlertItem item = _get(ProtectionAlertItem.class);
        assertThat(item.uncoveredText()).isEqualTo("Call button at the bed: device silent");
        assertThat(item.yoursMarkerText()).isEqualTo("For you");
        assertThat(item.raisedText()).matches("Since (\\S+ )?\\d\\d:\\d\\d");
    }

    @Test
    void lost_stream_is_shown_on_the_strip_and_alerts_raised_meanwhile_appear_when_it_is_back() {
        logInAndWaitForTheProtectionStream(USERNAME);

        server.unavailable(true);
        server.dropStreams();

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(_get(ProtectionStrip.class).noticeText())
                    .startsWith("Mistet forbindelsen for varsler om brutt beskyttelse.");
        });

        server.protectionLostSilently(
                "res-7",
                "Astrid Hansen",
                "201",
                "Rom 201",
                USERNAME,
                Instant.now(),
                need("CALL_BUTTON", "BED", "SILENT"));
        server.unavailable(false);

        await().untilAsserted(() -> {
            roundTrip();
            assertThat(items()).extracting(ProtectionAlertItem::residentText).containsExactly("Astrid Hansen");
            assertThat(_get(ProtectionStrip.class).noticeText()).isEmpty();
        });
    }

    @Test
    void logging_out_closes_the_users_protection_stream() {
        logInAndWaitForTheProtectionStream(USERNAME);

        _click(_get(Button.class, spec -> spec.withId("logout-button")));

        assertThat(console.services().protection().openFeedCount()).isZero();
        await().untilAsserted(
                        () -> assertThat(server.openTechnicalStreamCount()).isZero());
    }

    @Test
    void closing_the_board_closes_the_users_protection_stream() {
        logInAndWaitForTheProtectionStream(USERNAME);

        MockVaadin.tearDown(); // detaches the UI and its views, as closing the tab eventually does

        assertThat(console.services().protection().openFeedCount()).isZero();
        await().untilAsserted(
                        () -> assertThat(server.openTechnicalStreamCount()).isZero());
    }

    private void logInAndWaitForTheProtectionStream(String username) {
        UI.getCurrent().navigate("");
        logIn(username, PASSWORD);
        _get(BoardView.class);
        await().untilAsserted(() -> {
            roundTrip();
            assertThat(server.openTechnicalStreamCount()).isEqualTo(1);
            assertThat(console.services().protection().openFeedCount()).isEqualTo(1);
        });
    }

    private static List<ProtectionAlertItem> items() {
        return _find(ProtectionStrip.class).stream()
                .flatMap(strip -> strip.items().stream())
                .toList();
    }
}
