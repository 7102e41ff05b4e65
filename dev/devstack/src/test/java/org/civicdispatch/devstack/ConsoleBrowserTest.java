package org.civicdispatch.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.testkit.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (Debian's headless Chromium) against the real platform: a hotline operator files a
 * complaint through the console's form, the queue open in another tab shows it without a reload, an operator
 * pauses the case for the citizen with a confirmation and resumes it, and the case's audit timeline shows both; an
 * auditor signed in with their own token verifies the audit log, replays the last hour and reads the KPI chart.
 * Screenshots of every step are kept in {@code dev/devstack/target/screenshots/}.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PLATFORM_WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The assessment counts a case in the period of its dispatch in the district's time zone. */
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

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
        Path root = Path.of(System.getProperty("civicdispatch.root", "../..")).toAbsolutePath().normalize();
        screenshots = Files.createDirectories(root.resolve("dev/devstack/target/screenshots"));
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

    @Test
    void shouldLetAnAuditorVerifyTheLogReplayTheLastHourAndSeeTheKpiChart() throws Exception {
        DevStack stack = SharedPlatform.stack();
        String auditor = stack.tokens().get("AUDITOR");
        String caseId = fileComplaintAndAwaitItsAudit(stack, auditor);
        String firstTab = browser.getWindowHandle();
        // A tab of its own: the token lives in this tab's sessionStorage and leaves with it.
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(console + "/?wall=0#/audit");
            new Select(waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("locale"))))
                    .selectByValue("zh-CN");
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                    By.cssSelector("a[data-route=audit]"), "审计"));

            // Without a token of one's own the console acts as the district operator, whom audit refuses.
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("verify-run"))).click();
            waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                    By.id("verify-result"), "data-status", "403"));
            screenshot("10-audit-verify-refused-without-token");

            // Signed in as the auditor, verification runs over the whole chain.
            browser.findElement(By.id("token")).sendKeys(auditor, Keys.TAB);
            // The page is drawn again for the new user: the refusal is gone.
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#verify-result:not([data-status])")));
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("verify-run"))).click();
            WebElement verified = waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#verify-result[data-ok]")));
            long rowsChecked = Long.parseLong(verified.getAttribute("data-rows-checked"));
            assertThat(verified.getAttribute("data-ok")).isEqualTo("true");
            assertThat(verified.getAttribute("class")).contains("ok");
            assertThat(rowsChecked).isPositive();
            assertThat(verified.getText()).contains("日志完整", "已校验记录", Long.toString(rowsChecked));
            screenshot("11-audit-verified-intact");

            // A replay of the last hour (the page's default period) into a new topic, followed to the end.
            LocalDateTime from = LocalDateTime.parse(browser.findElement(By.id("replay-from")).getAttribute("value"));
            assertThat(from).isCloseTo(LocalDateTime.now().minusHours(1), within(2, ChronoUnit.MINUTES));
            String topic = "replay-console-" + System.currentTimeMillis();
            WebElement target = browser.findElement(By.id("replay-target"));
            target.clear();
            target.sendKeys(topic);
            assertThat(browser.findElement(By.id("replay-progress")).getAttribute("value")).isEqualTo("0");
            browser.findElement(By.id("replay-start")).click();
            WebElement status = waitFor(PLATFORM_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#replay-status[data-status='DONE']")));
            assertThat(browser.findElement(By.id("replay-progress")).getAttribute("value")).isEqualTo("100");
            JsonNode replay = JSON.readTree(get(stack.url("audit-service") + "/api/audit/replays/" + topic, auditor));
            long published = replay.get("published").asLong();
            assertThat(replay.get("status").asString()).isEqualTo("DONE");
            assertThat(published).isPositive();
            assertThat(published + replay.get("withheld").asLong()).isEqualTo(replay.get("total").asLong());
            assertThat(status.getText()).contains(topic, "已完成", "发布 " + published + " 条");
            screenshot("12-audit-replay-done");
            List<ConsumerRecord<String, byte[]>> replayed = SharedPlatform.kafka().readUntil(topic,
                    KafkaTestClient.atLeast((int) published), Duration.ofSeconds(30));
            assertThat(replayed).hasSize((int) published);
            assertThat(replayed).extracting(ConsumerRecord::key).contains(caseId);
            assertThat(replayed).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "replay-original-topic"))
                    .isNotBlank().isNotEqualTo("incident-reports"));

            // The KPIs of this month per department, as a chart and a table; the complaint's lead department is in.
            browser.get(console + "/#/kpi");
            String month = YearMonth.now(DISTRICT).toString();
            waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(By.id("kpi-at"), "value", month));
            assertThat(new Select(browser.findElement(By.id("kpi-by"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("department");
            By leadRow = By.cssSelector("#kpi-table tbody tr[data-unit='urban-management']");
            // The assessment is rebuilt at most every 30 s: load again until it includes the new case.
            new WebDriverWait(browser, PLATFORM_WAIT, Duration.ofSeconds(3)).until(driver -> {
                if (!driver.findElements(leadRow).isEmpty()) {
                    return true;
                }
                driver.findElement(By.id("kpi-load")).click();
                return false;
            });
            // Departments by name, once the catalog is in: the complaint's lead department is 城管执法局.
            waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(leadRow,
                    "城管执法局"));
            List<WebElement> rows = browser.findElements(By.cssSelector("#kpi-table tbody tr"));
            assertThat(browser.findElements(By.cssSelector("#kpi-chart rect.bar"))).hasSize(rows.size())
                    .extracting(bar -> bar.getAttribute("data-unit")).contains("urban-management");
            assertThat(browser.findElements(By.cssSelector("#kpi-chart text")))
                    .extracting(WebElement::getText).contains("城管执法局");
            List<String> columns = browser.findElements(By.cssSelector("#kpi-table thead th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(columns).contains("部门", "任务数", "响应率");
            assertThat(Integer.parseInt(browser.findElement(leadRow).findElements(By.tagName("td"))
                    .get(columns.indexOf("任务数")).getText())).isPositive();
            screenshot("13-kpi-chart-by-department");
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure-auditor");
            throw e;
        } finally {
            browser.close();
            browser.switchTo().window(firstTab);
        }
    }

    /** A complaint through intake's API, awaited until its dispatch is in the audit log: the last hour's record. */
    private static String fileComplaintAndAwaitItsAudit(DevStack stack, String auditor) throws Exception {
        HttpResponse<String> accepted = SharedPlatform.fileComplaint("""
                {"channel":"HOTLINE_12345","category":"vending.night-market-stalls",
                 "description":"夜市摊位占道 auditor","location":{"latitude":43.88,"longitude":125.33}}""");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String caseId = JSON.readTree(accepted.body()).get("caseId").asString();
        await().atMost(PLATFORM_WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get(stack.url("audit-service") + "/api/audit/incidents/" + caseId, auditor))
                        .contains("\"case-events\""));
        return caseId;
    }

    private static String get(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(250));
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
