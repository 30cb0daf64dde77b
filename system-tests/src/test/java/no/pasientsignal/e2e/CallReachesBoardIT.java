package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The walking skeleton end to end: signal-server, ward-console and device-sim as separate
 * processes from their packaged jars; a nurse logs in to the console in headless Chromium, a
 * simulated call button is enrolled (one-time credential over HTTP, EST-coaps over DTLS-PSK) and
 * pressed over CoAP/DTLS with its new certificate, the call appears on the board within a second
 * without a reload, the nurse accepts it from the board, and cancelling it at the device removes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallReachesBoardIT {

    /** What the issue asks: a press is on the board within a second. */
    private static final long MAX_PRESS_TO_VISIBLE_MILLIS = 1000;

    /**
     * Records, in the page, when room $0's tile first shows a call (every room of the ward has a
     * tile, quiet or with a protection alert, before it has a call), painted (epoch ms, after the next
     * animation frame) and the raise time the tile carries ({@code data-since}, the server's clock
     * on the same machine).
     */
    private static final String WATCH_FOR_TILE = """
            const room = arguments[0];
            window.__tileSeen = null;
            const check = () => {
              if (window.__tileSeen) { return; }
              const tile = document.querySelector('.room-tile.has-call[data-room="' + room + '"]');
              if (tile) {
                const since = Number(tile.getAttribute('data-since'));
                window.__tileSeen = {pending: true};
                requestAnimationFrame(() => { window.__tileSeen = {at: Date.now(), since: since}; });
              }
            };
            new MutationObserver(check).observe(document.body, {childList: true, subtree: true, attributes: true});
            check();
            """;

    private SystemUnderTest system;
    private Browser browser;

    @BeforeAll
    void startSystemAndBrowser() throws Exception {
        system = new SystemUnderTest();
        system.startServer();
        system.startConsole();

        browser = new Browser(system.root, Browser.TABLET_PORTRAIT);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void call_from_a_simulated_device_is_on_the_board_within_a_second_is_accepted_there_and_leaves_when_cancelled()
            throws Exception {
        // Log in as the demo ward nurse.
        browser.logIn(system.consoleUrl(), "sykepleier");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("board-grid")));

        // The call button in room 203 is brought into service the way a technician does it: a
        // one-time credential from the HTTP API, then enrolment over EST-coaps (DTLS-PSK).
        assertThat(system.sim("enrol", "203", "--api", system.apiUrl())).isZero();

        // A resident in room 203 presses the call button (real CoAP over DTLS from device-sim).
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript(WATCH_FOR_TILE, "Rom 203");
        long simStarted = System.currentTimeMillis();
        assertThat(system.sim("press", "203")).isZero();

        // It appears without a reload. The wait is long so CI load cannot make the test flaky; the
        // latency itself is measured in the page and must be within a second.
        By tile203 = By.cssSelector(".room-tile.has-call[data-room='Rom 203']");
        WebElement tile =
                browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(tile203));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen =
                (Map<String, Object>) browser.waitUpTo(Duration.ofSeconds(15)).until(driver -> {
                    Object value = page.executeScript("return window.__tileSeen");
                    return value instanceof Map<?, ?> map && map.containsKey("at") ? value : null;
                });
        long visibleAt = ((Number) seen.get("at")).longValue();
        long raisedAt = ((Number) seen.get("since")).longValue();
        long pressToVisible = visibleAt - raisedAt;
        System.out.printf(
                "CallReachesBoardIT: press (server raise time) to tile painted: %d ms;"
                        + " device-sim process start (JVM start, DTLS handshake, press) to tile painted: %d ms%n",
                pressToVisible, visibleAt - simStarted);
        assertThat(pressToVisible)
                .as("milliseconds from the press reaching the server to the tile on the board")
                .isBetween(0L, MAX_PRESS_TO_VISIBLE_MILLIS);
        assertThat(tile.getText()).contains("Pasientrop", "Ikke tatt imot");
        browser.screenshot("board.png");

        // The nurse accepts it from the board: her name shows on the tile.
        tile.findElement(By.cssSelector(".tile-accept")).click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(tile203, "Tatt imot av sykepleier"));
        browser.screenshot("board-accepted.png");

        // Cancelled at the device in the room: the tile no longer shows a call (the room stays, quiet, or amber for a
        // protection alert).
        assertThat(system.sim("cancel", "203")).isZero();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(tile203));
    }
}
