package com.nasnetconnect.e2e;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.WebDriverRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium + chromium-driver, headless, with no browser or driver downloads (Selenium Manager is
 * bypassed by naming both binaries). Background networking is off: the machine has no Internet.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("nnc.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("nnc.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static void open(int width, int height) throws Exception {
        ChromeDriver driver = create(width, height);
        Configuration.timeout = 15_000;
        Configuration.screenshots = false;
        Configuration.savePageSource = false;
        WebDriverRunner.setWebDriver(driver);
    }

    /** A new, independent headless Chromium (its own profile, so its own cookies and sessions); the caller quits it. */
    static ChromeDriver create(int width, int height) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("nnc-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Fills and submits the sign-in form of the page that is open. */
    static void signIn(String user, String password) {
        com.codeborne.selenide.Selenide.$("input[name='username']").setValue(user);
        com.codeborne.selenide.Selenide.$("input[name='password']").setValue(password).pressEnter();
    }

    static void close() {
        if (WebDriverRunner.hasWebDriverStarted()) WebDriverRunner.closeWebDriver();
    }
}
