package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.testing.Browser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The user's path, with two processes: `nbaprops demo --days 6 --serve` in its own JVM (it holds the DuckDB file), then
 * the dashboard in headless Chromium on the demo's last game date (games, predictions, non-empty charts; the screenshot
 * is kept as target/demo-dashboard.png), and the CLI from this JVM while the service runs: reads and a write go through
 * the service with the command's own output and exit codes; after the service stops the CLI opens the file itself and
 * prints the same; a file held by a process that is no service gets a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoServeTest {
    static final Pattern LISTENING = Pattern.compile("dashboard (http://127\\.0\\.0\\.1:\\d+)/");
    static final String API_KEY = "demo-serve-test-key-0123456789abcdef";
    static final int DAYS = 6;

    Path dir;
    Path config;
    Path configWithoutKey;
    Process serve;
    String base;
    LocalDate last;
    final List<String> output = new ArrayList<>();
    String queryThroughService;

    @BeforeAll
    void demoThenServe() throws Exception {
        dir = Files.createTempDirectory("demo-serve");
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "NBAPROPS_API_KEY=" + API_KEY + "\n");
        String common = "warehouse:\n  url: jdbc:duckdb:" + dir.resolve("w.duckdb") + "\narchive_dir: " + dir.resolve("raw") + "\nexports_dir: "
                + dir.resolve("exports") + "\n# A short season: calibrate on fewer graded predictions.\n"
                + "predict:\n  min_calibration_samples: 30\n";
        config = dir.resolve("c.yaml");
        Files.writeString(config, common + "secrets_file: " + secrets + "\n");
        configWithoutKey = dir.resolve("nokey.yaml");
        Files.writeString(configWithoutKey, common);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.nbaprops.cli.Main", "demo",
                "--days", String.valueOf(DAYS), "--serve", "--port", "0", "--host", "127.0.0.1", "--config", config.toString())
                .redirectErrorStream(true);
        serve = pb.start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("demo --serve exited before listening"));
        }, "demo-serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            base = url.get(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (output) {
                throw new AssertionError("demo --serve did not start: " + String.join("\n", output), e);
            }
        }
        last = SandboxLeague.generate(2024).gameDates().get(DAYS - 1);
    }

    @AfterAll
    void stop() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    @Order(1)
    void theDashboardOpensOnTheLastGameDateWithItsGamesPredictionsAndCharts() throws Exception {
        Browser.require();
        WebDriver browser = Browser.start(dir, 1500, 2600);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            // The key in the address's fragment, as `serve` prints it when it makes one: the page keeps it for the tab.
            browser.get(base + "/#key=" + API_KEY);
            try {
                wait.until(b -> !b.findElement(By.id("card-games")).getText().equals("–"));
            } catch (org.openqa.selenium.TimeoutException e) {
                synchronized (output) {
                    throw new AssertionError("the dashboard did not load its cards; toast: " + browser.findElement(By.id("toast")).getText()
                            + "\nservice output:\n" + String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())), e);
                }
            }
            int games = SandboxLeague.generate(2024).gamesOn(last).size();
            assertThat(browser.findElement(By.id("day")).getAttribute("value")).isEqualTo(last.toString());
            assertThat(browser.findElement(By.id("card-games")).getText()).isEqualTo(String.valueOf(games));
            assertThat(Long.parseLong(browser.findElement(By.id("card-predictions")).getText())).isPositive();
            assertThat(browser.findElements(By.cssSelector("#games tr"))).hasSize(games + 1);
            assertThat(browser.findElement(By.id("window-note")).getText()).contains("showing " + last).contains("data_as_of")
                    .contains("sandbox replay clock");
            wait.until(b -> !b.findElements(By.cssSelector("#perf-table th")).isEmpty());
            JavascriptExecutor js = (JavascriptExecutor) browser;
            String charted = "return ['chart-winrate', 'chart-roi', 'chart-calibration', 'chart-edge', 'chart-e2e'].map(id => { "
                    + "const c = Chart.getChart(document.getElementById(id)); return id + '=' + (!!c && c.data.datasets.some(d => "
                    + "d.data.some(v => v != null && !(typeof v === 'object' && v.y == null))) ? 'data' : 'empty'); }).join(' ');";
            // Against the sandbox's sharp books an honestly calibrated system rarely claims 56%: a six-day season may have no
            // graded pick. The pick charts (win rate, ROI, edge) then show their empty state; otherwise every chart has data.
            Run graded = cli("query", "--config", config.toString(), "--csv",
                    "select count(*) AS n from prediction_grade where result in ('WIN', 'LOSS', 'PUSH')");
            assertThat(graded.code()).isZero();
            boolean picks = Long.parseLong(graded.out().lines().skip(1).findFirst().orElseThrow().trim()) > 0;
            String expected = picks ? "chart-winrate=data chart-roi=data chart-calibration=data chart-edge=data chart-e2e=data"
                    : "chart-winrate=empty chart-roi=empty chart-calibration=data chart-edge=empty chart-e2e=data";
            try {
                wait.until(b -> expected.equals(String.valueOf(js.executeScript(charted))));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("charts: " + js.executeScript(charted) + ", expected " + expected, e);
            }
            assertThat(browser.findElement(By.id("sources")).getText()).contains("balldontlie").contains("configured");
            Path shot = Path.of("target", "demo-dashboard.png");
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(shot)).isGreaterThan(10_000);
            assertThat(browser.findElement(By.id("toast")).getAttribute("class")).doesNotContain("bad");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void theCliReadsAndWritesThroughTheRunningService() {
        assertThat(Files.exists(dir.resolve("w.duckdb.service.json"))).isTrue();
        Run status = cli("status", "--config", config.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("prediction").contains(last.toString().substring(5)).contains("ok = success");

        Run query = cli("query", "--config", config.toString(), "--csv", "select count(*) AS n from game where game_date = '" + last + "'");
        assertThat(query.code()).isZero();
        assertThat(query.out()).isEqualToNormalizingNewlines("n\n" + SandboxLeague.generate(2024).gamesOn(last).size() + "\n");
        Run refused = cli("query", "--config", config.toString(), "DELETE FROM game");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("query refused: ");
        Run eval = cli("evaluate", "--config", config.toString(), "--from", last.minusDays(3).toString(), "--to", last.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("system").contains("calibration");
        Run perDate = cli("query", "--config", config.toString(), "select game_date, count(*) AS predictions from prediction "
                + "group by game_date order by game_date");
        assertThat(perDate.code()).isZero();
        assertThat(perDate.out()).contains(last.toString());
        queryThroughService = perDate.out();

        // A write: the key comes from the same secrets file the service reads; it runs as a job, its output comes back.
        Run write = cli("run", "--config", config.toString(), "--date", last.toString(), "--asset", "export_picks");
        assertThat(write.code()).as(write.out() + write.err()).isZero();
        assertThat(write.out()).contains("1 runs: {SUCCESS=1}");
        Run bad = cli("run", "--config", config.toString(), "--date", last.toString(), "--asset", "no_such_asset");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).as(bad.out()).contains("run failed: unknown asset 'no_such_asset'");
        Run noKey = cli("run", "--config", configWithoutKey.toString(), "--date", last.toString(), "--asset", "export_picks");
        assertThat(noKey.code()).isEqualTo(1);
        assertThat(noKey.err()).contains("held by the running service at " + base).contains("set NBAPROPS_API_KEY");
    }

    @Test
    @Order(3)
    void afterTheServiceStopsTheCliOpensTheFileItselfAndAHolderThatIsNoServiceGetsAClearMessage() throws Exception {
        serve.destroy(); // SIGTERM: the service removes its discovery file and closes the warehouse
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve("w.duckdb.service.json"))).isFalse();
        Run local = cli("query", "--config", config.toString(), "select game_date, count(*) AS predictions from prediction "
                + "group by game_date order by game_date");
        assertThat(local.code()).isZero();
        assertThat(local.out()).isEqualTo(queryThroughService);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                dir.resolve("w.duckdb").toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = r.readLine();
            } while (line != null && !line.contains("HOLDING"));
            assertThat(line).as("the holder opened the file").isNotNull();
            Run held = cli("status", "--config", config.toString());
            assertThat(held.code()).isEqualTo(1);
            assertThat(held.err()).contains("is held by another process (pid " + holder.pid() + ")")
                    .contains("no nbaprops service is registered for it");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Holds a warehouse file open, as any process that is not the service might: {@code Holder <db file>}. */
    public static final class Holder {
        public static void main(String[] args) {
            io.nbaprops.store.Warehouse.open("jdbc:duckdb:" + args[0], null, null, 2);
            System.out.println("HOLDING");
            System.out.flush();
            java.util.concurrent.locks.LockSupport.park();
        }
    }
}
