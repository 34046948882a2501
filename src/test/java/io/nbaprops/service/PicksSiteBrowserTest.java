package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.testing.Browser;
import io.nbaprops.testing.LocalHttpServer;
import io.nbaprops.testing.SandboxSeason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public picks site in a real headless Chromium over the first days of the sandbox season (the demo's pipeline), served
 * by the service at /picks without a key: the day's picks filter by market, book, side and confidence to exactly the picks
 * the export holds; PASSes open with the keyboard; a player card draws its games as bars with the line across them and
 * counts its hit rates from the card's games; the track record shows every row's N and 95% intervals, a calibration plot and
 * the cumulative units with the break-even line; a date whose picks are incomplete says why in a banner; text passes WCAG
 * AA contrast; a phone-width page does not scroll sideways; and the same files on a plain static file server give the same
 * page. Screenshots are kept under target/picks-site/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PicksSiteBrowserTest {
    static final String KEY = "picks-site-test-key-8c41f0b2d9";
    static final int DAYS = 8;
    static final Path SHOTS = Path.of("target", "picks-site");

    @TempDir
    static Path dir;
    SandboxRun run;
    ServiceServer server;
    WebDriver browser;
    WebDriverWait wait;
    Path exports;
    final ObjectMapper om = new ObjectMapper();

    @BeforeAll
    void replay() throws Exception {
        Browser.require();
        // Against the sandbox's sharp books the default thresholds pick a handful of times a month; the site is about
        // showing picks, so these eight days lower them to have some on every page (the numbers are not judged here).
        run = SandboxSeason.start(dir, Map.of("NBAPROPS_API_KEY", KEY, "NBAPROPS_PREDICT_MIN_EDGE", "0.5",
                "NBAPROPS_PREDICT_MIN_PROBABILITY", "0.5"));
        SandboxSeason.days(run, run.gameDates().subList(0, DAYS));
        server = ServiceServer.start(run.platform(), new ServiceServer.Hooks(List.of(), () -> trigger -> null, () -> Map.of()), "127.0.0.1", 0);
        exports = run.platform().config().exportsDir();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void close() {
        if (server != null) {
            server.close();
        }
        if (run != null) {
            run.close();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    void open(int width, int height, String url) throws IOException {
        if (browser == null) {
            browser = Browser.start(dir.resolve("chrome-" + width), width, height);
            wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        }
        browser.get(url);
        ready();
    }

    /** Waits until the view says it rendered (data-ready), failing on a load error. */
    void ready() {
        wait.until(b -> {
            String r = b.findElement(By.id("view")).getAttribute("data-ready");
            if ("error".equals(r)) {
                throw new AssertionError("the page failed to load: " + b.findElement(By.id("view")).getText());
            }
            return "true".equals(r) && (Boolean) ((JavascriptExecutor) b).executeScript(
                    "return document.getElementById('view').dataset.route === location.hash");
        });
    }

    String url(String fragment) {
        return "http://127.0.0.1:" + server.port() + "/picks/" + fragment;
    }

    JsonNode export(String path) throws IOException {
        return om.readTree(exports.resolve(path).toFile());
    }

    /** The replayed date with the most picks (each date's picks export holds them). */
    LocalDate busiestDate() throws IOException {
        LocalDate best = null;
        int most = -1;
        for (LocalDate d : run.gameDates().subList(0, DAYS)) {
            int n = export("picks/" + d + ".json").get("picks").size();
            if (n > most) {
                most = n;
                best = d;
            }
        }
        assertThat(most).as("picks on the busiest replayed date").isGreaterThanOrEqualTo(3);
        return best;
    }

    int rows(String tbody) {
        return browser.findElements(By.cssSelector("#" + tbody + " tr")).size();
    }

    void shot(String name) throws IOException {
        Path file = SHOTS.resolve(name + ".png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    static long count(JsonNode picks, Predicate<JsonNode> p) {
        return StreamSupport.stream(picks.spliterator(), false).filter(p).count();
    }

    @Test
    void theSiteAndItsDataArePublicWhileTheApiStillNeedsTheKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply("/picks/").statusCode()).isEqualTo(200);
        HttpResponse<String> index = get.apply("/picks/data/index.json");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(om.readTree(index.body()).get("latest").asText()).isEqualTo(run.gameDates().get(DAYS - 1).toString());
        assertThat(get.apply("/picks").statusCode()).as("/picks redirects to /picks/").isIn(301, 302, 303, 307, 308);
        // Only the exports folder is published: a path out of it is refused (Jetty's alias check), never served.
        HttpResponse<String> escape = get.apply("/picks/data/../../nbaprops.yaml");
        assertThat(escape.statusCode()).isNotEqualTo(200);
        assertThat(escape.body()).doesNotContain("warehouse");
        assertThat(get.apply("/api/today").statusCode()).isEqualTo(401);
    }

    @Test
    void theDaysPicksFilterAndPassesAreOneKeyAway() throws Exception {
        LocalDate d = busiestDate();
        JsonNode doc = export("picks/" + d + ".json");
        JsonNode picks = doc.get("picks");
        open(1280, 1800, url("#/day/" + d));
        assertThat(browser.findElements(By.cssSelector("#games li"))).hasSize(run.league().gamesOn(d).size());
        assertThat(rows("picks-body")).isEqualTo(picks.size());
        assertThat(browser.findElement(By.id("picks-count")).getText()).isEqualTo("Showing " + picks.size() + " of " + picks.size() + " picks");

        Select side = new Select(browser.findElement(By.id("f-side")));
        side.selectByValue("UNDER");
        long unders = count(picks, p -> p.get("pick").asText().equals("UNDER"));
        assertThat(rows("picks-body")).isEqualTo((int) unders);
        assertThat(browser.findElements(By.cssSelector("#picks-body tr"))).allSatisfy(r -> assertThat(r.getAttribute("data-side")).isEqualTo("UNDER"));
        side.selectByValue("OVER");
        assertThat(rows("picks-body")).isEqualTo((int) count(picks, p -> p.get("pick").asText().equals("OVER")));
        assertThat(unders + rows("picks-body")).isEqualTo(picks.size());
        side.selectByValue("");

        new Select(browser.findElement(By.id("f-conf"))).selectByValue("0.6");
        assertThat(rows("picks-body")).isEqualTo((int) count(picks, p -> p.get("confidence").asDouble() >= 0.6));
        new Select(browser.findElement(By.id("f-conf"))).selectByValue("0");

        Select book = new Select(browser.findElement(By.id("f-book")));
        assertThat(book.getOptions()).hasSizeGreaterThan(1);
        String firstBook = book.getOptions().get(1).getAttribute("value");
        book.selectByValue(firstBook);
        assertThat(rows("picks-body")).isEqualTo((int) count(picks, p -> p.get("book").asText().equals(firstBook))).isPositive();
        book.selectByValue("");

        Select market = new Select(browser.findElement(By.id("f-market")));
        String firstMarket = market.getOptions().get(1).getAttribute("value");
        market.selectByValue(firstMarket);
        assertThat(rows("picks-body")).isEqualTo((int) count(picks, p -> p.get("market").asText().equals(firstMarket)));
        market.selectByValue("");

        // Each pick row says why: its reason, and the top contributions of the projection when the system has them.
        WebElement first = browser.findElement(By.cssSelector("#picks-body tr"));
        assertThat(first.findElement(By.cssSelector(".why")).getText()).contains(picks.get(0).get("reason").asText());

        // The PASSes: closed, then opened from the keyboard, each with its reason.
        WebElement passes = browser.findElement(By.id("passes"));
        assertThat(passes.getAttribute("open")).isNull();
        long passCount = StreamSupport.stream(doc.get("predictions").spliterator(), false).filter(p -> StreamSupport.stream(
                p.get("systems").spliterator(), false).anyMatch(s -> s.get("system").asText().equals("ensemble")
                && s.get("recommendation").asText().equals("PASS"))).count();
        browser.findElement(By.cssSelector("#passes summary")).sendKeys(Keys.ENTER);
        wait.until(b -> passes.getAttribute("open") != null);
        assertThat(rows("passes-body")).isEqualTo((int) passCount).isPositive();
        assertThat(browser.findElement(By.id("passes-body")).getText()).containsAnyOf("edge", "no line", "calibrat");
        shot("today");
        assertContrast();

        // The same date's picks on a phone: no sideways scrolling, the rows stacked as cards.
        // Headless Chromium keeps a window at least ~500 px wide: a phone's 390 px viewport is emulated instead.
        ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                "height", 1600, "deviceScaleFactor", 1, "mobile", true));
        browser.navigate().refresh();
        ready();
        assertThat((Long) js("return window.innerWidth")).isEqualTo(390L);
        assertThat(rows("picks-body")).isEqualTo(picks.size());
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        shot("today-phone");
    }

    @Test
    void aPlayerCardChartsHisGamesAgainstTheLine() throws Exception {
        LocalDate d = busiestDate();
        JsonNode pick = export("picks/" + d + ".json").get("picks").get(0);
        open(1280, 2200, url("#/day/" + d));
        // To the card from the keyboard: the first pick's player link.
        browser.findElement(By.cssSelector("#picks-body tr a")).sendKeys(Keys.ENTER);
        wait.until(b -> b.getCurrentUrl().contains("#/card/"));
        ready();
        JsonNode card = export("cards/" + d + "/" + pick.get("player_lookup").asText() + ".json");
        String market = pick.get("market").asText();
        double line = pick.get("line").asDouble();
        assertThat(browser.findElement(By.id("card-title")).getText()).contains(card.get("player_name").asText());

        List<JsonNode> played = new ArrayList<>();
        card.get("games").forEach(g -> {
            if (g.get("played").asBoolean() && g.hasNonNull(market)) {
                played.add(g);
            }
        });
        assertThat(played).isNotEmpty();
        int charted = Math.min(20, played.size());
        assertThat(browser.findElements(By.cssSelector("#games-chart svg rect.bar"))).hasSize(charted);
        WebElement ref = browser.findElement(By.cssSelector("#games-chart svg line.ref-line"));
        assertThat(Double.parseDouble(ref.getAttribute("data-value"))).isEqualTo(line);
        // The line is drawn where the bars' scale puts it: between the tops of a bar below and a bar above it, if both exist.
        double lineY = Double.parseDouble(ref.getAttribute("y1"));
        for (WebElement bar : browser.findElements(By.cssSelector("#games-chart svg rect.bar"))) {
            double v = Double.parseDouble(bar.getAttribute("data-value"));
            double top = Double.parseDouble(bar.getAttribute("y"));
            if (v > line) {
                assertThat(top).as("bar of %s above the line %s", v, line).isLessThan(lineY);
            } else if (v < line) {
                assertThat(top).as("bar of %s below the line %s", v, line).isGreaterThan(lineY);
            }
        }
        // Hit rates counted from the card's own games against this line, each with its N.
        long over5 = played.stream().limit(5).filter(g -> g.get(market).asDouble() > line).count();
        assertThat(browser.findElement(By.cssSelector("#hit-rates [data-window='Last 5']")).getText())
                .contains(over5 + " of N = " + Math.min(5, played.size()));
        assertThat(browser.findElement(By.cssSelector("#hit-rates [data-window='Season']")).getText())
                .contains("of N = " + played.size());
        // Each book's line, the movement, the matchup, the result of a graded date.
        int books = card.get("markets").findValues("books").get(0).size();
        assertThat(browser.findElements(By.cssSelector("#books-table tbody tr"))).hasSize(books);
        assertThat(books).isPositive();
        assertThat(browser.findElement(By.id("defence")).getText()).contains("rank").contains("N = ");
        assertThat(browser.findElements(By.cssSelector("#minutes-chart svg path.series"))).hasSize(1);
        JsonNode graded = StreamSupport.stream(export("results/" + d + ".json").get("results").spliterator(), false)
                .filter(r -> r.get("player_lookup").asText().equals(pick.get("player_lookup").asText()) && r.get("market").asText().equals(market)
                        && r.get("system_id").asText().equals("ensemble")).findFirst().orElseThrow();
        assertThat(browser.findElement(By.id("result")).getText()).contains(graded.get("result").asText());
        shot("card");
        assertContrast();
    }

    @Test
    void theTrackRecordShowsEveryRowsNAndItsIntervals() throws Exception {
        JsonNode tr = export("performance.json").get("track_record");
        open(1280, 2600, url("#/track"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#systems-table tbody tr"));
        assertThat(rows).hasSize(tr.get("systems").size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = tr.get("systems").get(i);
            assertThat(rows.get(i).getAttribute("data-n")).isEqualTo(r.get("picks").asText());
            if (r.hasNonNull("hit_rate_ci")) {
                String lo = String.format(java.util.Locale.ROOT, "%.1f%%", r.get("hit_rate_ci").get(0).asDouble() * 100);
                assertThat(rows.get(i).findElement(By.cssSelector(".hit-rate")).getText()).contains("[" + lo + ", ");
            }
        }
        JsonNode ensemble = StreamSupport.stream(tr.get("systems").spliterator(), false)
                .filter(r -> r.get("system_id").asText().equals("ensemble")).findFirst().orElseThrow();
        assertThat(ensemble.get("picks").asInt()).isPositive();
        // The detail of the ensemble: every breakdown row with its N, the calibration dots with their intervals, the units chart
        // with its break-even line at zero.
        for (String t : List.of("edge-table", "side-table", "book-table", "decile-table")) {
            List<WebElement> detail = browser.findElements(By.cssSelector("#" + t + " tbody tr[data-n]"));
            assertThat(detail).as(t).isNotEmpty().allSatisfy(r -> assertThat(Integer.parseInt(r.getAttribute("data-n"))).isPositive());
        }
        int sideN = browser.findElements(By.cssSelector("#side-table tbody tr[data-n]")).stream()
                .mapToInt(r -> Integer.parseInt(r.getAttribute("data-n"))).sum();
        assertThat(sideN).isEqualTo(ensemble.get("picks").asInt());
        assertThat(browser.findElements(By.cssSelector("#calibration-chart svg circle.dot"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#calibration-chart svg line.ci"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#units-chart svg line.ref-line")).getAttribute("data-value")).isEqualTo("0");
        shot("track");
        assertContrast();
    }

    @Test
    void aDateWithIncompletePicksSaysWhyInABanner() throws Exception {
        LocalDate incomplete = null;
        String note = null;
        for (LocalDate d : run.gameDates().subList(0, DAYS)) {
            JsonNode doc = export("picks/" + d + ".json");
            if (!doc.get("status").asText().equals("fresh")) {
                incomplete = d;
                note = doc.get("note").asText();
                break;
            }
        }
        assertThat(incomplete).as("a replayed date whose picks are not fresh (early days lack players' history)").isNotNull();
        open(1280, 1200, url("#/day/" + incomplete));
        WebElement banner = browser.findElement(By.id("banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).contains("incomplete").contains(note);
        assertThat(banner.getAttribute("role")).isEqualTo("status");
        // The track record of a fresh performance export has none.
        browser.findElement(By.id("nav-track")).sendKeys(Keys.ENTER);
        wait.until(b -> b.getCurrentUrl().endsWith("#/track"));
        ready();
        assertThat(export("performance.json").get("status").asText()).isEqualTo("fresh");
        wait.until(b -> !b.findElement(By.id("banner")).isDisplayed());
    }

    @Test
    void withheldPicksSayWhyOnTheFrontPage() throws Exception {
        // The next game date's games are known but its predictions cannot run (their inputs have not): its status export withdraws the
        // previous date's picks from picks/latest.json, and the front page says so instead of showing them as today's.
        LocalDate next = run.gameDates().get(DAYS);
        SandboxSeason.check(run.platform().engine().runWithUpstream("schedule", next, "test")); // its games are known
        run.platform().engine().runPartition(next, List.of(io.nbaprops.predict.PredictionAsset.NAME), "test");
        assertThat(run.platform().engine().store().state(io.nbaprops.predict.PredictionAsset.NAME, next).orElseThrow().state())
                .isNotEqualTo("SUCCESS");
        SandboxSeason.check(run.platform().engine().runPartition(next, List.of(io.nbaprops.publish.StatusExportAsset.NAME), "test"));
        JsonNode latest = export("picks/latest.json");
        assertThat(latest.get("status").asText()).isEqualTo("withheld");
        open(1280, 1000, url(""));
        WebElement banner = browser.findElement(By.id("banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).contains("Picks withheld for " + next).contains(latest.get("note").asText());
        assertThat(rows("picks-body")).isZero();
        assertThat(browser.findElement(By.id("picks-count")).getText()).contains("withheld");
        assertThat(browser.findElements(By.cssSelector("#games li[data-game]"))).hasSize(run.league().gamesOn(next).size()).isNotEmpty();
        shot("withheld");
    }

    @Test
    void theSameFilesOnAPlainStaticHostGiveTheSamePage() throws Exception {
        Path site = dir.resolve("static");
        for (String f : List.of("index.html", "app.js", "charts.js", "style.css")) {
            try (InputStream in = getClass().getResourceAsStream("/picks/" + f)) {
                Files.createDirectories(site);
                Files.copy(in, site.resolve(f));
            }
        }
        try (LocalHttpServer host = new LocalHttpServer(); Stream<Path> data = Files.walk(exports)) {
            for (Path f : data.filter(Files::isRegularFile).toList()) {
                String rel = exports.relativize(f).toString().replace('\\', '/');
                host.route("/site/data/" + rel, r -> new LocalHttpServer.Response(200, Map.of("Content-Type", "application/json"), Files.readAllBytes(f)));
            }
            for (String f : List.of("index.html", "app.js", "charts.js", "style.css")) {
                String type = f.endsWith(".html") ? "text/html" : f.endsWith(".js") ? "text/javascript" : "text/css";
                byte[] body = Files.readAllBytes(site.resolve(f));
                host.route("/site/" + (f.equals("index.html") ? "" : f), r -> new LocalHttpServer.Response(200, Map.of("Content-Type", type), body));
            }
            LocalDate d = busiestDate();
            open(1280, 1200, host.baseUrl() + "/site/#/day/" + d);
            assertThat(rows("picks-body")).isEqualTo(export("picks/" + d + ".json").get("picks").size());
            browser.get(host.baseUrl() + "/site/#/track");
            ready();
            assertThat(browser.findElements(By.cssSelector("#systems-table tbody tr"))).hasSize(export("performance.json")
                    .get("track_record").get("systems").size());
        }
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Every visible text's colour against its nearest opaque background: at least 4.5:1 (WCAG AA for normal text). */
    @SuppressWarnings("unchecked")
    void assertContrast() {
        List<String> bad = (List<String>) js("""
                const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number); const f = (v) => { v /= 255;
                  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]); };
                const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                  const a = c.match(/[\\d.]+/g); if (a && (a.length < 4 || Number(a[3]) > 0.9)) return c; } return 'rgb(255,255,255)'; };
                const out = [];
                document.querySelectorAll('body *').forEach((e) => {
                  if (e.closest('svg') || !e.offsetParent && getComputedStyle(e).position !== 'fixed') return;
                  const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                  if (!own) return;
                  const l1 = lum(getComputedStyle(e).color), l2 = lum(bg(e));
                  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  if (ratio < 4.5) out.push(e.tagName + ' "' + e.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
                });
                return out;""");
        assertThat(bad).as("text below 4.5:1 contrast").isEmpty();
    }
}
