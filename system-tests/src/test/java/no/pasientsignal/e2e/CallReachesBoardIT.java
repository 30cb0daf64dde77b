package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The walking skeleton end to end: signal-server, ward-console and device-sim as separate
 * processes from their packaged jars; a nurse logs in to the console in headless Chromium, a
 * simulated call button is enrolled (one-time credential over HTTP, EST-coaps over DTLS-PSK) and
 * pressed over CoAP/DTLS with its new certificate, and the call appears on the board without a
 * reload; cancelling it at the device removes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallReachesBoardIT {

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
    void call_from_a_simulated_device_appears_on_the_board_and_leaves_when_cancelled() throws Exception {
        // Log in as the demo ward nurse.
        browser.logIn(system.consoleUrl(), "sykepleier");
        browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("board-grid")));

        // The call button in room 203 is brought into service the way a technician does it: a
        // one-time credential from the HTTP API, then enrolment over EST-coaps (DTLS-PSK).
        assertThat(system.sim("enrol", "203", "--api", system.apiUrl())).isZero();

        // A resident in room 203 presses the call button (real CoAP over DTLS from device-sim).
        assertThat(system.sim("press", "203")).isZero();

        // It appears without a reload. Pushed, so one second is plenty; the wait allows for CI load.
        By tile203 =
                By.xpath("//*[contains(@class,'room-tile')][.//*[contains(@class,'room-name')][text()='Rom 203']]");
        WebElement tile =
                browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(tile203));
        assertThat(tile.getText()).contains("Pasientrop");
        browser.screenshot("board-call.png");

        // Cancelled at the device in the room: the tile goes away.
        assertThat(system.sim("cancel", "203")).isZero();
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(tile203));
    }
}
