package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

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
}
