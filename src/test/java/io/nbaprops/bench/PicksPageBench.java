package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.service.ServiceServer;
import io.nbaprops.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public picks page on the demo's last date: the season fixture (the full demo; {@code --days N} for its first N
 * days), that date's exports written again with the current code, the service serving /picks, and headless Chromium
 * loading the page: from navigation start until the picks table is rendered (the page's own {@code picksReadyAt} mark,
 * set after the data is fetched and drawn). Each run is a fresh browser (cold cache) and then a reload (warm cache).
 * Run: bench/run PicksPage [--days N] [--runs R] [--profile]   (target: < 1 s; --profile: the export's SQL statements by time)
 */
public final class PicksPageBench {
    public static void main(String[] args) throws Exception {
        List<String> a = java.util.Arrays.asList(args);
        Integer days = a.contains("--days") ? Integer.valueOf(a.get(a.indexOf("--days") + 1)) : null;
        int runs = a.contains("--runs") ? Integer.parseInt(a.get(a.indexOf("--runs") + 1)) : 7;
        Browser.require();
        try (SandboxRun run = SeasonFixture.open(days)) {
            List<LocalDate> dates = run.gameDates();
            LocalDate last = days == null ? dates.get(dates.size() - 1) : dates.get(Math.min(days, dates.size()) - 1);
            StatementProfile sql = a.contains("--profile") ? StatementProfile.attach(run.platform().warehouse().jdbi()) : null;
            long t0 = System.nanoTime();
            var s = run.platform().engine().runPartition(last, List.of("export_picks", "export_results", "export_status"), "bench");
            System.out.printf("exports of %s written again in %.0f ms (%s)%n", last, (System.nanoTime() - t0) / 1e6,
                    s.allSucceeded() ? "ok" : s.describe(3));
            if (sql != null) {
                sql.print(12);
            }
            Path exports = run.platform().config().exportsDir();
            System.out.printf("picks/%s.json %d KB, performance.json %d KB, index.json %d KB%n", last,
                    Files.size(exports.resolve("picks/" + last + ".json")) / 1024, Files.size(exports.resolve("performance.json")) / 1024,
                    Files.size(exports.resolve("index.json")) / 1024);
            try (ServiceServer server = ServiceServer.start(run.platform(), new ServiceServer.Hooks(List.of(), () -> trigger -> null,
                    () -> Map.of()), "127.0.0.1", 0)) {
                String url = "http://127.0.0.1:" + server.port() + "/picks/#/day/" + last;
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                Path profile = Files.createTempDirectory("picks-bench");
                for (int i = 0; i < runs; i++) {
                    WebDriver b = Browser.start(profile.resolve("run-" + i), 1280, 1000);
                    try {
                        cold.add(load(b, url, false));
                        warm.add(load(b, url, true));
                    } finally {
                        b.quit();
                    }
                }
                System.out.printf("picks page of %s (%d runs): cold median %.0f ms (max %.0f), warm median %.0f ms (max %.0f); target < 1000 ms%n",
                        last, runs, SeasonFixture.median(cold), cold.stream().mapToDouble(x -> x).max().orElseThrow(), SeasonFixture.median(warm),
                        warm.stream().mapToDouble(x -> x).max().orElseThrow());
            }
        }
    }

    /** Milliseconds from navigation start to the page's ready mark. */
    static double load(WebDriver b, String url, boolean reload) {
        if (reload) {
            b.navigate().refresh();
        } else {
            b.get(url);
        }
        new WebDriverWait(b, Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("view")).getAttribute("data-ready"))
                && ((JavascriptExecutor) d).executeScript("return window.picksReadyAt") != null);
        return ((Number) ((JavascriptExecutor) b).executeScript("return window.picksReadyAt")).doubleValue();
    }
}
