package com.nasnetconnect.e2e;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exactText;
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
 * The generic resource pages in Chromium against the packaged server and its demo router: a VLAN, an IP pool and
 * a firewall rule created, edited and deleted through the forms the schema builds (a bad value refused beside its
 * field, in the API's words); the impact shown before deleting a VLAN that an IP address uses, with cascade as its
 * own button; a VLAN created over GraphQL with an API key appearing on the open page within a second, without a
 * reload; the old /vlans address; and the page on a phone (cards, nothing sideways, tap targets of 44 px).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class ResourcesE2ETest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(Map.of());
        Browser.open(1280, 800);
        open(server.baseUrl() + "/");
        Browser.signIn("admin", ServerProcess.ADMIN_PASSWORD);
        $("#routers-grid").shouldBe(visible);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.close();
        if (server != null) server.close();
    }

    static void page(String kind) {
        open(server.baseUrl() + "/routers/demo/" + kind);
        $("#resource-title").shouldBe(visible).shouldHave(text("Demo router"));
    }

    static void type(String field, String value) {
        $("#field-" + field + " input").setValue(value);
    }

    static void pick(String field, String value) {
        $("#field-" + field + " input").setValue(value).pressEnter();
        $("#field-" + field + " input").shouldHave(com.codeborne.selenide.Condition.value(value));
    }

    static void choose(String field, String value) {
        $("#field-" + field).click();
        $$("vaadin-select-item").findBy(exactText(value)).click();
        $("#field-" + field).shouldHave(text(value));
    }

    static void save() {
        $("#resource-save").click();
    }

    static void deleteFirst(String confirmLabel) {
        $$(".resource-delete").filter(visible).first().click();
        $("#delete-dialog [slot='confirm-button']").shouldHave(text(confirmLabel)).click();
    }

    @Test
    @Order(1)
    void createsEditsAndDeletesAVlanAnIpPoolAndAFirewallRuleThroughTheGeneratedForms() {
        page("vlan");
        $("#resource-add").click();
        $("#resource-form").shouldBe(visible);
        type("name", "guest");
        type("vlanId", "5000");
        pick("interface", "ether2");
        save();
        $("#field-vlanId").shouldHave(attribute("invalid")).shouldHave(text("must be at most 4094, was 5000"));
        $("#field-name input").shouldHave(com.codeborne.selenide.Condition.value("guest"));
        type("vlanId", "30");
        save();
        $("#resource-notice").shouldHave(text("VLAN guest created on the router."));
        $("#resource-grid").shouldHave(text("VLAN guest"), text("30"), text("ether2"), text("deployed"));

        $$(".resource-edit").filter(visible).first().click();
        $("#field-vlanId input").shouldHave(com.codeborne.selenide.Condition.value("30"));
        type("vlanId", "31");
        save();
        $("#resource-notice").shouldHave(text("VLAN guest saved on the router."));
        $("#resource-grid").shouldHave(text("31"));
        deleteFirst("Delete");
        $("#resource-notice").shouldHave(text("VLAN guest deleted from the router."));
        $("#resource-grid").shouldNotHave(text("VLAN guest"));

        page("ip-pool");
        $("#resource-add").click();
        type("name", "guests");
        type("ranges", "10.0.0.100-10.0.0.200, 10.0.1.10-10.0.1.20");
        save();
        $("#resource-grid").shouldHave(text("IP pool guests"), text("10.0.0.100-10.0.0.200, 10.0.1.10-10.0.1.20"));
        $$(".resource-edit").filter(visible).first().click();
        type("ranges", "10.0.0.50-10.0.0.60");
        save();
        $("#resource-grid").shouldHave(text("10.0.0.50-10.0.0.60")).shouldNotHave(text("10.0.1.10"));
        deleteFirst("Delete");
        $("#resource-grid").shouldNotHave(text("IP pool guests"));

        page("firewall-filter");
        $("#resource-add").click();
        type("chain", "forward");
        choose("action", "drop");
        type("srcAddress", "10.9.0.0/24");
        save();
        $("#resource-grid").shouldHave(text("firewall rule forward drop 10.9.0.0/24"));
        $$(".resource-edit").filter(visible).first().click();
        choose("action", "reject");
        save();
        $("#resource-grid").shouldHave(text("firewall rule forward reject 10.9.0.0/24"));
        deleteFirst("Delete");
        $("#resource-grid").shouldNotHave(text("10.9.0.0/24"));
    }

    @Test
    @Order(2)
    void deletingAVlanThatAnAddressUsesShowsWhatBreaksAndDeletesAllOnlyWhenAskedTo() {
        page("vlan");
        $("#resource-add").click();
        type("name", "office");
        type("vlanId", "40");
        pick("interface", "ether2");
        save();
        $("#resource-grid").shouldHave(text("VLAN office"));
        page("ip-address");
        $("#resource-add").click();
        type("address", "10.40.0.1/24");
        pick("interface", "office");
        save();
        $("#resource-grid").shouldHave(text("IP address 10.40.0.1/24 on office"));

        page("vlan");
        $$(".resource-delete").filter(visible).first().click();
        $("#delete-impact").shouldHave(text("Deleting VLAN office breaks: IP address 10.40.0.1/24 on office"));
        $("#delete-dialog [slot='cancel-button']").click();
        $("#delete-impact").shouldNot(exist);
        $("#resource-grid").shouldHave(text("VLAN office"));

        $$(".resource-delete").filter(visible).first().click();
        $("#delete-dialog [slot='confirm-button']").shouldHave(text("Delete all 2")).click();
        $("#resource-notice").shouldHave(text("VLAN office and 1 that depended on it deleted from the router."));
        page("ip-address");
        $("#resource-grid").shouldNotHave(text("10.40.0.1/24"));
    }

    @Test
    @Order(3)
    void aVlanCreatedOverGraphQlWithAnApiKeyAppearsOnTheOpenPageWithinASecondWithoutReload() throws Exception {
        var created = ServerProcess.runToExit(List.of("apikey", "create", "--name", "e2e-resources", "--role", "operator",
                "--data-dir", server.dataDir.toString()), Map.of(), Duration.ofSeconds(60));
        assertThat(created.exitCode()).as(created.output()).isZero();
        String key = created.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();
        page("vlan");
        executeJavaScript("window.__nncNoReload = 'still here'; window.__seenAt = null;"
                + "const seen = () => (document.querySelector('#resource-grid')?.textContent ?? '').includes('fromapi');"
                + "new MutationObserver((m, o) => { if (window.__seenAt === null && seen()) { window.__seenAt = Date.now(); o.disconnect(); } })"
                + ".observe(document.body, {subtree: true, childList: true, characterData: true});");

        String body = "{\"query\": \"mutation { createVlan(routerId: \\\"demo\\\", input: {name: \\\"fromapi\\\", vlanId: 88, interface: \\\"ether2\\\"})"
                + " { resource { uuid } userErrors { message } } }\"}";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long answeredAt = System.currentTimeMillis();
        assertThat(answer.body()).contains("uuid").contains("\"userErrors\":[]");

        $("#resource-grid").shouldHave(text("VLAN fromapi"), text("88"));
        long seenAt = ((Number) executeJavaScript("return window.__seenAt")).longValue();
        long lag = Math.max(0, seenAt - answeredAt);
        System.out.println("resource page: VLAN created over GraphQL shown " + lag + " ms after the API answered");
        assertThat(lag).as("ms from the API's answer to the open page showing the VLAN").isBetween(0L, 1000L);
        assertThat((String) executeJavaScript("return window.__nncNoReload")).isEqualTo("still here");
    }

    @Test
    @Order(4)
    void theOldVlansAddressOpensTheFirstRoutersVlanPage() {
        open(server.baseUrl() + "/vlans");
        $("#resource-title").shouldHave(text("VLANs · Demo router"));
        assertThat(WebDriverRunner.url()).endsWith("/routers/demo/vlan");
        open(server.baseUrl() + "/routers/demo/vlanz");
        $("#resource-missing").shouldHave(text("No such page: vlanz"));
    }

    @Test
    @Order(5)
    void onAPhoneTheListIsCardsNothingScrollsSidewaysAndAPoolIsCreatedEditedAndDeleted() {
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(390, 844));
        try {
            page("ip-pool");
            $("#resource-add").click();
            type("name", "phone-pool-with-a-long-name");
            type("ranges", "192.168.77.10-192.168.77.250");
            save();
            $$("#resource-cards .resource-card").shouldHave(CollectionCondition.size(1));
            $("#resource-cards").shouldHave(text("IP pool phone-pool-with-a-long-name"), text("192.168.77.10-192.168.77.250"));
            Number sideways = executeJavaScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(sideways.intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
            List<Number> heights = executeJavaScript("return [...document.querySelectorAll('.nnc-resource-page vaadin-button')]"
                    + ".filter(b => b.offsetParent !== null).map(b => b.getBoundingClientRect().height)");
            assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h.doubleValue()).as("tap target height").isGreaterThanOrEqualTo(44));

            $$(".resource-edit").filter(visible).first().click();
            type("ranges", "192.168.77.20-192.168.77.30");
            save();
            $("#resource-cards").shouldHave(text("192.168.77.20-192.168.77.30"));
            $(".resource-card h3").click();
            $("#resource-drawer-place").shouldBe(visible);
            Number drawerWidth = executeJavaScript("return document.getElementById('resource-drawer-place').getBoundingClientRect().width");
            assertThat(drawerWidth.intValue()).as("the drawer is full screen on a phone").isGreaterThanOrEqualTo(380);
            $("#resource-drawer-close").click();
            $("#resource-drawer-place").shouldNotBe(visible);
            deleteFirst("Delete");
            $("#resource-notice").shouldHave(text("IP pool phone-pool-with-a-long-name deleted from the router."));
            $("#resource-cards").shouldNotHave(text("phone-pool"));
        } finally {
            WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
