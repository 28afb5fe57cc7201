package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hbew.indicators.processors.ProcessorsApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' page in a real headless Chromium (Debian's chromium and chromedriver) against a running
 * instance: the grid shows what the statuses say, NO_DATA where nothing was reported, and follows new
 * events without a reload. Without the browser the test fails, saying what to install.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DashboardPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private QueryTestKafka kafka;
    private ProcessorsApp processors;
    private Path profile;
    private ChromeDriverService service;
    private WebDriver browser;

    @BeforeEach
    void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .withFailMessage("DashboardPageIT needs Debian's headless browser at %s and %s; install it with "
                        + "`apt-get install -y chromium chromium-driver`", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        kafka = new QueryTestKafka();
        processors = kafka.processors("hbew-dashboard-it-" + UUID.randomUUID(), "only", 0);
        assertThat(processors.awaitRunning(PATIENCE)).as("Kafka Streams RUNNING").isTrue();
        profile = Files.createTempDirectory("hbew-chromium-profile");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,4200", "--lang=en-GB", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (processors != null) {
            processors.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void shouldShowEachCellsStatusAndFollowNewEvents() {
        OffsetDateTime at = OffsetDateTime.now(TestEvents.CST).truncatedTo(ChronoUnit.SECONDS);
        kafka.send(
                TestEvents.plain("ordos", 2, "road_km_opened", 4.5, "km", at),
                TestEvents.settlement("ordos", "ordos", "hohhot", 100, true, at),
                TestEvents.settlement("ordos", "ordos", "hohhot", 200, true, at),
                TestEvents.settlement("ordos", "ordos", "hohhot", 50, false, at));
        HttpProbe http = new HttpProbe(processors.httpPort());
        await("statuses judged").atMost(PATIENCE).until(() ->
                http.get("/v1/status").body().contains("\"LAGGING\":1,"));

        browser.get("http://127.0.0.1:" + processors.httpPort() + "/");

        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(b -> "LAGGING".equals(status(18, "ordos")));
        assertThat(status(2, "ordos")).isEqualTo("ON_TRACK");
        assertThat(status(5, "hohhot")).isEqualTo("NO_DATA");
        assertThat(status(13, "baotou")).isEqualTo("NO_DATA");
        assertThat(text("td[data-item='18'][data-city='ordos'] .status-text")).isEqualTo("Lagging");
        assertThat(browser.findElement(By.cssSelector("td[data-item='18'][data-city='ordos'] a")).getAttribute("href"))
                .endsWith("/items/18?city=ordos");
        assertThat(text("#grid tbody tr[data-item='2'] th[scope='row']")).contains("broken road links");
        assertThat(browser.findElements(By.cssSelector("#grid tbody tr"))).hasSize(22);
        assertThat(text("#legend")).contains("On track").contains("Lagging").contains("Stale").contains("No data");
        assertThat(text("#attention")).contains("1 of 22 items need attention");
        assertThat(text("#silent")).contains("Hohhot").contains("Ulanqab").doesNotContain("Ordos");
        String ordosToHohhot = "[data-flow='medical.settlement'] td[data-from='ordos'][data-to='hohhot']";
        wait.until(b -> text(ordosToHohhot) != null && text(ordosToHohhot).contains("3 events"));
        assertThat(text(ordosToHohhot)).contains("2 completed").contains("350 CNY");

        kafka.send(TestEvents.plain("baotou", 13, "routes_launched", 1, "count", at.plusSeconds(1)));

        wait.until(b -> "ON_TRACK".equals(status(13, "baotou")));
        screenshot();
    }

    private String status(int item, String city) {
        Object status = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.dataset.status : null;",
                "td[data-item='" + item + "'][data-city='" + city + "']");
        return (String) status;
    }

    /**
     * The text of the first element matching {@code selector}, or null; read in one script so that the
     * page's re-rendering every few seconds cannot replace the element between finding and reading it.
     */
    private String text(String selector) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", selector);
        return (String) text;
    }

    /** Leaves a picture of the page in target/ for people reviewing the build. */
    private void screenshot() {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Path.of("target", "dashboard-page-it.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
