package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's five views in a real browser against the packaged server and console: each opens from the menu's
 * address with the demo installation's data in it, and is photographed for the documentation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminViewsIT {

    /** A desk screen tall enough to show a form under its list. */
    private static final String DESK_TALL = "1366,1200";

    private SystemUnderTest system;
    private Browser browser;

    @BeforeAll
    void startSystemAndBrowser() throws Exception {
        system = new SystemUnderTest();
        system.startServer();
        system.startConsole();
        browser = new Browser(system.root, DESK_TALL);
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
    void the_administrator_opens_each_administration_view_with_the_demo_installation_in_it() throws Exception {
        browser.logIn(system.consoleUrl(), "admin");

        open("admin/facility", "admin-facility-tree");
        assertThat(visible("admin-facility-tree").getText()).contains("Avdeling 2 Øst");
        // the tree opens down to the rooms; picking one shows its locations
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-grid-cell-content[normalize-space()='Rom 203']")))
                .click();
        assertThat(visible("admin-facility-locations").getText()).contains("Seng");
        browser.screenshot("admin-facility.png");

        open("admin/staff", "admin-staff-grid");
        assertThat(visible("admin-staff-grid").getText()).contains("sykepleier");
        browser.screenshot("admin-staff.png");

        // the demo roster: sykepleier by day and evening, natt at night
        open("admin/roster", "admin-assignment-0");
        browser.screenshot("admin-roster.png");

        open("admin/escalation", "admin-escalation-HIGH-0-tiers");
        browser.screenshot("admin-escalation.png");

        // the demo resident of room 203 has a care plan: bed exit at night, with consent
        open("admin/care-plans", "admin-care-resident");
        WebElement resident = browser.driver().findElement(By.cssSelector("#admin-care-resident input"));
        resident.click();
        resident.sendKeys("Kari Johansen");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-combo-box-item")));
        resident.sendKeys(Keys.ENTER);
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-care-rule-0")));
        assertThat(visible("admin-care-active").getText()).isNotBlank();
        browser.screenshot("admin-care-plans.png");
    }

    private void open(String path, String waitForId) {
        browser.driver().get(system.consoleUrl() + path);
        browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id(waitForId)));
    }

    private WebElement visible(String id) {
        return browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }
}
