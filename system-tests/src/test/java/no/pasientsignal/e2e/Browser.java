package no.pasientsignal.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
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
 * Headless Debian Chromium driven by chromedriver, for the console's end-to-end tests; Norwegian by default, as on a
 * ward tablet. {@link #screenshot(String)} saves the page to {@code system-tests/target/screenshots/} and, when the
 * build runs with {@code -Dscreenshots.update=true}, also to {@code docs/screenshots/} (the pictures README shows).
 */
final class Browser implements AutoCloseable {

    /** A tablet in portrait: what a nurse carries. */
    static final String TABLET_PORTRAIT = "820,1180";
    /** A desk screen: what a quality lead or technician uses. */
    static final String DESKTOP = "1366,900";

    private final WebDriver driver;
    private final Path root;

    Browser(Path projectRoot, String windowSize) throws IOException {
        this.root = projectRoot;
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
                        "--autoplay-policy=no-user-gesture-required",
                        "--window-size=" + windowSize,
                        "--lang=nb-NO",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-e2e"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nb-NO,nb"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Opens the console and logs in as a demo user ({@code demo-<name>} passwords), waiting for the menu. */
    void logIn(String consoleUrl, String username) {
        driver.get(consoleUrl);
        WebElement name = waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#login-username input")));
        name.sendKeys(username);
        driver.findElement(By.cssSelector("#login-password input")).sendKeys("demo-" + username);
        driver.findElement(By.id("login-button")).click();
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("main-menu")));
    }

    /** Saves a screenshot of the page as {@code name} (e.g. {@code board.png}). */
    void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Path target = root.resolve("system-tests/target/screenshots").resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("screenshots.update")) {
            Path docs = root.resolve("docs/screenshots").resolve(name);
            Files.createDirectories(docs.getParent());
            Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
