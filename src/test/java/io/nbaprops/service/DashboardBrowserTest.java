package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromedriver): the page asks for the key once (a
 * wrong one is asked for again); a partition that failed (its input was missing) shows red in the grid; with the
 * cause fixed, clicking it and "Re-run" turns it green; an alert is acknowledged with its button; the page is saved as target/dashboard.png.
 */
class DashboardBrowserTest {
    @TempDir
    Path dir;
    ServiceFixture f;
    WebDriver browser;

    @BeforeEach
    void browserOrSkip() {
        Browser.require();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    WebDriver start() throws Exception {
        return Browser.start(dir, 1500, 2600);
    }

    WebElement cell(String asset, LocalDate d) {
        return browser.findElement(By.cssSelector("#grid td[data-asset='" + asset + "'][data-date='" + d + "']"));
    }

    void click(String id) {
        WebElement b = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", b);
        b.click();
    }

    @Test
    void clickingReRunOnAFailedPartitionTurnsItGreen() throws Exception {
        f = new ServiceFixture(dir, true);
        f.seedResults();
        LocalDate d = f.today.minusDays(1);
        f.runDay(f.today.minusDays(2));
        f.summaryBroken.set(true);
        f.runDay(d);
        String alertId = f.platform.alerts().raise(new Alert(Severity.CRITICAL, "run_failed", "run_failed:player_summary:" + d,
                "player_summary failed for " + d, "box score file missing")).record().alertId();
        f.summaryBroken.set(false); // the cause is fixed; the partition stays red until someone re-runs it

        browser = start();
        // The grid is re-drawn on every refresh: a cell found just before a redraw is stale, so look it up again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(f.url("/"));
        // The page is public, its data is not: it asks for the key once, first with a wrong one.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key-input"))).sendKeys("not-the-key-at-all-0000000000");
        browser.findElement(By.id("api-key-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-error"), "refused"));
        browser.findElement(By.id("api-key-input")).sendKeys(ServiceFixture.API_KEY);
        browser.findElement(By.id("api-key-save")).click();
        wait.until(b -> cell(ServiceFixture.SUMMARY, d).getAttribute("data-state").equals("FAILED"));
        assertThat(cell("collect_box_scores", d).getAttribute("data-state")).isEqualTo("SUCCESS");
        assertThat(cell("prediction", d).getAttribute("data-state")).isEqualTo("WAITING");
        assertThat(browser.findElement(By.id("card-games")).getText()).isEqualTo("2");
        wait.until(b -> !b.findElements(By.cssSelector("#chart-winrate")).isEmpty());

        cell(ServiceFixture.SUMMARY, d).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cell-reason"), "is missing"));
        browser.findElement(By.id("cell-rerun")).click(); // the key given at load is used: no second prompt
        wait.until(b -> cell(ServiceFixture.SUMMARY, d).getAttribute("data-state").equals("SUCCESS"));
        assertThat(browser.findElement(By.id("action-result")).getText()).contains("player_summary").contains("SUCCESS");
        assertThat(f.platform.engine().store().state(ServiceFixture.SUMMARY, d).orElseThrow().state()).isEqualTo("SUCCESS");

        // The alert's Ack button acts too (the key is remembered for the tab).
        wait.until(b -> !b.findElements(By.cssSelector("button.ack[data-alert='" + alertId + "']")).isEmpty());
        browser.findElement(By.cssSelector("button.ack[data-alert='" + alertId + "']")).click();
        wait.until(b -> b.findElements(By.cssSelector("button.ack[data-alert='" + alertId + "']")).isEmpty());
        assertThat(f.platform.alerts().find(alertId).orElseThrow().open()).isFalse();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "ack-alert"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("rerun");
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action IN ('rerun', 'ack-alert') AND status_code IN (200, 202)"))
                .isEqualTo(2);

        // The other buttons act and show their result: self-heal lets the waiting downstream through...
        click("heal");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "2 repaired"));
        wait.until(b -> cell("export_results", d).getAttribute("data-state").equals("SUCCESS"));
        // ...trigger predictions reports what the engine did (today's inputs have not run: it waits, honestly)...
        click("fp-start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "prediction WAITING"));
        click("retry-dead");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "0 dead letters re-queued"));
        // ...and a backfill shows its progress until done.
        LocalDate from = f.today.minusDays(5);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('bf-from').value = arguments[0];"
                + "document.getElementById('bf-to').value = arguments[1];", from.toString(), f.today.minusDays(3).toString());
        click("bf-start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bf-text"), "SUCCEEDED · 3/3 dates"));
        wait.until(b -> cell("export_results", from).getAttribute("data-state").equals("SUCCESS"));
        assertThat(f.count("SELECT count(*) FROM asset_partition WHERE partition_date BETWEEN ? AND ? AND state = 'SUCCESS'", from,
                f.today.minusDays(3))).isEqualTo(12);
        assertThat(f.count("SELECT count(DISTINCT action) FROM audit_log WHERE status_code IN (200, 202)")).isEqualTo(6);

        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        // A section that failed to load would have raised a red toast.
        assertThat(browser.findElement(By.id("toast")).getAttribute("class")).doesNotContain("bad");
    }
}
