package com.nasnetconnect.ui.drawer;

import static com.nasnetconnect.ui.drawer.DrawerFixture.OPERATOR;
import static com.nasnetconnect.ui.drawer.DrawerFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawer's presenter without a browser, in a host page as a resource page holds it, over the real in-ports: its
 * sections, the history's instants and the side-by-side diff, and the drift actions with their outcome.
 */
@Timeout(60)
@ViewPackages(classes = DrawerHost.class)
class ResourceDrawerViewTest extends BrowserlessTest {
    @TempDir Path dir;
    DrawerFixture f;
    Principal who = OPERATOR;

    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        f = new DrawerFixture(dir);
        var login = TestScreens.sessionsOf(who);
        TestScreens.next(Screens.builder(login)
                .screen(com.nasnetconnect.ui.login.LoginView.class, () -> new com.nasnetconnect.ui.login.LoginView(login))
                .screen(DrawerHost.class, () -> new DrawerHost(new ResourceDrawer(f.controller(
                        com.nasnetconnect.ui.login.Authentication.signedIn()))))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("otto-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, who);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private DrawerHost host() {
        return navigate("drawer-host", DrawerHost.class);
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private List<String> cells(String mark) {
        return $(Span.class).withClassName("drawer-" + mark).all().stream().map(Span::getText).toList();
    }

    @Test
    void aClosedDrawerShowsNothingAndOpeningItShowsTheLayers() {
        var vlan = f.vlan("guest");
        var host = host();
        assertThat(host.drawer.getElement().isVisible()).isFalse();

        host.drawer.open(vlan.id());

        assertThat(host.drawer.getElement().isVisible()).isTrue();
        assertThat($(H3.class).id("drawer-title").getText()).isEqualTo("VLAN guest");
        for (String section : List.of("drawer-configuration", "drawer-validation", "drawer-deployment", "drawer-runtime",
                "drawer-telemetry", "drawer-metadata", "drawer-relationships", "drawer-platform", "drawer-drift", "drawer-history")) {
            assertThat($(Details.class).id(section).isVisible()).as(section).isTrue();
        }
        assertThat(text($(Details.class).id("drawer-configuration"))).contains("vlanId").contains("10").contains("ether1");
        assertThat(text($(Details.class).id("drawer-deployment"))).contains(vlan.deployment().orElseThrow().nativeId());
        assertThat($(Button.class).id("drift-check").getMinHeight()).isEqualTo("44px");
    }

    @Test
    void pickingAnOlderInstantShowsTheConfigurationThenAndNowWithTheChangeHighlighted() {
        Resource vlan = f.vlan("guest");
        f.clock.advance(Duration.ofMinutes(1));
        f.changes.update(OPERATOR, vlan.id(), ResourceKind.VLAN, Fields.of("name", "guest2"));
        var host = host();
        host.drawer.open(vlan.id());
        RangeInput slider = $(RangeInput.class).id("history-slider");
        assertThat(slider.getMax()).isEqualTo(1.0);
        assertThat(slider.getValue()).isEqualTo(1.0);
        assertThat($(Div.class).id("history-diff").getChildren()).isEmpty();

        test($(Button.class).id("history-entry-0")).click();

        assertThat(slider.getValue()).isEqualTo(0.0);
        assertThat(text($(Div.class).id("history-diff"))).contains("VLAN guest at 2026-12-01 12:00:00");
        assertThat(cells("changed")).containsExactly("name", "guest", "guest2");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("history-at").getText()).startsWith("Then: 2026-12-01 12:00:00 · otto");
    }

    @Test
    void driftIsListedAndAcceptingTheRoutersValueReportsWhatHappened() {
        var vlan = f.vlan("guest");
        var host = host();
        host.drawer.open(vlan.id());
        assertThat($(Button.class).withId("drift-accept").exists()).as("nothing to accept before a drift").isFalse();
        f.onRouter("guest", "vlan-id", "11");

        test($(Button.class).id("drift-check")).click();

        assertThat($(Details.class).id("drawer-drift").isOpened()).isTrue();
        assertThat($(Div.class).id("drift-fields").getChildren().map(c -> c.getElement().getText()).toList())
                .containsExactly("Field", "Yours", "Router", "vlanId", "10", "11");
        assertThat($(Button.class).id("drift-accept").isVisible()).isTrue();
        assertThat($(Button.class).id("drift-reapply").isVisible()).isTrue();
        f.clock.advance(Duration.ofSeconds(1));

        test($(Button.class).id("drift-accept")).click();

        assertThat($(NoticeBanner.class).id("drawer-notice").getText()).contains("VLAN guest now holds the router's values");
        assertThat(text($(Details.class).id("drawer-configuration"))).contains("11");
        assertThat($(Button.class).withId("drift-accept").exists()).isFalse();
    }
}
