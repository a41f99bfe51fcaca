package io.chaoscast.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaoscast.testsupport.AccessCheck;
import io.chaoscast.testsupport.TestTokens;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser (headless Chromium) against the real platform seeded by a real
 * pipeline: every page loads without console errors, every chart holds data, filters and sorting
 * change what is shown, the live job table and the live forecast work. Screenshots of each page go
 * to {@code e2e/target/screenshots}.
 */
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private static Platform platform;
    private static ChromeDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = executable("chromedriver");
        assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
                "browser tests skipped: chromium and chromedriver must be on the PATH (Debian: apt-get install chromium "
                        + "chromium-driver, or run deploy/ci-prereqs.sh)");
        platform = Platform.get();
        base = platform.results.baseUri().toString();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("e2e-chromium"), "--window-size=1400,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
        signIn(TestTokens.ADMIN);
    }

    /** Signs this browser tab in (the token lives in sessionStorage, sent as a bearer header). */
    private static void signIn(String token) {
        driver.get(base + "/#/models");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("signin")).isDisplayed());
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("#signin button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("who")).isDisplayed());
    }

    /** Each test judges only the console messages of its own pages. */
    @BeforeEach
    void forgetEarlierConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(names)
                .flatMap(n -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    // ---------------------------------------------------------------- access and escaping

    @Test
    void signInNeedsAValidTokenAndShowsWhoIsSignedIn() {
        js("sessionStorage.clear()");
        driver.get(base + "/?t=" + System.nanoTime() + "#/runs");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "signin".equals(d.findElement(By.id("page")).getDomAttribute("data-state")));
        assertThat(driver.findElements(By.cssSelector("#runs-table"))).isEmpty();
        driver.findElement(By.id("token")).sendKeys("cct_wrong");
        driver.findElement(By.cssSelector("#signin button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#page .error")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#page .error")).getText()).contains("not accepted");
        driver.manage().logs().get(LogType.BROWSER); // the refused whoami is logged as a failed request
        signIn(TestTokens.ADMIN);
        assertThat(driver.findElement(By.id("who")).getText()).contains("admin");
        open("runs");
        assertThat(driver.findElements(By.cssSelector("#runs-table tbody tr"))).isNotEmpty();
    }

    @Test
    void writesFromThePageNeedAWriteToken() throws Exception {
        open("runs");
        String read = AccessCheck.createToken(platform.results.baseUri(), "browser-reader", "read");
        // Same-origin calls as the page makes them: without a token (as a cross-site form would
        // arrive: no cookie carries rights) 401; with a read token 403; reads work with it.
        String script = "const [token, url, method] = arguments; const done = arguments[arguments.length - 1];"
                + " fetch(url, {method, headers: token ? {Authorization: 'Bearer ' + token, 'Content-Type': 'application/json'}"
                + " : {'Content-Type': 'application/json'}, body: method === 'GET' ? undefined : '{}'})"
                + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))";
        String cancel = "api/v1/dashboard/services/training/api/v1/training-jobs/00000000-0000-0000-0000-000000000000/cancel";
        for (String url : List.of("api/v1/runs", "api/v1/models", cancel)) {
            assertThat(async(script, null, url, "POST")).as(url).startsWith("401 application/problem+json");
            assertThat(async(script, read, url, "POST")).as(url).startsWith("403 application/problem+json");
        }
        assertThat(async(script, read, "api/v1/runs", "GET")).startsWith("200");
        assertThat(async(script, null, "api/v1/runs", "GET")).startsWith("401");
        driver.manage().logs().get(LogType.BROWSER); // the refused fetches are logged as failed requests
    }

    @Test
    void modelSpecHoldingMarkupShowsAsText() throws Exception {
        String markup = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold</b>";
        JsonNode model = Platform.JSON.readTree(platform.send(platform.results.baseUri(), "GET",
                "/api/v1/models/" + platform.linearModelId(), null).body());
        var spec = Platform.JSON.createObjectNode();
        spec.putObject("architecture").put("blocks", markup).put("note", markup);
        spec.putObject("calibration").put("threshold", markup);
        var body = Platform.JSON.createObjectNode()
                .put("name", "markup-probe")
                .put("runId", model.get("runId").asString())
                .put("artifactName", model.get("artifactName").asString());
        body.set("spec", spec);
        HttpResponse<String> r = platform.send(platform.results.baseUri(), "POST", "/api/v1/models", body.toString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        String id = Platform.JSON.readTree(r.body()).get("id").asString();

        for (String page : List.of("models", "model/" + id)) {
            driver.get(base + "/?t=" + System.nanoTime() + "#/" + page);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> List.of("ready", "error")
                    .contains(d.findElement(By.id("page")).getDomAttribute("data-state")));
            Thread.sleep(300); // let any late rendering (the model page's forecast panel) land too
            assertThat(driver.findElement(By.id("page")).getText()).as(page).contains("<b>bold</b>");
            assertThat(driver.findElements(By.cssSelector("#page img, #page script"))).as(page).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#page b"))).as(page)
                    .extracting(WebElement::getText).doesNotContain("bold");
            assertThat(js("return window.__xss === undefined")).as(page).isEqualTo(true);
        }
        driver.manage().logs().get(LogType.BROWSER); // the probe has no loadable network: its forecast panel fails
    }

    private static String async(String script, Object... args) {
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(script, args));
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a page (full load, so no state leaks between pages) and waits for it to finish. */
    private static void open(String hash) {
        driver.get(base + "/?t=" + System.nanoTime() + "#/" + hash);
        awaitReady();
    }

    private static void awaitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            String state = d.findElement(By.id("page")).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state);
        });
        assertThat(driver.findElement(By.id("page")).getDomAttribute("data-state"))
                .as("page %s: %s", driver.getCurrentUrl(), driver.findElement(By.id("page")).getText())
                .isEqualTo("ready");
        assertThat(driver.findElements(By.cssSelector("#page .error")))
                .as("error boxes on %s", driver.getCurrentUrl())
                .extracting(WebElement::getText)
                .isEmpty();
        assertNoConsoleErrors();
    }

    /** Sends a hash change (no reload) and waits for the re-render. */
    private static void navigateInPage(Runnable action) {
        js("document.getElementById('page').dataset.state = 'navigating'");
        action.run();
        awaitReady();
    }

    private static void assertNoConsoleErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        assertThat(severe).as("console errors on %s", driver.getCurrentUrl()).isEmpty();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Number of data points in the series of the ECharts instance drawn in the element with that id. */
    private static long chartPoints(String id) {
        Object n = js("const el = document.getElementById(arguments[0]); const c = el && echarts.getInstanceByDom(el);"
                + " if (!c) return -1; return c.getOption().series.reduce((a, s) => a + (s.data ? s.data.length : 0), 0);", id);
        return ((Number) n).longValue();
    }

    private static void screenshot(String name, int height) throws Exception {
        driver.manage().window().setSize(new Dimension(1400, height));
        js("window.dispatchEvent(new Event('resize'))");
        Thread.sleep(300);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    private static List<String> column(String tableId, int index) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")))
                .filter(tds -> tds.size() > index)
                .map(tds -> tds.get(index).getText())
                .toList();
    }

    private static List<Double> numbers(List<String> cells) {
        return cells.stream().filter(s -> !s.isBlank()).map(Double::parseDouble).toList();
    }

    // ---------------------------------------------------------------- pages

    @Test
    void systemsPageSearchesTheCatalogAndDrawsAPhasePortrait() throws Exception {
        open("systems");
        int all = driver.findElements(By.cssSelector("#systems-table tbody tr")).size();
        assertThat(all).isGreaterThan(2);
        assertThat(chartPoints("portrait")).isGreaterThan(1000);

        WebElement search = driver.findElement(By.id("sys-search"));
        navigateInPage(() -> {
            search.sendKeys("lorenz");
            search.sendKeys("\n");
        });
        List<String> names = column("systems-table", 0);
        assertThat(names).isNotEmpty().hasSizeLessThan(all).anySatisfy(n -> assertThat(n).containsIgnoringCase("lorenz"));
        assertThat(chartPoints("portrait")).isGreaterThan(1000);
        // The tabulated invariants carry their error bars, and whether they converged.
        String invariants = driver.findElement(By.id("system-invariants")).getText();
        assertThat(invariants).containsPattern("largest Lyapunov exponent\\s+-?\\d[\\d.]*(e-?\\d+)? ± -?\\d[\\d.]*(e-?\\d+)?")
                .containsPattern("Kaplan-Yorke dimension\\s+-?\\d[\\d.]*(e-?\\d+)? ± -?\\d[\\d.]*(e-?\\d+)?");
        assertThat(driver.findElement(By.id("system-spectrum")).getText())
                .containsPattern("^Spectrum -?\\d[\\d.]*(e-?\\d+)? ± -?\\d[\\d.]*(e-?\\d+)?, ")
                .containsPattern("(met the table's convergence target|not converged within the table's budget)");
        screenshot("systems", 1400);
    }

    @Test
    void runsPageFiltersSortsAndShowsTrainingJobs() throws Exception {
        open("runs");
        List<String> types = column("runs-table", 4);
        assertThat(types).contains("early-exit", "linear");
        assertThat(driver.findElements(By.cssSelector("#jobs-table tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.id("jobs-table")).getText()).contains("succeeded").contains("2/2")
                .as("how the training ended").contains("the model keeps the weights of epoch");
        screenshot("runs", 1000);

        // Filter: model type linear.
        WebElement modelType = driver.findElement(By.name("modelType"));
        navigateInPage(() -> {
            modelType.sendKeys("linear");
            driver.findElement(By.cssSelector("#run-filters button[type=submit]")).click();
        });
        assertThat(column("runs-table", 4)).isNotEmpty().containsOnly("linear");

        // Filter: kind inference shows the forecast's telemetry run only.
        open("runs");
        navigateInPage(() -> {
            new Select(driver.findElement(By.name("kind"))).selectByValue("inference");
            driver.findElement(By.cssSelector("#run-filters button[type=submit]")).click();
        });
        assertThat(column("runs-table", 5)).isNotEmpty().containsOnly("inference");

        // Sort by test_mse, ascending then descending (runs without it come last).
        open("runs?kind=training");
        navigateInPage(() -> driver.findElement(By.cssSelector("th[data-sort=test_mse]")).click());
        List<Double> asc = numbers(column("runs-table", 9));
        assertThat(asc).hasSizeGreaterThanOrEqualTo(2).isSorted();
        navigateInPage(() -> driver.findElement(By.cssSelector("th[data-sort=test_mse]")).click());
        List<Double> desc = numbers(column("runs-table", 9));
        assertThat(desc).hasSameSizeAs(asc).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(desc.get(0)).isNotEqualTo(asc.get(0));
    }

    @Test
    void jobTableFollowsANewJobLive() throws Exception {
        open("runs");
        int before = driver.findElements(By.cssSelector("#jobs-table tbody tr")).size();
        String id = platform.submit(Platform.LINEAR.formatted(platform.datasetId));
        // No reload: the page polls the training-service every 2 s, replacing the table's rows,
        // so a row found may be gone before its text is read.
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> row = d.findElements(By.cssSelector("#jobs-table tr[data-job='" + id + "']"));
            return !row.isEmpty() && row.get(0).getText().contains("succeeded");
        });
        assertThat(driver.findElements(By.cssSelector("#jobs-table tbody tr"))).hasSize(before + 1);
        assertNoConsoleErrors();
    }

    @Test
    void runDetailShowsCurvesParamsProvenanceAndDownloadableArtifacts() throws Exception {
        open("run/" + platform.earlyExitRunId());
        assertThat(chartPoints("curves")).isGreaterThanOrEqualTo(4); // two epochs of train and val loss
        assertThat(chartPoints("exits")).isEqualTo(3); // one bar per exit of the 3-block model
        String text = driver.findElement(By.id("page")).getText();
        assertThat(text).contains("Parameters").contains("Provenance").contains("training.seed");
        WebElement link = driver.findElement(By.cssSelector("#artifacts a"));
        HttpResponse<String> download = platform.send(URI.create(base + "/"), "GET", link.getDomAttribute("href"), null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isNotEmpty();
        screenshot("run-detail", 1600);
    }

    @Test
    void compareOverlaysCurvesAndSetsParamsSideBySide() throws Exception {
        open("compare/" + platform.earlyExitRunId() + "," + platform.linearRunId());
        List<WebElement> charts = driver.findElements(By.cssSelector("#page .chart"));
        assertThat(charts).isNotEmpty();
        assertThat(chartPoints(charts.get(0).getDomAttribute("id"))).isPositive();
        assertThat(driver.findElements(By.cssSelector("#cmp-params thead th"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#cmp-params tr.diff"))).isNotEmpty();
        assertThat(driver.findElement(By.id("cmp-metrics")).getText()).contains("test_mse");
        screenshot("compare", 1400);
    }

    @Test
    void leaderboardRanksModelTypesPerMetric() throws Exception {
        open("leaderboard?system=Lorenz");
        List<Double> vpt = numbers(column("lb-test_vpt_median", 2));
        assertThat(column("lb-test_vpt_median", 1)).contains("early-exit", "linear");
        assertThat(vpt).hasSize(2).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(numbers(column("lb-test_mse", 2))).hasSize(2).isSorted();
        assertThat(numbers(column("lb-test_smape", 2))).hasSize(2).isSorted();
        assertThat(chartPoints("lb-chart")).isEqualTo(2);
        screenshot("leaderboard", 1000);

        // Another system has no runs: the tables say so instead of showing stale rows.
        navigateInPage(() -> new Select(driver.findElement(By.id("lb-system"))).selectByVisibleText("Rossler"));
        assertThat(driver.findElement(By.id("lb-test_mse")).getText()).contains("no finished run");
    }

    @Test
    void modelDetailDrawsAccuracyVersusComputeAndExitDepths() throws Exception {
        open("models");
        assertThat(driver.findElements(By.cssSelector("#models-table tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        open("model/" + platform.earlyExitModelId());
        // The forecast-level budget: the risk curve of the exit thresholds, the calibrated point and the oracle.
        assertThat(chartPoints("risk-tradeoff")).isGreaterThan(2);
        assertThat(driver.findElement(By.id("risk-card")).getText()).contains("tolerance", "confidence", "calibrated policy");
        // Every shallower depth is drawn as a cap beside the router's thresholds (3 blocks: caps 2 and 1).
        Object caps = js("const c = echarts.getInstanceByDom(document.getElementById('risk-tradeoff'));"
                + " const s = c.getOption().series.find(s => s.name === 'depth caps'); return s ? s.data.length : -1;");
        assertThat(((Number) caps).intValue()).isEqualTo(2);
        assertThat(chartPoints("depths")).isEqualTo(3); // one bar per depth
        Object passes = js("const c = echarts.getInstanceByDom(document.getElementById('depths'));"
                + " return c.getOption().series[0].data.reduce((a, b) => a + b, 0);");
        assertThat(((Number) passes).longValue()).isPositive();
        assertThat(driver.findElement(By.id("hist-status")).getText()).contains("compute saved");
        screenshot("model", 1500);
    }

    @Test
    void liveForecastDrawsForecastAgainstTruthColouredByExitDepth() throws Exception {
        open("forecast?model=" + platform.earlyExitModelId());
        assertThat(chartPoints("fc-x0")).isGreaterThan(50);
        assertThat(chartPoints("fc-x2")).isGreaterThan(50);
        assertThat(driver.findElement(By.id("fc-saved")).getText()).matches("-?[0-9.e-]+ %");
        Object depthSeries = js("const c = echarts.getInstanceByDom(document.getElementById('fc-x0'));"
                + " return c.getOption().series.filter(s => s.name.startsWith('exit depth')).length;");
        assertThat(((Number) depthSeries).intValue()).isPositive();
        screenshot("forecast", 1300);

        // The linear baseline forecasts too (full depth, no calibration).
        navigateInPage(() -> new Select(driver.findElement(By.name("model"))).selectByValue(platform.linearModelId()));
        assertThat(chartPoints("fc-x0")).isGreaterThan(50);
    }

    @Test
    void benchmarkPageShowsLiveProgressHeatmapVptChartsAndLinksIntoRuns() throws Exception {
        String body = "{\"name\":\"e2e tiny\",\"systems\":{\"names\":[\"Lorenz\",\"Rossler\"]},"
                + "\"models\":[{\"type\":\"persistence\"},{\"type\":\"linear\",\"order\":4}],\"protocol\":{\"pointsPerPeriod\":20,"
                + "\"trainingPeriods\":12,\"testOrigins\":5,\"horizonLyapunovTimes\":1,\"epochs\":1}}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(TestTokens.request(URI.create(base + "/api/v1/benchmarks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceFirst("^\\{\"id\":\"([^\"]+)\".*$", "$1");

        open("benchmarks/" + id);
        // The page redraws itself every few seconds until every cell is final.
        new WebDriverWait(driver, Duration.ofMinutes(4)).ignoring(StaleElementReferenceException.class).until(d -> d
                .findElement(By.cssSelector("#bm-counts [data-state=succeeded] .big")).getText().equals("4"));
        Thread.sleep(500);
        assertNoConsoleErrors();
        assertThat(chartPoints("bm-heatmap")).isEqualTo(4);
        assertThat(chartPoints("bm-vpt-box")).isEqualTo(2);
        assertThat(chartPoints("bm-vpt-lambda")).isEqualTo(4);
        assertThat(driver.findElement(By.id("bm-progress")).getDomAttribute("value")).isEqualTo("4");
        List<WebElement> runLinks = driver.findElements(By.cssSelector("#bm-cells a[href^='#/run/']"));
        assertThat(runLinks).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#bm-cells td[data-outcome]"))).as("baselines have no training to speak of").isEmpty();
        screenshot("benchmark", 1700);

        // How a cell's training ended is shown beside its state, as text (markup in it stays text).
        String outcome = "training stopped at epoch 3 of 5: its losses were <b>no longer finite</b>; the model keeps the weights of epoch 2";
        HttpResponse<String> reported = HttpClient.newHttpClient().send(TestTokens.request(URI.create(base + "/api/v1/benchmarks/" + id + "/cells/0"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"succeeded\",\"trainingOutcome\":\"" + outcome + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).as(reported.body()).isLessThan(300);
        open("benchmarks/" + id);
        WebElement note = new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#bm-cells td[data-outcome]")));
        assertThat(note.getText()).isEqualTo(outcome);
        assertThat(driver.findElements(By.cssSelector("#bm-cells b"))).isEmpty();
        List<WebElement> links = driver.findElements(By.cssSelector("#bm-cells a[href^='#/run/']"));

        navigateInPage(() -> links.get(0).click());
        assertThat(driver.findElement(By.id("page")).getDomAttribute("data-page")).isEqualTo("run");
        open("benchmarks");
        assertThat(column("benchmarks-table", 0)).contains("e2e tiny");
    }
}
