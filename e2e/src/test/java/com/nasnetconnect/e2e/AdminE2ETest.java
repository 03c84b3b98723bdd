package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.junit.jupiter.api.Timeout;

/**
 * An admin manages API keys in a real browser against the packaged server: creates a key, reads it from the
 * one-time display, uses it for /metrics, revokes it, and sees the key refused and the trail recorded. The key
 * is never printed (assertions on it say only whether it matched).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class AdminE2ETest {
    static final String KEY_NAME = "e2e-metrics";
    static ServerProcess server;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String key;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    static int metricsStatus(String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics")).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(1)
    void anAdminCreatesAnApiKeyAndSeesItOnce() {
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#current-user").shouldHave(text("admin"));

        open(server.baseUrl() + "/admin/api-keys");
        $("#new-key-name input").shouldBe(visible).setValue(KEY_NAME).pressTab();
        $("#create-key").click();

        $("#new-key-token input").shouldBe(visible);
        key = $("#new-key-token input").getValue();
        assertThat(key != null && key.startsWith("nnc_") && key.length() > 40).as("a key is shown").isTrue();
        $("#close-key-dialog").click();
        $("#new-key-token").shouldNot(com.codeborne.selenide.Condition.exist);
        $("#api-keys-grid").shouldHave(text(KEY_NAME), text("viewer"), text("never"));
    }

    @Test
    @Order(2)
    void theKeyOpensMetrics() throws Exception {
        assertThat(metricsStatus(null)).isEqualTo(401);
        assertThat(metricsStatus(key)).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aRevokedKeyIsRefused() throws Exception {
        open(server.baseUrl() + "/admin/api-keys");
        $("#api-keys-grid vaadin-button.revoke-key[data-key='" + KEY_NAME + "']").shouldBe(visible).click();
        $("#confirm-dialog [slot='confirm-button']").shouldBe(visible).click();
        $("#api-keys-notice").shouldHave(text("Revoked API key '" + KEY_NAME + "'"));

        assertThat(metricsStatus(key)).isEqualTo(401);
    }

    @Test
    @Order(4)
    void theAuditTrailShowsTheKeysLifeAndTheServerNeverLoggedIt() throws Exception {
        open(server.baseUrl() + "/admin/audit");
        $("#audit-grid").shouldHave(text("API key created"), text("API key revoked"), text(KEY_NAME), text("Login succeeded"));
        assertThat(server.output().contains(key)).as("the key appears in the server log").isFalse();
        assertThat(server.output().contains(ServerProcess.ADMIN_PASSWORD)).as("the password appears in the server log").isFalse();
    }

    @Test
    @Order(5)
    void onAPhoneTheKeysAreCardsWithTheRevokeActionOnScreenAndNoSidewaysScrolling() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        open(server.baseUrl() + "/admin/api-keys");
        $("#new-key-name input").shouldBe(visible).setValue("e2e-phone").pressTab();
        $("#new-key-expires input").setValue("30d").pressTab();
        $("#create-key").click();
        $("#close-key-dialog").shouldBe(visible).click();

        $("#api-keys-cards .key-card[data-key='e2e-phone']").shouldBe(visible).shouldHave(text("active"), text("viewer"))
                .scrollIntoView("{block: 'center'}");
        $("#api-keys-grid").shouldNotBe(visible);
        screenshot("api-keys-390");
        Number overflow = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways scrolling, px").isLessThanOrEqualTo(0);
        Number right = executeJavaScript("return document.querySelector(\"#api-keys-cards vaadin-button.revoke-key[data-key='e2e-phone']\")"
                + ".getBoundingClientRect().right - window.innerWidth");
        assertThat(right.intValue()).as("the revoke action is on screen").isLessThanOrEqualTo(0);

        $("#api-keys-cards vaadin-button.revoke-key[data-key='e2e-phone']").scrollIntoView("{block: 'center'}").click();
        $("#confirm-dialog [slot='confirm-button']").shouldBe(visible).click();
        $("#api-keys-cards .key-card[data-key='e2e-phone']").shouldHave(text("revoked"));
        // the banner is at the top of the scrolled content: bring it into view to read it
        $("#api-keys-notice").scrollIntoView(true).shouldHave(text("Revoked API key 'e2e-phone'"));
    }

    @Test
    @Order(6)
    void onAWideScreenTheKeysStayAGridWithTheirExpiry() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 900));
        open(server.baseUrl() + "/admin/api-keys");
        $("#new-key-name input").shouldBe(visible).setValue("e2e-wide").pressTab();
        $("#new-key-expires input").setValue("12h").pressTab();
        $("#create-key").click();
        $("#close-key-dialog").shouldBe(visible).click();
        $("#api-keys-grid").shouldBe(visible).shouldHave(text("e2e-wide"), text("Expires"));
        $("#api-keys-cards").shouldNotBe(visible);
        Number right = executeJavaScript("return document.querySelector(\"#api-keys-grid vaadin-button.revoke-key[data-key='e2e-wide']\")"
                + ".getBoundingClientRect().right - window.innerWidth");
        assertThat(right.intValue()).as("the revoke action is on screen").isLessThanOrEqualTo(0);
        screenshot("api-keys-1280");
    }

    /** Keeps what the browser shows as target/screenshots/NAME.png, for a person to look at. */
    static void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) WebDriverRunner.getWebDriver())
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
