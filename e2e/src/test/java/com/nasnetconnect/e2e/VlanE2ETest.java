package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.executeAsyncJavaScript;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.Condition;
import com.codeborne.selenide.WebDriverRunner;
import org.openqa.selenium.Dimension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The owner adds a VLAN to the demo router from the browser: the form refuses what schema.graphql's rules
 * refuse (before anything reaches the router), and a valid VLAN shows up with the id the router gave it.
 */
@Timeout(120)
class VlanE2ETest {
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
    void addsAVlanThroughTheFormAndRefusesAnOutOfRangeId() {
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible);

        open(server.baseUrl() + "/vlans");
        $("#vlan-router input").shouldHave(Condition.value("Demo router"));
        $("#vlan-name input").setValue("guests");
        $("#vlan-id input").setValue("5000");
        $("#vlan-add").click();
        $("#vlan-id").shouldHave(attribute("invalid"));
        $("#vlans-grid").shouldNotHave(text("guests"));

        $("#vlan-id input").setValue("77");
        $("#vlan-add").click();
        $("#vlan-notice").shouldHave(text("created on the router as *"));
        $("#vlans-grid").shouldHave(text("guests"), text("77"), text("ether2"));
    }

    @Test
    void aVlanCreatedOverGraphQlAppearsInTheOpenPageWithoutReload() {
        open(server.baseUrl() + "/");
        $("#routers-grid, input[name='username']").shouldBe(visible); // signed in already by the other test, or not
        if ($("input[name='username']").exists()) Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible);
        open(server.baseUrl() + "/vlans");
        $("#vlan-router input").shouldHave(Condition.value("Demo router"));
        executeJavaScript("window.__nncNoReload = 'still here'");

        String answer = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},"
                        + " body: JSON.stringify({query: 'mutation { createVlan(routerId: \"demo\", input: {name: \"fromapi\", vlanId: 88, interface: \"ether2\"})"
                        + " { resource { uuid } userErrors { message } } }'})}).then(r => r.text()).then(done, e => done('error ' + e));");
        assertThat(answer).contains("uuid").doesNotContain("errors").contains("\"userErrors\":[]");

        $("#vlans-grid").shouldHave(text("fromapi"), text("88"));
        assertThat((String) executeJavaScript("return window.__nncNoReload")).isEqualTo("still here");
    }

    @Test
    void onAPhoneTheVlanListFitsTheScreenWithoutTheRoutersInternalId() {
        open(server.baseUrl() + "/");
        $("#routers-grid, input[name='username']").shouldBe(visible);
        if ($("input[name='username']").exists()) Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible);
        String answer = executeAsyncJavaScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},"
                        + " body: JSON.stringify({query: 'mutation { createVlan(routerId: \"demo\", input: {name: \"phone-vlan-long\", vlanId: 99, interface: \"ether2\"})"
                        + " { userErrors { message } } }'})}).then(r => r.text()).then(done, e => done('error ' + e));");
        assertThat(answer).contains("\"userErrors\":[]");
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        try {
            open(server.baseUrl() + "/vlans");
            $("#vlans-grid").shouldHave(text("phone-vlan-long"));
            $("#vlans-grid").shouldNotHave(text("Router id"));
            Number inner = executeJavaScript("const t = document.getElementById('vlans-grid').shadowRoot.getElementById('table');"
                    + " return t.scrollWidth - t.clientWidth");
            assertThat(inner.intValue()).as("the table scrolls sideways").isLessThanOrEqualTo(0);
            Number page = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(page.intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
        } finally {
            WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
