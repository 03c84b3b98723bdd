package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.executeAsyncJavaScript;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.CollectionCondition;
import com.codeborne.selenide.WebDriverRunner;
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
 * The owner's path through a real browser against the packaged server: sign in, see the demo router in a grid
 * on a desktop and as cards on a phone, watch a value change without reloading, and install the PWA. The
 * tests run in order on one browser session, as a person would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class UiE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void signsInAndSeesTheDemoRouterInAGridOnADesktop() {
        open(server.baseUrl() + "/");
        $("vaadin-login-form").shouldBe(visible);
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);

        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"), text("Online"), text("CHR"));
        $("#routers-cards").shouldNot(exist);
        $("#current-user").shouldHave(text("admin"));
    }

    @Test
    @Order(2)
    void switchesToCardsLiveWhenTheViewportNarrowsToAPhone() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        $$("#routers-cards .router-card").shouldHave(CollectionCondition.size(1));
        $("#routers-cards .router-card").shouldHave(text("Demo router"), text("Online"));
        $("#routers-grid").shouldNot(exist);
        Number width = executeJavaScript("return window.innerWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(600);
    }

    @Test
    @Order(3)
    void showsAValuePushedByTheServerWithoutAReload() {
        executeJavaScript("window.__nncNoReload = 'still here'");
        String before = $("#routers-cards [data-field='uptime']").shouldBe(visible).getText();
        $("#routers-cards [data-field='uptime']").shouldNotHave(text(before), Duration.ofSeconds(15));
        String marker = executeJavaScript("return window.__nncNoReload");
        assertThat(marker).as("the page was not reloaded").isEqualTo("still here");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void offersAnInstallableWebManifest() {
        Map<String, Object> manifest = (Map<String, Object>) executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "const href = document.querySelector('link[rel=manifest]').href;"
                        + "fetch(href).then(r => r.json()).then(done, e => done({error: String(e)}));");
        assertThat(manifest).containsEntry("name", "NasNetConnect").containsEntry("display", "standalone")
                .containsKeys("short_name", "start_url", "theme_color");
        List<Map<String, String>> icons = (List<Map<String, String>>) manifest.get("icons");
        assertThat(icons).extracting(i -> i.get("sizes")).contains("192x192", "512x512");
        assertThat(icons).anySatisfy(i -> assertThat(i.get("purpose")).contains("maskable"));
        Long ok = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/icons/icon-512.png').then(r => done(r.ok ? 1 : 0), () => done(0));");
        assertThat(ok).isEqualTo(1L);
    }

    @Test
    @Order(5)
    void theSignedInBrowserMayQueryGraphQlWithItsSession() {
        String answer = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},"
                        + " body: JSON.stringify({query: '{ routers { id name } }'})}).then(r => r.text()).then(done, e => done('error ' + e));");
        assertThat(answer).contains("\"id\":\"demo\"").doesNotContain("errors");
    }

    @Test
    @Order(5)
    void theSignedInBrowserMaySubscribeOverGraphQlWithItsSession() {
        // what a graphql-ws client in the page does: the session cookie goes with the upgrade, connectionParams are empty
        String answer = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');"
                        + "ws.onopen = () => ws.send(JSON.stringify({type: 'connection_init', payload: {}}));"
                        + "ws.onmessage = e => { const m = JSON.parse(e.data);"
                        + "  if (m.type === 'connection_ack') ws.send(JSON.stringify({id: '1', type: 'subscribe',"
                        + "      payload: {query: 'subscription { routerStatus(routerId: \"demo\") { routerId } }'}}));"
                        + "  else { ws.close(); done(e.data); } };"
                        + "ws.onclose = e => done('closed ' + e.code);");
        assertThat(answer).contains("\"type\":\"next\"").contains("\"routerId\":\"demo\"");
    }

    @Test
    @Order(6)
    void serviceWorkerControlsThePage() {
        String scope = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => done(r.scope), e => done('error ' + e));");
        assertThat(scope).isEqualTo(server.baseUrl() + "/");
        open(server.baseUrl() + "/");
        $("#routers-cards").shouldBe(visible);
        Boolean controlled = executeJavaScript("return navigator.serviceWorker.controller !== null");
        assertThat(controlled).isTrue();
    }

    @Test
    @Order(7)
    void onAPhoneTheHeaderStaysOnOneLineAndUsersAndAuditNeedNoSidewaysScrolling() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        open(server.baseUrl() + "/admin/users");
        $$("#users-cards .user-card").shouldHave(CollectionCondition.sizeGreaterThanOrEqual(1));
        $("#users-grid").shouldNot(exist);
        assertNoSidewaysScrolling();
        Number userHeight = executeJavaScript("return document.getElementById('current-user').getBoundingClientRect().height");
        Number titleHeight = executeJavaScript("return document.querySelector('h1').getBoundingClientRect().height");
        assertThat(userHeight.doubleValue()).as("the signed-in user on one line").isLessThan(titleHeight.doubleValue() * 1.5);
        $("#current-user").shouldHave(text("admin"));

        open(server.baseUrl() + "/admin/audit");
        $$("#audit-cards .audit-card").shouldHave(CollectionCondition.sizeGreaterThanOrEqual(1));
        $("#audit-grid").shouldNot(exist);
        assertNoSidewaysScrolling();
    }

    private static void assertNoSidewaysScrolling() {
        Number overflow = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("page wider than the phone").isLessThanOrEqualTo(0);
    }

    @Test
    @Order(8)
    void anUnknownAddressShowsPageNotFoundInsideTheMenuWithStatus404() {
        open(server.baseUrl() + "/no/such/page");
        $("#not-found").shouldBe(visible).shouldHave(text("Page not found"), text("/no/such/page"));
        $("#logout").should(exist);
        $("body").shouldNotHave(text("Could not navigate"));
        Long status = executeAsyncJavaScript("const done = arguments[arguments.length - 1];"
                + "fetch('/no/such/page').then(r => done(r.status), () => done(-1));");
        assertThat(status).isEqualTo(404L);
    }

    @Test
    @Order(9)
    void saysThereIsNoConnectionInsteadOfOnlineAsSoonAsTheServerStops() throws Exception {
        open(server.baseUrl() + "/");
        $("#routers-cards .router-card").shouldHave(text("Online"));
        $("#connection-lost").shouldNotBe(visible);

        server.close();

        $("#connection-lost").shouldBe(visible, Duration.ofSeconds(3)).shouldHave(text("No connection"));
        $("#routers-cards").shouldNotHave(text("Online")).shouldHave(text("Unknown"));
    }

    @Test
    @Order(10)
    void followingAMenuLinkWhileOfflineShowsTheOfflinePageNotABlankOne() {
        $("vaadin-drawer-toggle").click();
        $$("vaadin-side-nav-item").findBy(text("Users")).shouldBe(visible).click();
        $("#offline").shouldBe(visible).shouldHave(text("cannot be reached"));
    }

    @Test
    @Order(11)
    void showsTheOfflinePageWhenTheServerCannotBeReached() throws Exception {
        server.close();
        open(server.baseUrl() + "/");
        $("#offline").shouldBe(visible).shouldHave(text("cannot be reached"));
    }

    @Test
    @Order(12)
    void showsTheOfflinePageWhenNavigatingToAnotherScreenWhileOffline() {
        open(server.baseUrl() + "/admin/users");
        $("#offline").shouldBe(visible).shouldHave(text("cannot be reached"));
    }
}
