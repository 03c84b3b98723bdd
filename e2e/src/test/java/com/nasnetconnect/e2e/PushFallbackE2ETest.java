package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser (or network) without WebSockets still gets live updates: Vaadin push falls back to long polling
 * through the front door's streaming proxy.
 */
@Timeout(120)
class PushFallbackE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
        // Before any page script runs, take WebSocket away from the page.
        ((ChromeDriver) WebDriverRunner.getWebDriver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "Object.defineProperty(window, 'WebSocket', {value: undefined, configurable: false});"));
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    void liveUpdatesArriveOverLongPollingWhenWebSocketsAreUnavailable() {
        open(server.baseUrl() + "/login");
        Object ws = executeJavaScript("return typeof window.WebSocket");
        assertThat(ws).isEqualTo("undefined");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"));

        executeJavaScript("window.__nncNoReload = 'still here'");
        String uptime = uptimeCell();
        assertThat(uptime).as("uptime shown").isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (uptimeCell().equals(uptime) && System.nanoTime() < deadline) sleep(250);
        assertThat(uptimeCell()).as(() -> "uptime pushed by the server; push transport seen by the page: "
                + executeJavaScript("return JSON.stringify((window.Vaadin && window.Vaadin.connectionState"
                + " && window.Vaadin.connectionState.state) || null)") + "; server log:\n" + serverLog())
                .isNotEqualTo(uptime);
        assertThat((String) executeJavaScript("return window.__nncNoReload")).isEqualTo("still here");
    }

    private static String serverLog() {
        try {
            return server.output();
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The uptime text of the only router row (grid cells are light-DOM children of vaadin-grid). */
    private static String uptimeCell() {
        return executeJavaScript(
                "const cells = [...document.querySelectorAll('#routers-grid vaadin-grid-cell-content')].map(c => c.textContent);"
                        + "return cells.find(t => /^\\d+[wdhms]/.test(t.trim())) || '';");
    }
}
