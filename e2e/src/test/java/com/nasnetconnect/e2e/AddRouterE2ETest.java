package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.nio.file.Files;
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
 * Adding a router from the browser, against the packaged server and a second RouterOS simulator started here
 * (identity "branch-gw", a VLAN "guest" configured by hand): the wizard refuses a wrong password at the user
 * name with the form still filled, the connection test names the router and what adopt imports, "Add and adopt"
 * opens the new router's overview address, and the dashboard links to it. Then on a phone: nothing scrolls
 * sideways on the dashboard, the wizard and the admin pages, the header stays one line, and the drawer holds the
 * router switcher and the router's pages as 44 px tap targets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class AddRouterE2ETest {
    static ServerProcess server;
    static RouterOsSimulator branch;
    static String addedPath;

    @BeforeAll
    static void start() throws Exception {
        branch = RouterOsSimulator.builder().version("7.16.2").identity("branch-gw").credentials("admin", "branch-pw-1")
                .apiPort(0).tlsPort(-1).build().start();
        try (var gateway = new RouterOsGateway(GatewaySettings.defaults(),
                new FileCertificatePins(Files.createTempDirectory("nnc-e2e-pins").resolve("pins")))) {
            gateway.execute(new RouterEndpoint("127.0.0.1", branch.apiPort(), false, "admin", Secret.of("branch-pw-1")),
                    RouterCommand.of("/interface/vlan/add").with("name", "guest").with("vlan-id", "20").with("interface", "ether1"));
        }
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
        if (branch != null) branch.close();
    }

    @Test
    @Order(1)
    void addsAndAdoptsARouterThroughTheWizardAndFindsItOnTheDashboard() {
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"));
        $("#add-router").shouldBe(visible).click();
        $("#router-name").shouldBe(visible);
        assertThat(WebDriverRunner.url()).endsWith("/routers/add");

        $("#router-name input").setValue("Branch office");
        $("#router-host input").setValue("127.0.0.1");
        $("#router-port input").setValue(String.valueOf(branch.apiPort()));
        $("#router-username input").setValue("admin");
        $("#router-password input").setValue("not-the-password").pressTab();
        $("#test-connection").click();
        $("#router-username").shouldHave(attribute("invalid")).shouldHave(text("check the user name and password"));
        $("#router-password input").shouldHave(value("not-the-password"));
        $("#router-name input").shouldHave(value("Branch office"));

        $("#router-password input").setValue("branch-pw-1").pressTab();
        $("#test-connection").click();
        $("#test-result").shouldBe(visible).shouldHave(text("branch-gw"), text("7.16.2"));
        $("#adopt-preview").shouldHave(text("VLAN"), text("guest"));
        Boolean stillInvalid = executeJavaScript("return document.getElementById('router-username').hasAttribute('invalid')");
        assertThat(stillInvalid).as("the user name's error is gone after a good login").isFalse();

        $("#add-and-adopt").scrollIntoView("{block: \"center\"}").click();
        $("#current-router").shouldHave(text("Branch office"), Duration.ofSeconds(15));
        addedPath = WebDriverRunner.url().substring(server.baseUrl().length());
        assertThat(addedPath).matches("/routers/[^/]+").isNotEqualTo("/routers/add");

        open(server.baseUrl() + "/");
        $("#routers-grid").shouldHave(text("Branch office"));
        String href = executeJavaScript("return Array.from(document.querySelectorAll('#routers-grid a.router-overview-link'))"
                + ".filter(a => a.textContent === 'Branch office').map(a => a.getAttribute('href'))[0]");
        assertThat("/" + href).isEqualTo(addedPath);
        open(server.baseUrl() + addedPath);
        $("#current-router").shouldHave(text("Branch office"));
    }

    @Test
    @Order(2)
    void aBadAddressIsRefusedNextToTheFieldNamingIt() {
        open(server.baseUrl() + "/routers/add");
        $("#router-name input").setValue("Typo");
        $("#router-host input").setValue("router one!");
        $("#router-password input").setValue("x").pressTab();
        $("#test-connection").click();
        $("#router-host").shouldHave(attribute("invalid")).shouldHave(text("'router one!'"));
        $("#router-host input").shouldHave(value("router one!"));
        $("#test-result").shouldNotBe(visible);
    }

    @Test
    @Order(3)
    void onAPhoneNothingScrollsSidewaysAndTheHeaderIsOneLine() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/routers/add", "/admin/audit", "/admin/users", "/admin/api-keys", "/account", addedPath)) {
            open(server.baseUrl() + page);
            $("#current-user").shouldBe(visible).shouldHave(text("admin"));
            if (page.equals("/")) $("#routers-cards").shouldHave(text("Branch office"));
            assertNoSidewaysScrolling(page);
            Number navbar = executeJavaScript("return document.querySelector('.nnc-navbar').getBoundingClientRect().height");
            assertThat(navbar.doubleValue()).as("header height on " + page).isLessThanOrEqualTo(64);
            Number line = executeJavaScript("return document.getElementById('current-user').getBoundingClientRect().height");
            assertThat(line.doubleValue()).as("the user's name on one line on " + page).isLessThan(32);
        }
        $("#current-router").shouldBe(visible).shouldHave(text("Branch office"));
    }

    @Test
    @Order(4)
    void onAPhoneTheDrawerHoldsTheRouterSwitcherAndTheRoutersPagesAsLargeTapTargets() {
        open(server.baseUrl() + addedPath);
        $("vaadin-drawer-toggle").click();
        $("#router-switcher").shouldBe(visible).shouldHave(text("Branch office"));
        $("#nav-overview").shouldBe(visible);
        $("#nav-vlan").should(exist);
        String vlanPath = executeJavaScript("return document.getElementById('nav-vlan').getAttribute('path')");
        assertThat(vlanPath).endsWith(addedPath.substring(1) + "/vlan");
        Number tap = executeJavaScript("return document.getElementById('nav-overview').getBoundingClientRect().height");
        assertThat(tap.doubleValue()).as("tap target height").isGreaterThanOrEqualTo(44);
        Number toggle = executeJavaScript("return document.querySelector('vaadin-drawer-toggle').getBoundingClientRect().height");
        assertThat(toggle.doubleValue()).isGreaterThanOrEqualTo(44);
    }

    private static void assertNoSidewaysScrolling(String page) {
        Number overflow = executeJavaScript("return document.scrollingElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways scrolling on " + page).isLessThanOrEqualTo(0);
    }
}
