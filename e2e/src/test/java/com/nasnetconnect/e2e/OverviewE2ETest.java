package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.CollectionCondition;
import com.codeborne.selenide.WebDriverRunner;
import java.time.Duration;
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
 * The router overview in Chromium against the packaged server and its demo router, at 1280 and 390 px: who the
 * router is, its CPU chart (an SVG that fills in live as the telemetry arrives), its interfaces, and on a phone
 * one column with nothing scrolling sideways. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class OverviewE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        // its own hot tier (the default, /dev/shm/nasnetconnect, is shared by every server on the machine, and
        // every test server's demo router is called "demo")
        var hot = java.nio.file.Files.createTempDirectory("nnc-e2e-hot");
        server = ServerProcess.start(Map.of("NNC_TELEMETRY_INTERVAL", "1s", "NNC_EVENTS_HOT_DIR", hot.toString()));
        Browser.open(1280, 900);
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void onAWideScreenTheDemoRoutersOverviewShowsItsIdentityVersionALiveCpuChartAndItsInterfaces() {
        open(server.baseUrl() + "/routers/demo");

        $("#overview-title").shouldHave(text("Demo router"));
        $("#overview-status").shouldHave(text("Online"));
        $("#overview-version").shouldHave(text("7.16.2"));
        assertThat($("#overview-identity").shouldBe(visible).getText()).isNotBlank().isNotEqualTo("—");
        $("#overview-cpu-chart svg").should(exist);
        // the chart fills in as samples arrive, pushed to the open page
        $("#overview-cpu-chart svg path.nnc-chart-line").should(exist, Duration.ofSeconds(30));
        $$("#overview-interfaces .overview-interface").shouldHave(CollectionCondition.sizeGreaterThan(0))
                .first().shouldHave(text("ether1"));
        $("#overview-wide").shouldBe(visible);
        Screenshots.save("overview-1280");
    }

    @Test
    @Order(2)
    void onAPhoneTheOverviewIsOneColumnWithTheChartScaledAndNothingScrollsSideways() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        open(server.baseUrl() + "/routers/demo");

        $("#overview-phone").shouldBe(visible);
        $("#overview-version").shouldHave(text("7.16.2"));
        $("#overview-cpu-chart svg").should(exist);
        $$("#overview-interfaces .overview-interface").shouldHave(CollectionCondition.sizeGreaterThan(0));
        Number overflow = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways scrolling, px").isLessThanOrEqualTo(0);
        Number chart = executeJavaScript("return document.querySelector('#overview-cpu-chart svg').getBoundingClientRect().right"
                + " - window.innerWidth");
        assertThat(chart.intValue()).as("the chart ends on screen").isLessThanOrEqualTo(0);
        Number tap = executeJavaScript("return Math.min(...Array.from(document.querySelectorAll("
                + "'#overview-counts a, #overview-events-link, #overview-services-link')).map(a => a.getBoundingClientRect().height))");
        assertThat(tap.intValue()).as("smallest link height, px").isGreaterThanOrEqualTo(44);
        Screenshots.save("overview-390");
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 2600));
        Screenshots.save("overview-390-full");
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(3)
    void anAddressThatNamesNoRouterSaysSoPlainly() {
        open(server.baseUrl() + "/routers/nope");
        $("#overview-not-found").shouldBe(visible).shouldHave(text("No router with id 'nope'."));
    }
}
