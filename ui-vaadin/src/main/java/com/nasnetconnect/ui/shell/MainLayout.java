package com.nasnetconnect.ui.shell;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.login.Authentication;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import java.util.Optional;

/**
 * The frame around every signed-in view (Vaadin's automatic {@code @Layout}; the sign-in pages opt out): title bar
 * with the user and sign-out, and the navigation drawer. The drawer lists the {@code @Menu} screens in their order
 * ({@link MenuConfiguration}), without this class knowing any of them: a screen with a {@link MenuRole} only to
 * people (not API keys) whose role reaches it, the others to everyone.
 */
@Layout
public class MainLayout extends AppLayout {

    /** @param who the signed-in user, empty before sign-in; @param login signs out */
    public MainLayout(Optional<Principal> who, LoginHandler login) {
        H1 title = new H1("NasNetConnect");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        title.addClassName("nnc-nowrap");

        // on a phone only the name shows, on one line (the role is in the account page and the tooltip)
        Span role = new Span(who.map(p -> " · " + p.role().name().toLowerCase()).orElse(""));
        role.addClassName("nnc-user-role");
        Span user = new Span(new Span(who.map(Principal::name).orElse("")), role);
        user.setId("current-user");
        user.addClassName("nnc-current-user");
        who.ifPresent(p -> user.setTitle(p.name() + " · " + p.role().name().toLowerCase()));
        Button logout = new Button("Sign out", e -> Authentication.logout(login));
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        logout.addClassName("nnc-nowrap");
        HorizontalLayout bar = new HorizontalLayout(title, user, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");

        SideNav nav = new SideNav();
        for (MenuEntry entry : visible(MenuConfiguration.getMenuEntries(), who)) {
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }

        // shown by the style sheet only while the connection to the server is lost (see AppShell)
        Div connectionLost = new Div("No connection to NasNetConnect: what you see may be out of date. Reconnecting…");
        connectionLost.setId("connection-lost");
        connectionLost.addClassName("nnc-connection-lost");
        connectionLost.getElement().setAttribute("role", "status");

        addToNavbar(new DrawerToggle(), bar, connectionLost);
        addToDrawer(nav);
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
    }

    /**
     * The entries {@code who} is shown, in menu order: those without a {@link MenuRole}, and those whose role a
     * signed-in person (not an API key) has.
     */
    static List<MenuEntry> visible(List<MenuEntry> entries, Optional<Principal> who) {
        boolean person = who.isPresent() && !who.get().apiKey();
        return entries.stream().filter(e -> {
            MenuRole needed = e.menuClass() == null ? null : e.menuClass().getAnnotation(MenuRole.class);
            return needed == null || person && who.get().role().allows(needed.value());
        }).toList();
    }
}
