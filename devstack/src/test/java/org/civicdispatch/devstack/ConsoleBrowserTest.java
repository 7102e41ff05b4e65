package org.civicdispatch.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium) against the real platform: a hotline operator files a
 * complaint through the console's form, the queue open in another tab shows it without a reload, an operator
 * pauses the case for the citizen with a confirmation and resumes it, and the case's audit timeline shows both.
 * Screenshots of every step are kept in {@code devstack/target/screenshots/}.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PLATFORM_WAIT = Duration.ofSeconds(90);

    private static ChromeDriver browser;
    private static Path screenshots;
    private static String console;

    @BeforeAll
    static void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver,"
                    + " as .ci/run does)";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        Path root = Path.of(System.getProperty("civicdispatch.root", "..")).toAbsolutePath().normalize();
        screenshots = Files.createDirectories(root.resolve("devstack/target/screenshots"));
        // The driver and browser are named, so Selenium Manager never looks for (or downloads) anything.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium-"));
        browser = new ChromeDriver(service, options);
        console = SharedPlatform.stack().url("console");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowAFiledComplaintLiveAndRecordAnOperatorsActionsInItsTimeline() throws Exception {
        try {
            // Tab 1: the queue, opened once and never reloaded.
            browser.get(console + "/#/queue");
            String queueTab = browser.getWindowHandle();
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
            assertThat(browser.findElement(By.cssSelector("a[data-route=queue]")).getText()).isEqualTo("派单队列");
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            screenshot("01-queue-zh");

            // Tab 2: the hotline desk files a complaint through the console's form.
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(console + "/#/new");
            String description = "夜市摊位占道 console-" + System.nanoTime();
            waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#report-category option[value='vending.night-market-stalls']")));
            new Select(browser.findElement(By.id("report-category"))).selectByValue("vending.night-market-stalls");
            browser.findElement(By.id("report-description")).sendKeys(description);
            browser.findElement(By.id("report-latitude")).sendKeys("43.88");
            browser.findElement(By.id("report-longitude")).sendKeys("125.33");
            browser.findElement(By.id("report-name")).sendKeys("王芳");
            browser.findElement(By.id("report-phone")).sendKeys("13900000000");
            screenshot("02-new-complaint");
            browser.findElement(By.id("report-submit")).click();
            WebElement result = waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#report-result.ok[data-case-id]")));
            String caseId = result.getAttribute("data-case-id");
            assertThat(caseId).isNotBlank();
            screenshot("03-complaint-accepted");

            // Back on the queue tab: the case arrives over the event stream.
            browser.switchTo().window(queueTab);
            By row = By.cssSelector("#queue-rows tr[data-case-id='" + caseId + "']");
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(row));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                    .as("the queue page was not reloaded").isEqualTo(true);
            assertThat(browser.findElement(row).getText()).contains(description).doesNotContain("13900000000");
            screenshot("04-queue-live-with-new-case");

            // The language switch, remembered by the browser.
            new Select(browser.findElement(By.id("locale"))).selectByValue("en");
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                    By.cssSelector("a[data-route=queue]"), "Queues"));
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(row));
            screenshot("05-queue-en");

            // The case page, and an operator action through its confirmation step.
            browser.findElement(row).findElement(By.cssSelector("a[href^='#/case/']")).click();
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.elementToBeClickable(By.id("action-pause"))).click();
            browser.findElement(By.cssSelector("#action-fields textarea[name=reason]"))
                    .sendKeys("Caller asked us to wait until Monday");
            browser.findElement(By.id("action-next")).click();
            WebElement confirm = waitFor(Duration.ofSeconds(5)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("action-confirm")));
            assertThat(browser.findElement(By.id("action-summary")).getText())
                    .contains(caseId, "Caller asked us to wait until Monday");
            screenshot("06-confirm-pause");
            confirm.click();

            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#case-timeline li[data-kind='CasePaused']")));
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("case-paused")));
            assertThat(browser.findElement(By.cssSelector("#case-timeline li[data-kind='CasePaused']")).getText())
                    .contains("Caller asked us to wait until Monday");
            List<String> kinds = browser.findElements(By.cssSelector("#case-timeline li"))
                    .stream().map(li -> li.getAttribute("data-kind")).toList();
            assertThat(kinds).contains("IncidentReported", "IncidentDispatched", "DepartmentTask",
                    "PauseForCitizen", "CasePaused");
            screenshot("07-case-paused-timeline");

            waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("action-resume")))
                    .click();
            browser.findElement(By.id("action-next")).click();
            waitFor(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("action-confirm"))).click();
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#case-timeline li[data-kind='CaseResumed']")));
            screenshot("08-case-resumed-timeline");

            // The map counts the case in its grid; the wall-screen layout for the control room.
            browser.get(console + "/?wall=1#/map");
            waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#grid-map path.grid:not([data-count='0'])")));
            assertThat(browser.findElements(By.cssSelector("#grid-map path.grid"))).hasSize(586);
            screenshot("09-map-wall");
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure");
            throw e;
        }
    }

    private static WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(250));
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
