package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.CollectionCondition;
import com.codeborne.selenide.WebDriverRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The events page from the browser, against the packaged server and its demo router: a VLAN created over GraphQL
 * with an API key appears at the top of the open page, named by its name, without a reload; the class filter; and
 * the page on a phone (cards, nothing sideways, 44 px tap targets).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class EventsE2ETest {
    static ServerProcess server;
    static String key;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        // its own hot tier: servers of other test runs on this machine share the default /dev/shm/nasnetconnect
        var hot = java.nio.file.Files.createTempDirectory("nnc-e2e-events-hot");
        server = ServerProcess.start(Map.of("NNC_EVENTS_HOT_DIR", hot.toString()));
        var created = ServerProcess.runToExit(List.of("apikey", "create", "--name", "e2e-events", "--role", "operator",
                "--data-dir", server.dataDir.toString()), Map.of(), Duration.ofSeconds(60));
        assertThat(created.exitCode()).as(created.output()).isZero();
        key = created.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();
        Browser.open(1280, 800);
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible, Duration.ofSeconds(40)).shouldHave(text("Demo router"));
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    static String createVlan(String name, int vlanId) throws Exception {
        String query = "mutation { createVlan(routerId: \\\"demo\\\", input: {name: \\\"" + name + "\\\", vlanId: " + vlanId
                + ", interface: \\\"ether2\\\"}) { resource { uuid } userErrors { field message } } }";
        var res = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.body()).as(res.body()).contains("\"userErrors\":[]");
        return res.body();
    }

    @Test
    @Order(1)
    void aVlanCreatedOverGraphQlAppearsOnTheOpenEventsPageNamedByItsNameWithoutReload() throws Exception {
        open(server.baseUrl() + "/routers/demo/events");
        $("#events-title").shouldHave(text("Events · Demo router"), Duration.ofSeconds(40));
        // a fresh server: the demo router has no critical or normal event yet
        $("#events-none").shouldBe(visible).shouldHave(text("No events match."));
        executeJavaScript("window.__nncNoReload = 'still here'");

        createVlan("e2e-guest", 77);
        long answered = System.nanoTime();
        $("#events-grid").shouldHave(text("VLAN e2e-guest"), Duration.ofSeconds(5));
        long lagMs = (System.nanoTime() - answered) / 1_000_000;
        System.out.println("events page: VLAN created over GraphQL shown " + lagMs + " ms after the API answered (incl. polling)");

        String firstRow = executeJavaScript("""
                const cells = [...document.querySelectorAll('#events-grid vaadin-grid-cell-content')].map(c => c.textContent);
                const i = cells.findIndex(t => t.includes('VLAN e2e-guest'));
                return cells.slice(i, i + 4).join(' | ');""");
        assertThat(firstRow).contains("VLAN e2e-guest").contains("created").contains("e2e-events");
        assertThat($("#events-grid").getText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat((String) executeJavaScript("return window.__nncNoReload")).isEqualTo("still here");
        AdminE2ETest.screenshot("events-1280");
    }

    @Test
    @Order(2)
    void theClassFilterShowsOnlyTheChosenClasses() {
        open(server.baseUrl() + "/routers/demo/events");
        $("#events-grid").shouldHave(text("VLAN e2e-guest"));
        checkbox("Normal").click();
        assertThat(classesShownWithin(Duration.ofSeconds(10), List.of("critical"))).containsOnly("critical");

        checkbox("Critical").click();
        checkbox("Low").click();
        // the demo router's telemetry samples, shown only when asked for (they arrive live, so read in one go)
        assertThat(classesShownWithin(Duration.ofSeconds(15), List.of("low"))).containsOnly("low");
        assertThat($("#events-grid").getText()).as("the VLAN's creation is critical").doesNotContain("created");
    }

    @Test
    @Order(3)
    void onAPhoneEventsAreCardsALiveOneArrivesAndNothingScrollsSideways() throws Exception {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        try {
            open(server.baseUrl() + "/routers/demo/events");
            $("#events-cards").shouldBe(visible).shouldHave(text("VLAN e2e-guest"));
            createVlan("e2e-phone", 78);
            $("#events-cards .event-card").shouldHave(text("VLAN e2e-phone"), Duration.ofSeconds(5));
            AdminE2ETest.screenshot("events-390");
            Number overflow = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("sideways scrolling, px").isLessThanOrEqualTo(0);
            List<Number> heights = executeJavaScript("return [...document.querySelectorAll('.nnc-events vaadin-button')]"
                    + ".filter(b => b.offsetParent !== null).map(b => b.getBoundingClientRect().height)");
            assertThat(heights).allSatisfy(h -> assertThat(h.doubleValue()).as("tap target height").isGreaterThanOrEqualTo(44));
        } finally {
            WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 800));
        }
    }

    /** The class badges of the table, read in one script, once they are all of {@code wanted} (polled until the deadline). */
    static List<String> classesShownWithin(Duration deadline, List<String> wanted) {
        long end = System.nanoTime() + deadline.toNanos();
        List<String> shown;
        do {
            shown = executeJavaScript("return [...document.querySelectorAll('#events-grid .event-class')].map(e => e.textContent)");
            if (!shown.isEmpty() && wanted.containsAll(shown)) return shown;
            com.codeborne.selenide.Selenide.sleep(100);
        } while (System.nanoTime() < end);
        return shown;
    }

    static com.codeborne.selenide.SelenideElement checkbox(String label) {
        return $$("#events-class vaadin-checkbox").findBy(text(label)).$("input");
    }
}
