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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A restart keeps everything: the users (the admin signs in with the same password, which the second start
 * is not given), the registered demo router, and the demo router's own state file; an API key made with the
 * command line while the server was down works after the restart.
 */
@Timeout(180)
class RestartE2ETest {

    @AfterEach
    void closeBrowser() {
        Browser.close();
    }

    @Test
    void keepsUsersRoutersAndTheDemoRouterAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory("nnc-restart");
        try (ServerProcess first = ServerProcess.start(data, Map.of())) {
            assertThat(first.output()).contains("Demo router");
        }
        assertThat(data.resolve("system.db")).exists();
        assertThat(data.resolve("demo-router.json")).exists();

        var created = ServerProcess.runToExit(List.of("apikey", "create", "--name", "restart-check", "--role", "viewer",
                "--data-dir", data.toString()), Map.of(), Duration.ofSeconds(60));
        assertThat(created.exitCode()).as(created.output()).isZero();
        String key = created.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();

        try (ServerProcess second = ServerProcess.start(data, Map.of("NNC_ADMIN_PASSWORD", ""))) {
            assertThat(second.output()).doesNotContain("created the admin user");
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(second.baseUrl() + "/health/ready")).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"demo\"");

            Browser.open(1280, 800);
            open(second.baseUrl() + "/");
            Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
            $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"), text("Online"));
        }
    }
}
