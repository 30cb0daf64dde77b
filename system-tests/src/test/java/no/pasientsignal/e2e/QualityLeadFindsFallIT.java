package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quality lead finds a fall in the audit trail, end to end: signal-server, ward-console and device-sim as separate
 * processes; the administrator sets up a room with a fall sensor and a resident whose care plan watches for falls
 * (HTTP API), device-sim enrols the sensor and sends a fall over CoAP/DTLS, and the quality lead, in headless
 * Chromium, searches the audit log and finds it, then looks at the fall statistics and a benefit follow-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityLeadFindsFallIT {

    private static final String DEVICE = "fallsensor1";
    private static final String WARD = "Avdeling 3 Vest";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SystemUnderTest system;
    private Browser browser;
    private HttpClient http;

    @BeforeAll
    void startSystemAndBrowser() throws Exception {
        system = new SystemUnderTest();
        system.startServer();
        system.startConsole();
        http = HttpClient.newHttpClient();
        // a desk screen, tall enough that each screenshot shows the form and its results together
        browser = new Browser(system.root, "1366,1500");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void a_fall_from_a_simulated_sensor_is_found_in_the_audit_search_and_counted_in_the_statistics() throws Exception {
        String residentId = fallSensorInANewRoom();
        assertThat(system.sim("enrol", "301", "--device", DEVICE, "--api", system.apiUrl()))
                .isZero();
        assertThat(system.sim("send", "301", "--device", DEVICE, "--event", "fall"))
                .isZero();

        // A nurse's handling, done over the API as the administrator: accepted, present in the room, resolved.
        handleTheFall(roomIdOf(residentId));

        // The quality lead's home is the audit search.
        browser.logIn(system.consoleUrl(), "kvalitet");
        WebElement query = browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#audit-q input")));
        query.sendKeys(DEVICE);
        click(browser.driver().findElement(By.id("audit-search")));

        // The sensor's id matches its registration and events too; the type facet counts the one fall.
        WebElement fallFacet = browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("audit-facet-type-FALL")));
        assertThat(fallFacet.getText()).isEqualTo("FALL (1)");
        click(fallFacet);
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("audit-total"), "1 treff"));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//vaadin-grid-cell-content[text()='" + residentId + "']")));
        click(browser.driver().findElement(By.xpath("//vaadin-grid-cell-content[text()='FALL']")));
        WebElement device = browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-detail-device")));
        assertThat(device.getText()).isEqualTo(DEVICE);
        assertThat(browser.driver().findElement(By.id("audit-detail-ward")).getText())
                .isEqualTo(WARD);
        browser.screenshot("audit-search.png");

        // The fall statistics count it for its ward, drawn as a chart with its table.
        browser.driver().get(system.consoleUrl() + "statistics");
        click(browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.id("stats-show"))));
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("stats-falls-chart")));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//vaadin-grid-cell-content[text()='" + WARD + "']")));
        assertThat(browser.driver().findElement(By.id("stats-falls-total")).getText())
                .startsWith("1 fall i perioden");
        browser.screenshot("fall-statistics.png");
        WebElement times = browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("stats-times-chart")));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", times);
        browser.screenshot("response-times.png");

        // A benefit follow-up with a baseline typed in from paper records.
        browser.driver().get(system.consoleUrl() + "benefit");
        click(browser.waitUpTo(Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-radio-button[.//label[contains(.,'Skrevet inn')]]"))));
        WebElement falls = browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#benefit-baseline-value-FALLS input")));
        falls.sendKeys("12");
        browser.driver()
                .findElement(By.cssSelector("#benefit-baseline-value-FALL_ALARMS input"))
                .sendKeys("15");
        click(browser.driver().findElement(By.id("benefit-compute")));
        browser.waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("benefit-result")));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//vaadin-grid-cell-content[text()='Skrevet inn']")));
        browser.screenshot("benefit-report.png");
    }

    /**
     * As the administrator: a ward, zone and room 301 with a bed, a resident there whose care plan watches for falls
     * (with consent), and a fall sensor at the bed. Returns the resident's pseudonym.
     */
    private String fallSensorInANewRoom() throws Exception {
        String admin = call("POST", "/login", null, Map.of("username", "admin", "password", "demo-admin"))
                .get("access_token")
                .asString();
        String siteId = call("GET", "/api/sites", admin, null).get(0).get("id").asString();
        String wardId = call("POST", "/api/sites/" + siteId + "/wards", admin, Map.of("name", WARD))
                .get("id")
                .asString();
        String zoneId = call("POST", "/api/wards/" + wardId + "/zones", admin, Map.of("name", "Sone 1"))
                .get("id")
                .asString();
        String roomId = call(
                        "POST",
                        "/api/zones/" + zoneId + "/rooms",
                        admin,
                        Map.of(
                                "number",
                                "301",
                                "name",
                                "Rom 301",
                                "locations",
                                List.of(Map.of("kind", "BED", "label", "Seng"))))
                .get("id")
                .asString();
        String bed = call("GET", "/api/rooms/" + roomId + "/locations", admin, null)
                .get(0)
                .get("id")
                .asString();
        String residentId = call(
                        "POST",
                        "/api/residents",
                        admin,
                        Map.of(
                                "displayName",
                                "Eva Eksempel",
                                "roomId",
                                roomId,
                                "needs",
                                List.of(Map.of("deviceType", "FALL_SENSOR", "locationKind", "BED"))))
                .get("id")
                .asString();
        call(
                "PUT",
                "/api/residents/" + residentId + "/care-plan",
                admin,
                Map.of(
                        "rules",
                        List.of(Map.of("kind", "FALL")),
                        "bases",
                        List.of(Map.of(
                                "kind",
                                "CONSENT",
                                "recordedBy",
                                "sykepleier",
                                "validFrom",
                                Instant.now()
                                        .minus(1, ChronoUnit.HOURS)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString()))));
        call(
                "POST",
                "/api/devices",
                admin,
                Map.of("deviceId", DEVICE, "type", "FALL_SENSOR", "serial", "SN-" + DEVICE, "locationId", bed));
        return residentId;
    }

    private String admin() throws Exception {
        return call("POST", "/login", null, Map.of("username", "admin", "password", "demo-admin"))
                .get("access_token")
                .asString();
    }

    private String roomIdOf(String residentId) throws Exception {
        return call("GET", "/api/residents/" + residentId, admin(), null)
                .get("roomId")
                .asString();
    }

    /** Accepts the fall, marks presence in its room and resolves it (a real fall), as the administrator. */
    private void handleTheFall(String roomId) throws Exception {
        String admin = admin();
        String search = "/api/audit/search?kind=alarm&type=FALL&q=" + DEVICE;
        browser.waitUpTo(Duration.ofSeconds(20)).until(driver -> {
            try {
                return call("GET", search, admin, null).get("total").asLong() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String alarmId =
                call("GET", search, admin, null).get("hits").get(0).get("id").asString();
        call("POST", "/api/alarms/" + alarmId + "/accept", admin, null);
        call("POST", "/api/rooms/" + roomId + "/presence", admin, Map.of("present", true));
        call("POST", "/api/alarms/" + alarmId + "/resolve", admin, Map.of("notActionable", false));
    }

    /** Scrolls the element to the middle of the window first: a click at the window's edge can land on the edge. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private JsonNode call(String method, String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(system.apiUrl() + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
