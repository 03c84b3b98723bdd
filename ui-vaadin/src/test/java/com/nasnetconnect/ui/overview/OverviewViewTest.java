package com.nasnetconnect.ui.overview;

import static com.nasnetconnect.ui.overview.OverviewFixture.NOW;
import static com.nasnetconnect.ui.overview.OverviewFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.telemetry.InterfaceState;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.charts.SvgChart;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router overview without a browser, over the real resource and service in-ports (SQLite) and fakes of the
 * status feed, telemetry and event log: what the page shows, the phone layout, a router that stops answering,
 * and an address that names no router.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class OverviewViewTest extends BrowserlessTest {
    @TempDir
    Path dir;
    OverviewFixture f;

    /** Runs instead of the inherited set-up: the in-ports and the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        f = new OverviewFixture(dir);
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.telemetry.record("cpuLoad", NOW, Duration.ofHours(1), 12);
        f.telemetry.interfaces = List.of(new InterfaceState("ether1", "ether", true, false, NOW),
                new InterfaceState("wg0", "wg", false, true, NOW));
        f.add(ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 20L, "interface", "ether1"));
        var login = TestScreens.sessionsOf(VIEWER);
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(com.nasnetconnect.ui.login.LoginView.class, () -> new com.nasnetconnect.ui.login.LoginView(login))
                .screen(OverviewView.class, () -> new OverviewView(f.controller()))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("vic-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, VIEWER);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    @Test
    void theOverviewShowsWhoTheRouterIsItsCpuChartInterfacesAndCountsLinkingToTheirPages() {
        navigate("routers/lab", OverviewView.class);

        assertThat($(Span.class).id("overview-identity").getText()).isEqualTo("lab-gw");
        assertThat($(Span.class).id("overview-version").getText()).isEqualTo("7.16.2");
        assertThat($(Span.class).id("overview-board").getText()).isEqualTo("RB5009UG+S+");
        assertThat($(Span.class).id("overview-status").getText()).isEqualTo("Online");
        assertThat($(Span.class).id("overview-cpu").getText()).as("the status's latest reading").isEqualTo("7 %");
        assertThat($(SvgChart.class).id("overview-cpu-chart").markup()).startsWith("<svg").contains("nnc-chart-line");
        assertThat($(SvgChart.class).id("overview-cpu-chart").getElement().getProperty("innerHTML")).contains("viewBox");
        assertThat(html("overview-interface-list")).contains(
                "<div class=\"overview-interface\" data-interface=\"ether1\"><span class=\"overview-strong\">ether1</span><span>ether</span><span class=\"nnc-badge nnc-badge-success\">running</span></div>",
                "<div class=\"overview-interface\" data-interface=\"wg0\"><span class=\"overview-strong\">wg0</span><span>wg</span><span class=\"nnc-badge nnc-badge-contrast\">disabled</span></div>");
        assertThat(html("overview-count-list")).as("one count, linking to the kind's page")
                .isEqualTo("<a href=\"routers/lab/vlan\" router-link class=\"overview-count\" data-kind=\"vlan\"><span>VLAN</span><span class=\"overview-strong\">1</span></a>");
        assertThat($(Anchor.class).id("overview-services-link").getHref()).isEqualTo("routers/lab/services");
        assertThat($(Div.class).id("overview-wide").isVisible()).isTrue();
    }

    @Test
    void aRouterThatStopsAnsweringIsShownAsLastSeenWithGreyedValuesOnTheNextRound() {
        navigate("routers/lab", OverviewView.class);

        f.clock.advance(Duration.ofMinutes(3));
        f.feed.round(OverviewFixture.unreachableSince(NOW, f.clock.instant(), "connecting to 10.0.0.1:8728 timed out"));

        assertThat($(Span.class).id("overview-status").getText()).isEqualTo("Last seen 3 minutes ago");
        assertThat($(Div.class).id("overview-problem").getText()).isEqualTo("The router did not answer in time.");
        assertThat($(Span.class).id("overview-cpu").getText()).isEqualTo("7 % (as of 06:00)");
        assertThat($(Div.class).id("overview-live").getClassNames()).contains("nnc-stale-card");
        assertThat($(SvgChart.class).id("overview-cpu-chart").markup()).contains("as of 06:00");
    }

    @Test
    void anAddressThatNamesNoRouterShowsAPlainPage() {
        navigate("routers/nope", OverviewView.class);

        Div page = $(Div.class).id("overview-not-found");
        assertThat(page.isVisible()).isTrue();
        assertThat(page.getElement().getTextRecursively()).contains("No router with id 'nope'.");
        assertThat($(Div.class).withId("overview-wide").exists()).as("no cards of a router that is not there").isFalse();
    }

    @Test
    void onAPhoneTheCardsStandInOneColumnAndInterfacesAreLines() {
        var c = f.controller();
        c.open("lab");
        var phone = new OverviewMobilePresenter();
        phone.show(c.state());

        Component column = phone.component();
        assertThat(column.getElement().getClassList()).contains("overview-column");
        assertThat(column.getChildren().count()).isEqualTo(8);
        assertThat(column.getChildren().allMatch(card -> card.getElement().getClassList().contains("nnc-phone"))).isTrue();
        assertThat(descendants(column).filter(d -> d.getElement().getClassList().contains("overview-interface-lines")).count())
                .isEqualTo(1);
        String interfaces = descendants(column).filter(d -> "overview-interface-list".equals(d.getId().orElse(""))).findFirst()
                .orElseThrow().getElement().getProperty("innerHTML");
        assertThat(interfaces).as("lines of name and type above each other").contains(
                "<div class=\"overview-interface\" data-interface=\"ether1\"><div><span class=\"overview-strong\">ether1</span><span class=\"overview-small\">ether</span></div>");
        assertThat(interfaces).as("no table header on a phone").doesNotContain("overview-interface-head");
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(OverviewViewTest::descendants));
    }

    /** The rows of one of the overview's lists, as the browser is sent them. */
    private String html(String listId) {
        return $(Div.class).id(listId).getElement().getProperty("innerHTML");
    }
}
