package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.executeAsyncJavaScript;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The GraphQL console in a real browser against the packaged server: a signed-in admin opens {@code /graphql},
 * gets GraphiQL from the server itself, runs a query with the session alone (no key pasted), and the page fits
 * a 390 px phone. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class GraphQlConsoleE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#current-user").shouldHave(text("admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void aSignedInBrowserRunsAQueryInGraphiQlWithItsSessionAlone() throws Exception {
        open(server.baseUrl() + "/graphql");
        $(".graphiql-container").shouldBe(visible);
        run("{ routers { id name } }");
        $(".graphiql-response").shouldHave(text("\"id\": \"demo\""), text("Demo router"));
        assertThat($(".graphiql-response").getText()).doesNotContain("errors");
        screenshot("console-1280.png");
    }

    @Test
    @Order(2)
    void loadsNothingFromAnotherOrigin() {
        List<String> loaded = executeJavaScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(server.baseUrl() + "/"));
    }

    @Test
    @Order(3)
    void fitsAPhoneWithoutSidewaysScrolling() throws Exception {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        open(server.baseUrl() + "/graphql");
        $(".graphiql-container").shouldBe(visible);
        run("{ routers { id name } }");
        $(".graphiql-response").shouldHave(text("Demo router"));
        Number inner = executeJavaScript("return window.innerWidth");
        Number scroll = executeJavaScript("return document.documentElement.scrollWidth");
        assertThat(inner.intValue()).isLessThanOrEqualTo(390);
        assertThat(scroll.intValue()).as("page width at " + inner + " px").isLessThanOrEqualTo(inner.intValue());
        assertThat($(".graphiql-execute-button").isDisplayed()).isTrue();
        screenshot("console-390.png");
    }

    @Test
    @Order(4)
    void subscribesOverTheWebSocketWithTheSessionAloneAndRefusesAKeyOfSomeoneElse() {
        $(".graphiql-query-editor .CodeMirror").shouldBe(visible);
        executeJavaScript("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
                "subscription { routerStatus(routerId: \"demo\") { routerId reachable } }");
        $(".graphiql-execute-button").click();
        $(".graphiql-response").shouldHave(text("\"routerId\": \"demo\""), Duration.ofSeconds(20));
        $(".graphiql-execute-button").click(); // stops the subscription

        // The browser sends its session cookie with the upgrade: a typed key naming another principal is refused,
        // never silently preferred (the socket would otherwise act as someone other than the signed-in user).
        String key = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify("
                        + "{query: 'mutation { createApiKey(name: \\\"console-e2e\\\", role: VIEWER) { key } }'})})"
                        + ".then(r => r.json()).then(j => done(j.data.createApiKey.key), e => done('error ' + e));");
        assertThat(key).startsWith("nnc");
        $$(".graphiql-editor-tools button").findBy(text("Headers")).click();
        $("section.graphiql-editor-tool[aria-label='Headers']").shouldBe(visible);
        // GraphiQL keeps the hidden (variables) editor off-screen with class "hidden"
        executeJavaScript("document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
                + ".CodeMirror.setValue(arguments[0])", "{\"Authorization\": \"Bearer " + key + "\"}");
        $(".graphiql-execute-button").click();
        $(".graphiql-response").shouldHave(text("4403"), Duration.ofSeconds(20));
    }

    /** Replaces the query editor's text (CodeMirror) and presses GraphiQL's run button. */
    private static void run(String query) {
        $(".graphiql-query-editor .CodeMirror").shouldBe(visible);
        executeJavaScript("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])", query);
        $(".graphiql-execute-button").click();
        $(".graphiql-response").shouldHave(text("data"), Duration.ofSeconds(15));
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path shot = ((TakesScreenshot) WebDriverRunner.getWebDriver()).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
