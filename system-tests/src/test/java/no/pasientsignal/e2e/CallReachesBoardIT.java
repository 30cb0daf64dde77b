package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    private WebDriver browser;

    @BeforeAll
    void startSystemAndBrowser() throws Exception {
        system = new SystemUnderTest();
        system.startServer();
        system.startConsole();

        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=900,1200",
                        // A Norwegian ward tablet: the console answers in bokmål.
                        "--lang=nb-NO",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-e2e"));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nb-NO,nb"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void call_from_a_simulated_device_appears_on_the_board_and_leaves_when_cancelled() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(system.consoleUrl());

        // Log in as the demo ward nurse.
        WebElement username =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        username.sendKeys("sykepleier");
        browser.findElement(By.cssSelector("#login-password input")).sendKeys("demo-sykepleier");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board-grid")));
        screenshot("board-empty.png");

        // The call button in room 203 is brought into service the way a technician does it: a
        // one-time credential from the HTTP API, then enrolment over EST-coaps (DTLS-PSK).
        assertThat(system.sim("enrol", "203", "--api", system.apiUrl())).isZero();

        // A resident in room 203 presses the call button (real CoAP over DTLS from device-sim).
        assertThat(system.sim("press", "203")).isZero();

        // It appears without a reload. Pushed, so one second is plenty; the wait allows for CI load.
        By tile203 =
                By.xpath("//*[contains(@class,'room-tile')][.//*[contains(@class,'room-name')][text()='Rom 203']]");
        WebElement tile = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(tile203));
        assertThat(tile.getText()).contains("Pasientrop");
        screenshot("board-call.png");

        // Cancelled at the device in the room: the tile goes away.
        assertThat(system.sim("cancel", "203")).isZero();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.invisibilityOfElementLocated(tile203));
    }

    private void screenshot(String name) throws Exception {
        Path target = system.logDir.resolve(name);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
