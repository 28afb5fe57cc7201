package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.records.TargetRecord;
import org.hbew.indicators.targets.TargetsWriter;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' page in a real headless Chromium (Debian's chromium and chromedriver) against a real broker and
 * processors fed by the simulator: two hours of steady history, then live events. The grid shows what
 * {@code GET /v1/status} says; a LAGGING cell leads to its item's page, whose chart has points for every city; the
 * language switch changes the labels and is remembered; when the simulator switches to {@code city-outage} the silent
 * city's flow cells turn STALE without a reload; the browser logs no error; when the processors stop and come back,
 * the page says it cannot reach them and then recovers by itself. Screenshots at 1280x800 and 390 px wide are left
 * in target/ for review.
 *
 * <p>So that the outage shows within the test, the catalog's flow indicators are expected every two minutes instead
 * of every hour; everything else is the shipped catalog.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class OperatorsPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration SHORT_CADENCE = Duration.ofMinutes(2);
    private static final Duration HISTORY = Duration.ofHours(2);
    private static final JsonSerde<EventEnvelope> EVENTS = JsonSerde.of(EventEnvelope.class);

    private final HttpClient http = HttpClient.newHttpClient();
    private TestStack stack;
    private Path stateDir;
    private ProcessorsConfig config;
    private ProcessorsApp processors;
    private KafkaProducer<String, byte[]> producer;
    private ScheduledExecutorService live;
    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .withFailMessage("OperatorsPageIT needs Debian's headless browser at %s and %s; install it with "
                        + "`apt-get install -y chromium chromium-driver fonts-noto-cjk`", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        stack = TestStack.withTopics();
        stateDir = Files.createTempDirectory("hbew-page-it");
        String applicationId = "hbew-page-it-" + UUID.randomUUID();
        processors = FreePorts.onFreePort(port -> {
            config = ProcessorsConfig.builder(stack.bootstrapServers(), stateDir)
                    .applicationId(applicationId)
                    .httpPort(port)
                    .replicationFactor(1)
                    .build();
            ProcessorsApp app = new ProcessorsApp(config, shortCadenceCatalog());
            app.start();
            return app;
        });
        assertThat(processors.awaitRunning(PATIENCE)).as("Kafka Streams RUNNING").isTrue();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        profile = Files.createTempDirectory("hbew-chromium-profile");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--lang=en-GB", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        resize(1280, 800);
    }

    @AfterEach
    void stop() throws IOException {
        if (live != null) {
            live.shutdownNow();
        }
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (producer != null) {
            producer.close();
        }
        if (processors != null) {
            processors.close();
        }
        if (stack != null) {
            stack.close();
        }
        for (Path dir : new Path[] {profile, stateDir}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void shouldShowTheGridAnItemsHistoryBothLanguagesAndACityFallingSilentLive() throws Exception {
        // Given two hours of a steady simulation, then the simulator running live, and an operator's target that
        // Hohhot's direct-settlement rate does not meet
        MutableClock clock = new MutableClock(Instant.now().minus(HISTORY));
        EventGenerator generator = new EventGenerator(shortCadenceCatalog(), GeneratorSettings.defaults(17)
                .withShares(0.01, 0, Duration.ZERO), clock);
        while (clock.instant().isBefore(Instant.now())) {
            clock.advance(Duration.ofSeconds(1));
            send(generator.next().event());
        }
        producer.flush();
        live = Executors.newSingleThreadScheduledExecutor();
        live.scheduleAtFixedRate(() -> {
            synchronized (clock) {
                clock.advance(Duration.between(clock.instant(), Instant.now()));
                send(generator.next().event());
                send(generator.next().event());
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        try (TargetsWriter targets = new TargetsWriter(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()), Duration.ofSeconds(30))) {
            targets.put(new TargetRecord(18, "direct_settlement_rate", "hohhot", "at_least", 0.995, "1d",
                    TargetRecord.SOURCE_OPERATOR, Instant.now()));
        }
        await("the history counted and judged").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> "LAGGING".equals(cellStatus(status(), 18, "hohhot"))
                        && reporting(cellStatus(status(), 18, "ordos")));

        // When an operator opens the page
        browser.get(base() + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(b -> count("#grid tbody tr") == 22);
        script("window.hbewLoadedOnce = true;");

        // Then the grid is what GET /v1/status says, cell by cell
        wait.until(b -> pageCells().equals(apiCells(status())));
        assertThat(text("#legend")).contains("On track").contains("Lagging").contains("Stale").contains("No data");
        assertThat(text("#grid tbody tr[data-item='18'] th")).contains("18.").contains("medical-insurance");
        assertThat(browser.findElements(By.cssSelector("#grid td[data-status='LAGGING'] .since"))).isNotEmpty();
        screenshot("operators-page-grid-1280x800.png");

        // And the language switch changes the labels, and is remembered
        browser.findElement(By.id("lang-zh")).click();
        wait.until(b -> text("#grid thead").contains("呼和浩特"));
        assertThat(text("#grid tbody tr[data-item='18'] th")).contains("异地就医直接结算");
        assertThat(text("td[data-item='18'][data-city='hohhot']")).contains("滞后");
        assertThat(text("#legend")).contains("正常").contains("停报");
        assertThat(script("return document.documentElement.lang;")).isEqualTo("zh-CN");
        browser.navigate().refresh();
        wait.until(b -> count("#grid tbody tr") == 22);
        assertThat(text("h1")).contains("呼包鄂乌");
        resize(390, 844);
        screenshot("operators-page-grid-390.png");
        resize(1280, 800);
        browser.findElement(By.id("lang-en")).click();
        wait.until(b -> text("#grid thead").contains("Hohhot"));
        script("window.hbewLoadedOnce = true;");

        // And following the LAGGING cell opens its item's page, without a reload, with points for every city
        browser.findElement(By.cssSelector("td[data-item='18'][data-city='hohhot'] a")).click();
        wait.until(b -> b.getCurrentUrl().endsWith("/items/18?city=hohhot"));
        wait.until(b -> chartPoints("direct_settlement_rate") != null);
        Map<String, Integer> points = chartPoints("direct_settlement_rate");
        JsonNode cityHistory = Json.mapper().readTree(get("/v1/items/18/cities/ordos?window=1h&from="
                + Instant.now().minus(Duration.ofHours(47))));
        assertThat(cityHistory.get("records")).as("Ordos has hours with data").isNotEmpty();
        assertThat(points).containsKeys("hohhot", "baotou", "ordos", "ulanqab", "region")
                .allSatisfy((series, n) -> assertThat(n).as(series).isGreaterThanOrEqualTo(2));
        assertThat(count("figure.chart[data-indicator='direct_settlement_rate'] canvas")).isEqualTo(1);
        assertThat(text("#item-cities tr[data-city='hohhot']")).contains("Lagging").contains("since");
        assertThat(text(".meta")).contains("health insurance").contains("Medical insurance bureaus");
        assertThat(count("figure.flow[data-flow='medical.settlement']")).isEqualTo(1);
        assertThat(script("return window.hbewLoadedOnce === true;")).isEqualTo(true);
        screenshot("operators-page-item-1280x800.png");
        resize(390, 844);
        screenshot("operators-page-item-390.png");
        resize(1280, 800);
        browser.findElement(By.cssSelector(".breadcrumb a")).click();
        wait.until(b -> count("#grid tbody tr") == 22);

        // When Ordos falls silent
        synchronized (clock) {
            generator.switchScenario(Scenario.CITY_OUTAGE, "ordos");
        }

        // Then its flow items turn STALE on the open page, which was not reloaded, and the other cities' do not
        new WebDriverWait(browser, SHORT_CADENCE.plus(PATIENCE)).until(b -> List.of(18, 20, 21).stream()
                .allMatch(item -> "STALE".equals(pageCells().get(item + ":ordos"))));
        assertThat(script("return window.hbewLoadedOnce === true;")).isEqualTo(true);
        for (String city : List.of("hohhot", "baotou", "ulanqab")) {
            assertThat(reporting(pageCells().get("20:" + city))).as("20:" + city + " still reporting").isTrue();
        }
        assertThat(text("#grid td[data-item='21'][data-city='ordos']")).contains("Stale");

        // And the browser logged no error at all
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).isEmpty();

        // When the processors stop, the page says it cannot reach them and keeps what it showed
        processors.close();
        wait.until(b -> "unreachable".equals(script("return document.body.dataset.connection;")));
        assertThat(text("#connection")).contains("Cannot reach the processors' API");
        assertThat(count("#grid tbody tr")).isEqualTo(22);

        // Then, once they are back, it is live again by itself
        processors = new ProcessorsApp(config, shortCadenceCatalog());
        processors.start();
        new WebDriverWait(browser, PATIENCE.multipliedBy(2)).until(b ->
                "live".equals(script("return document.body.dataset.connection;")));
        assertThat(text("#connection")).startsWith("Live");
    }

    /** The shipped catalog with the flow indicators' hourly cadence shortened to {@link #SHORT_CADENCE}. */
    private static Catalog shortCadenceCatalog() {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("cadence: PT1H", "cadence: " + SHORT_CADENCE);
            return CatalogLoader.parse("the catalog with short flow cadences",
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(EventEnvelope event) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), null, event.occurredAtMillis(), event.rawKey(),
                EVENTS.toBytes(event)));
    }

    private String base() {
        return "http://127.0.0.1:" + processors.httpPort();
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for " + path, e);
        }
    }

    private JsonNode status() {
        try {
            return Json.mapper().readTree(get("/v1/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reporting(String status) {
        return "ON_TRACK".equals(status) || "LAGGING".equals(status);
    }

    private static String cellStatus(JsonNode grid, int item, String city) {
        return apiCells(grid).get(item + ":" + city);
    }

    /** {@code "<item>:<city>"} to the cell's status, as the API says. */
    private static Map<String, String> apiCells(JsonNode grid) {
        Map<String, String> cells = new TreeMap<>();
        grid.get("items").forEach(row -> row.get("cities").forEach(cell ->
                cells.put(row.get("item").asInt() + ":" + cell.get("city").asText(), cell.get("status").asText())));
        return cells;
    }

    /** The same, as the page shows it; read in one script, so a re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    private Map<String, String> pageCells() {
        Object cells = script("const cells = {};"
                + "document.querySelectorAll('#grid td[data-status]').forEach(td => "
                + "cells[td.dataset.item + ':' + td.dataset.city] = td.dataset.status);"
                + "return cells;");
        return new TreeMap<>((Map<String, String>) cells);
    }

    /** Points per series of an indicator's chart, or null while it is not drawn. */
    private Map<String, Integer> chartPoints(String indicator) {
        Object json = script("const f = document.querySelector(`figure.chart[data-indicator='${arguments[0]}']`);"
                + "return f && f.querySelector('canvas') ? f.dataset.points : null;", indicator);
        if (json == null) {
            return null;
        }
        Map<String, Integer> points = new TreeMap<>();
        try {
            Json.mapper().readTree((String) json).fields().forEachRemaining(e -> points.put(e.getKey(),
                    e.getValue().asInt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    private String text(String selector) {
        return (String) script("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';",
                selector);
    }

    private long count(String selector) {
        return (Long) script("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Makes the page's viewport {@code width} x {@code height}, whatever frame the browser draws around it. */
    private void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) script("return window.innerWidth;");
        long innerHeight = (Long) script("return window.innerHeight;");
        browser.manage().window().setSize(new Dimension(2 * width - (int) innerWidth, 2 * height - (int) innerHeight));
    }

    /** Leaves a picture of the page in target/ for people reviewing the build. */
    private void screenshot(String name) throws IOException {
        // The charts follow their container's width on the next animation frame after a resize.
        script("return new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));");
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
