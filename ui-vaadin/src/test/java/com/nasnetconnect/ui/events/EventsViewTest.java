package com.nasnetconnect.ui.events;

import static com.nasnetconnect.ui.events.EventsControllerTest.LAB;
import static com.nasnetconnect.ui.events.EventsControllerTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.events.EventsController.EventRow;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The events page without a browser, over an in-memory event log: the table, live rows, the class filter, phone cards. */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class EventsViewTest extends BrowserlessTest {
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);
    final MemoryEventLog log = new MemoryEventLog();

    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        var login = TestScreens.sessionsOf(VIEWER);
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(com.nasnetconnect.ui.login.LoginView.class, () -> new com.nasnetconnect.ui.login.LoginView(login))
                .screen(EventsView.class, () -> new EventsView(new EventsController(log, id -> List.of(),
                        id -> id.equals(LAB) ? Optional.of("Lab router") : Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC),
                        ZoneOffset.UTC, 3)))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("vic-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, VIEWER);
    }

    void event(int minutesAgo, EventClass c, String type, Map<String, Object> data) {
        log.record(LAB, c, type, NOW.minus(Duration.ofMinutes(minutesAgo)), "alice", data);
    }

    @SuppressWarnings("unchecked")
    Grid<EventRow> grid() {
        return $(Grid.class).id("events-grid");
    }

    @Test
    void theTableNamesEachEventsObjectAndANewOneAppearsOnTopWithoutReload() {
        event(5, EventClass.CRITICAL, "resource.created", Map.of("kind", "VLAN", "label", "VLAN guest", "resourceId", "x"));
        navigate("routers/lab/events", EventsView.class);
        assertThat($(com.vaadin.flow.component.html.H2.class).id("events-title").getText()).isEqualTo("Events · Lab router");
        var g = test(grid());
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.getCellText(0, g.getColumnPosition("subject"))).isEqualTo("VLAN guest");
        assertThat(g.getCellText(0, g.getColumnPosition("actor"))).isEqualTo("alice");

        log.record(LAB, EventClass.CRITICAL, "resource.deleted", NOW.plusSeconds(1), "bob", Map.of("kind", "VLAN", "label", "VLAN iot"));

        assertThat(g.size()).isEqualTo(2);
        assertThat(g.getCellText(0, g.getColumnPosition("subject"))).isEqualTo("VLAN iot");
        assertThat(g.getCellText(0, g.getColumnPosition("actor"))).isEqualTo("bob");
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingAClassFiltersTheTableAndLowOnesShowOnlyWhenTicked() {
        event(3, EventClass.CRITICAL, "service.installed", Map.of("interface", "nnc-tor-usa"));
        event(2, EventClass.LOW, "telemetry.router", Map.of());
        event(1, EventClass.NORMAL, "router.reachable", Map.of("router", "Lab router"));
        navigate("routers/lab/events", EventsView.class);
        var classes = test((CheckboxGroup<EventClass>) $(CheckboxGroup.class).id("events-class"));
        assertThat(classes.getSelected()).containsExactlyInAnyOrder(EventClass.CRITICAL, EventClass.NORMAL);
        assertThat(test(grid()).size()).isEqualTo(2);

        classes.deselectItem("Normal");
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).subject()).isEqualTo("service nnc-tor-usa");

        classes.selectItem("Low");
        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat(test(grid()).getRow(0).subject()).isEqualTo("router Lab router");
    }

    @Test
    void onAnOlderPageNewEventsAreCountedAndTheButtonJumpsToTheNewest() {
        for (int i = 10; i > 0; i--) event(i, EventClass.NORMAL, "router.reachable", Map.of("router", "Lab router"));
        EventsView view = navigate("routers/lab/events", EventsView.class);
        test($(Button.class).id("events-older")).click();
        Button jump = find(view, "events-new");
        assertThat(jump.isVisible()).isFalse();

        log.record(LAB, EventClass.NORMAL, "router.unreachable", NOW.plusSeconds(1), "system", Map.of("router", "Lab router", "reason", "timeout"));

        assertThat(jump.isVisible()).isTrue();
        assertThat(jump.getText()).isEqualTo("1 new event");
        test(jump).click();
        assertThat(test(grid()).getRow(0).action()).isEqualTo("unreachable: timeout");
        assertThat(jump.isVisible()).isFalse();
    }

    @Test
    void onAPhoneEachEventIsACardWithALargeChangesButton() {
        event(1, EventClass.CRITICAL, "resource.configured", Map.of("kind", "VLAN", "label", "VLAN guest", "resourceId",
                "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "version", 2L, "changedFields", List.of("vlanId")));
        var c = new EventsController(log, id -> List.of(), id -> Optional.of("Lab router"), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, 3);
        c.open("lab");
        var phone = new EventsMobilePresenter(id -> { });

        phone.show(c.state());

        Component card = phone.component().getChildren().findFirst().orElseThrow();
        assertThat(card.getElement().getAttribute("data-class")).isEqualTo("critical");
        assertThat(card.getElement().getTextRecursively()).contains("VLAN guest", "changed vlanId", "by alice", "hot");
        assertThat(buttons(card)).singleElement().satisfies(b -> {
            assertThat(b.getText()).isEqualTo("Show changes");
            assertThat(b.getThemeNames()).contains(ButtonVariant.LUMO_LARGE.getVariantName());
        });
    }

    /** A button by id, also while it is hidden (locators find visible components only). */
    static Button find(Component root, String id) {
        return buttons(root).stream().filter(b -> b.getId().equals(Optional.of(id))).findFirst().orElseThrow();
    }

    static List<Button> buttons(Component root) {
        return root.getChildren().flatMap(c -> c instanceof Button b ? Stream.of(b) : buttons(c).stream()).toList();
    }
}
