package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A damaged router database does not stop the server: it is moved aside, the dashboard says so, and the
 * router itself is still monitored.
 */
@Timeout(120)
class QuarantineE2ETest {
    static ServerProcess server;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("nnc-quarantine");
        Files.writeString(data.resolve("router-demo.db"), "this is not an SQLite database, just garbage ".repeat(200));
        server = ServerProcess.start(data, Map.of());
        Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    void aDamagedRouterDatabaseIsQuarantinedAndShownWhileTheRouterStaysMonitored() {
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"), text("Online"));
        $("#db-warnings").shouldHave(text("'demo'"), Duration.ofSeconds(20)).shouldHave(text("moved aside"));
        assertThat(data.resolve("router-demo.db")).doesNotExist();
    }
}
