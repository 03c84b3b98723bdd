package com.nasnetconnect.ui.shell;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.shell.ShellController.RouterChoice;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The frame around every signed-in view (Vaadin's automatic {@code @Layout}; the sign-in pages opt out).
 *
 * <p>Header, on one line even 360 px wide: the drawer toggle, the title, the current router's name when the
 * address is in a router, and the user's menu (account, sign out). Navigation drawer: the router switcher (picking
 * a router opens its overview), the current router's pages ({@link ShellController} decides them), then the fleet
 * pages: the {@code @Menu} screens in their order ({@link MenuConfiguration}, without this class knowing any of
 * them: one with a {@link MenuRole} only to people, not API keys, whose role reaches it) and "Add router" for
 * operators, and sign-out. The links are markup ({@link NavMarkup}).
 */
@Layout
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private final ShellController shell;
    private final Span routerName = new Span();
    private final Select<RouterChoice> switcher = new Select<>();
    private final Div routerPages = new Div();

    /** Without a router list (tests of a single screen): no switcher entries. */
    public MainLayout(Optional<Principal> who, LoginHandler login) {
        this(who, login, new ShellController(List::of));
    }

    /** @param who the signed-in user, empty before sign-in; @param login signs out; @param shell the current router */
    public MainLayout(Optional<Principal> who, LoginHandler login, ShellController shell) {
        this.shell = Objects.requireNonNull(shell, "shell");
        H1 title = new H1("NasNetConnect");
        title.addClassNames("nnc-title", "nnc-nowrap");

        routerName.setId("current-router");
        routerName.addClassName("nnc-current-router");

        Span role = new Span(who.map(p -> " · " + p.role().name().toLowerCase()).orElse(""));
        role.addClassName("nnc-user-role");
        Span user = new Span(new Span(who.map(Principal::name).orElse("")), role);
        user.setId("current-user");
        user.addClassName("nnc-current-user");
        who.ifPresent(p -> user.setTitle(p.name() + " · " + p.role().name().toLowerCase()));
        MenuBar userMenu = new MenuBar();
        userMenu.setId("user-menu");
        userMenu.addClassName("nnc-user-menu");
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_END_ALIGNED);
        Icon caret = VaadinIcon.CHEVRON_DOWN_SMALL.create();
        caret.addClassName("nnc-user-menu-caret");
        var top = userMenu.addItem(new Span(user, caret));
        top.getElement().setAttribute("aria-label", "Account menu of " + who.map(Principal::name).orElse("nobody"));
        if (who.isPresent() && !who.get().apiKey()) {
            top.getSubMenu().addItem("My account", e -> UI.getCurrent().navigate("account")).setId("user-menu-account");
        }
        top.getSubMenu().addItem("Sign out", e -> Authentication.logout(login)).setId("user-menu-sign-out");

        Div bar = new Div(title, routerName, userMenu);
        bar.addClassName("nnc-navbar");

        // shown by the style sheet only while the connection to the server is lost (see AppShell)
        Div connectionLost = new Div("No connection to NasNetConnect: what you see may be out of date. Reconnecting…");
        connectionLost.setId("connection-lost");
        connectionLost.addClassName("nnc-connection-lost");
        connectionLost.getElement().setAttribute("role", "status");

        switcher.setId("router-switcher");
        switcher.setLabel("Router");
        switcher.setPlaceholder("Choose a router");
        switcher.setItemLabelGenerator(RouterChoice::name);
        switcher.setEmptySelectionAllowed(false);
        switcher.setWidthFull();
        switcher.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) UI.getCurrent().navigate(shell.choose(e.getValue().id()));
        });
        routerPages.setId("router-pages");
        routerPages.addClassName("nnc-router-pages");

        List<ShellController.Link> fleetLinks = new java.util.ArrayList<>();
        for (MenuEntry entry : visible(MenuConfiguration.getMenuEntries(), who)) {
            fleetLinks.add(new ShellController.Link(null, entry.title(), entry.path()));
            if (entry.path().isEmpty() || entry.path().equals("/")) {
                if (who.map(p -> p.role().allows(Role.OPERATOR)).orElse(false)) {
                    fleetLinks.add(new ShellController.Link("nav-add-router", "Add router", RouterRoutes.ADD));
                }
            }
        }
        Html fleet = new Html(NavMarkup.nav("fleet-nav", "NasNetConnect", fleetLinks));
        Button logout = new Button("Sign out", e -> Authentication.logout(login));
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("nnc-drawer-logout");

        Div drawer = new Div(switcher, routerPages, fleet, logout);
        drawer.addClassName("nnc-drawer");

        addToNavbar(new DrawerToggle(), bar, connectionLost);
        addToDrawer(drawer);
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
        ViewBinding.follow(this, shell, this::render);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        shell.navigated(event.getLocation().getPath());
    }

    private void render(ShellController.State state) {
        routerName.setText(state.current().map(RouterChoice::name).orElse(""));
        routerName.setVisible(state.current().isPresent());
        switcher.setItems(state.routers());
        switcher.setVisible(!state.routers().isEmpty());
        state.current().flatMap(c -> state.routers().stream().filter(c::equals).findFirst()).ifPresentOrElse(
                switcher::setValue, switcher::clear);
        routerPages.getElement().setProperty("innerHTML", NavMarkup.sections(state.sections()));
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
