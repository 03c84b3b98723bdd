package com.nasnetconnect.ui.shell;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.account.AccountView;
import com.nasnetconnect.ui.admin.ApiKeysView;
import com.nasnetconnect.ui.admin.AuditView;
import com.nasnetconnect.ui.admin.UsersView;
import com.nasnetconnect.ui.dashboard.DashboardView;
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

/** The frame around every signed-in view: title bar with the user and sign-out, and the navigation drawer. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("NasNetConnect");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        title.addClassName("nnc-nowrap");

        Principal who = Authentication.current().orElse(null);
        // on a phone only the name shows, on one line (the role is in the account page and the tooltip)
        Span role = new Span(who == null ? "" : " · " + who.role().name().toLowerCase());
        role.addClassName("nnc-user-role");
        Span user = new Span(new Span(who == null ? "" : who.name()), role);
        user.setId("current-user");
        user.addClassName("nnc-current-user");
        if (who != null) user.setTitle(who.name() + " · " + who.role().name().toLowerCase());
        Button logout = new Button("Sign out", e -> Authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        logout.addClassName("nnc-nowrap");
        HorizontalLayout bar = new HorizontalLayout(title, user, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class));
        nav.addItem(new SideNavItem("VLANs", com.nasnetconnect.ui.resources.VlansView.class));
        if (who != null && !who.apiKey() && who.role().allows(Role.ADMIN)) {
            // only what the role may use; the domain services refuse the rest anyway
            nav.addItem(new SideNavItem("Users", UsersView.class));
            nav.addItem(new SideNavItem("API keys", ApiKeysView.class));
            nav.addItem(new SideNavItem("Audit trail", AuditView.class));
        }
        if (who != null && !who.apiKey()) nav.addItem(new SideNavItem("My account", AccountView.class));

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
}
