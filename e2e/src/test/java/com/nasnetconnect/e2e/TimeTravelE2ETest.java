package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.cssClass;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.executeAsyncJavaScript;
import static com.codeborne.selenide.Selenide.executeJavaScript;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.Keys;

/**
 * Time travel from the browser, against the packaged server and its demo router: a VLAN created and then renamed
 * over GraphQL (as the signed-in user), its drawer opened from the VLAN page, the history slider moved to before
 * the rename, and the old name shown with the configuration then and now side by side; at 1280 px (drawer beside
 * the list) and at 390 px (drawer full screen, nothing scrolls sideways, the close button a large tap target).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class TimeTravelE2ETest {
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible).shouldHave(text("Demo router"));
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    /** One GraphQL request with the browser's session; returns the response body. */
    static String graphql(String query) {
        return executeAsyncJavaScript("""
                const done = arguments[arguments.length - 1];
                fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
                    body: JSON.stringify({query: arguments[0]})}).then(r => r.text()).then(done, e => done('error ' + e));""", query);
    }

    /** Creates VLAN {@code before}, then renames it {@code after} (a later instant); returns its uuid. */
    static String createAndRename(String before, String after, int vlanId) throws Exception {
        String created = graphql("mutation { createVlan(routerId: \"demo\", input: {name: \"" + before + "\", vlanId: " + vlanId
                + ", interface: \"ether1\"}) { resource { uuid } userErrors { message } } }");
        assertThat(created).contains("\"userErrors\":[]");
        String uuid = created.replaceAll("(?s).*\"uuid\":\"([0-9a-f-]{36})\".*", "$1");

        String renamed = graphql("mutation { updateVlan(uuid: \"" + uuid + "\", input: {name: \"" + after + "\", vlanId: " + vlanId
                + ", interface: \"ether1\"}) { resource { uuid } userErrors { message } } }");
        assertThat(renamed).contains("\"userErrors\":[]");
        return uuid;
    }

    /** Moves the history slider with the keyboard to the instant just before the entry that renamed to {@code after}. */
    static void slideToBeforeRenameTo(String after) {
        $("#history-list").shouldHave(text("name"), Duration.ofSeconds(5));
        Number renameAt = executeJavaScript("""
                const ps = [...document.querySelectorAll('#history-list p')];
                const btns = [...document.querySelectorAll('#history-list vaadin-button')];
                for (let i = 0; i < ps.length; i++) if (ps[i].textContent.includes('→ ' + arguments[0])) return Number(btns[i].id.replace('history-entry-', ''));
                return -1;""", after);
        assertThat(renameAt.intValue()).as("the rename is in the history").isGreaterThan(0);
        int max = Integer.parseInt($("#history-slider").getAttribute("max").replace(".0", ""));
        $("#history-slider").scrollIntoView("{block: 'center'}").click();
        // a click lands somewhere on the track: go to the end, then step back to the instant before the rename
        for (int i = 0; i <= max; i++) $("#history-slider").sendKeys(Keys.ARROW_RIGHT);
        for (int i = 0; i < max - (renameAt.intValue() - 1); i++) $("#history-slider").sendKeys(Keys.ARROW_LEFT);
    }

    @Test
    @Order(1)
    void onADesktopTheSliderShowsTheVlanBeforeItsRenameAndTheDiffWithNow() throws Exception {
        createAndRename("tt-old", "tt-new", 301);
        open(server.baseUrl() + "/routers/demo/vlan");
        $$("#resource-grid vaadin-grid-cell-content").findBy(text("tt-new")).shouldBe(visible).click();
        $("#drawer-title").shouldHave(text("VLAN tt-new"));
        $("#drawer-configuration").shouldHave(text("tt-new"));

        slideToBeforeRenameTo("tt-new");

        $("#history-diff").shouldHave(text("VLAN tt-old at "), Duration.ofSeconds(5));
        $("#history-at").shouldHave(text("Then: "));
        List<String> changed = executeJavaScript("return [...document.querySelectorAll('#history-diff .drawer-changed')].map(e => e.textContent)");
        assertThat(changed).containsExactly("name", "tt-old", "tt-new");
        List<Number> box = executeJavaScript("""
                const d = document.querySelector('#resource-drawer').getBoundingClientRect();
                const l = document.querySelector('#resource-list').getBoundingClientRect();
                return [d.left, l.right, d.width];""");
        assertThat(box.get(0).doubleValue()).as("the drawer is beside the list").isGreaterThanOrEqualTo(box.get(1).doubleValue());
    }

    @Test
    @Order(2)
    void onAPhoneTheDrawerIsFullScreenAndTheSameTimeTravelWorksWithoutSidewaysScrolling() throws Exception {
        createAndRename("tp-old", "tp-new", 302);
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        try {
            open(server.baseUrl() + "/routers/demo/vlan");
            $$(".resource-card").findBy(text("tp-new")).shouldBe(visible).click();
            $("#drawer-title").shouldHave(text("VLAN tp-new"));

            slideToBeforeRenameTo("tp-new");

            $("#history-diff").shouldHave(text("VLAN tp-old at "), Duration.ofSeconds(5));
            $$("#history-diff .drawer-changed").first().shouldHave(cssClass("drawer-cell"), text("name"));
            Number sideways = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(sideways.intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
            Number drawerSideways = executeJavaScript("const d = document.querySelector('#resource-drawer'); return d.scrollWidth - d.clientWidth");
            assertThat(drawerSideways.intValue()).as("the drawer scrolls sideways; wider than it: %s", (Object) executeJavaScript(
                    "const d = document.querySelector('#resource-drawer').getBoundingClientRect();"
                    + "return [...document.querySelectorAll('#resource-drawer *')].filter(e => e.getBoundingClientRect().right > d.right + 0.5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right + '>' + d.right).slice(0, 5).join('; ')"))
                    .isLessThanOrEqualTo(0);
            Number width = executeJavaScript("return document.querySelector('#resource-drawer').getBoundingClientRect().width");
            assertThat(width.doubleValue()).as("full screen").isGreaterThan(330);
            List<Number> heights = executeJavaScript("return [...document.querySelectorAll('#resource-drawer-place vaadin-button')]"
                    + ".filter(b => b.offsetParent !== null).map(b => b.getBoundingClientRect().height)");
            assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h.doubleValue()).as("tap target height").isGreaterThanOrEqualTo(44));
            $("#resource-drawer-close").click();
            $("#resource-drawer").shouldNotBe(visible);
        } finally {
            WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
