package io.nbaprops.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver for the page tests. Missing on a user's machine: the test is skipped
 * with a message; in CI ({@code -Dnbaprops.requireBrowser=true}) it fails. {@code -Dnbaprops.chromium} and
 * {@code -Dnbaprops.chromedriver} point elsewhere (CI's newcomer pass points them at nothing).
 */
public final class Browser {
    public static final File CHROMIUM = new File(System.getProperty("nbaprops.chromium", "/usr/bin/chromium"));
    public static final File DRIVER = new File(System.getProperty("nbaprops.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Skips (or fails in CI) unless both binaries are there. */
    public static void require() {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            Skips.missing("no headless browser: needs " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver)", "nbaprops.requireBrowser");
        }
    }

    /** A headless Chromium with a fresh profile under {@code dir}, never downloading anything. */
    public static ChromeDriver start(Path dir, int width, int height) throws IOException {
        require();
        ChromeOptions o = new ChromeOptions();
        // Both binaries explicit, so Selenium Manager never tries to download a driver or a browser.
        o.setBinary(CHROMIUM.getPath());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        return new ChromeDriver(svc, o);
    }
}
