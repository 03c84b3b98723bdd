package com.nasnetconnect.ui.overview;

import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * A router's overview ({@code /routers/{id}}): identity, version, board, uptime, live CPU, memory and traffic
 * charts, interfaces, resource counts, drift, recent events and services. Lays out and binds only:
 * {@link OverviewController} decides; the presenter follows the window's width (a grid of cards on wide screens,
 * one column on phones). A router id no router has shows a plain "No router with id …" page.
 */
@Route(RouterRoutes.OVERVIEW_TEMPLATE)
@StyleSheet("styles/overview.css")
public class OverviewView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final OverviewController controller;
    private final Div notFound = new Div();
    private H2 notFoundTitle;
    private OverviewPresenter presenter = new OverviewDesktopPresenter();

    public OverviewView(OverviewController controller) {
        this.controller = controller;
        setId("overview");
        addClassName("overview");
        notFound.setId("overview-not-found");
        notFound.setVisible(false);
        add(notFound, presenter.component());

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        controller.open(event.getRouteParameters().get(RouterRoutes.ROUTER_ID).orElse(""));
    }

    @Override
    public String getPageTitle() {
        String name = controller.state().header().name();
        return (name.isEmpty() ? "Router" : name) + " · NasNetConnect";
    }

    /** Swaps the presenter when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        boolean phone = wanted == ViewportLayout.Layout.PHONE;
        setClassName("nnc-phone", phone);
        boolean isPhone = presenter instanceof OverviewMobilePresenter;
        if (phone == isPhone) return;
        OverviewPresenter next = phone ? new OverviewMobilePresenter() : new OverviewDesktopPresenter();
        replace(presenter.component(), next.component());
        presenter = next;
        render(controller.state());
    }

    private void render(OverviewController.State state) {
        boolean missing = state.phase() == OverviewController.Phase.NOT_FOUND;
        notFound.setVisible(missing);
        if (missing && notFoundTitle == null) {
            // built only for an address no router has: a shown overview keeps no hidden page (~6 nodes of memory)
            notFoundTitle = new H2();
            notFound.add(notFoundTitle, new Paragraph("It may have been removed, or the address is mistyped."),
                    new Anchor("/", "Back to all routers"));
        }
        if (notFoundTitle != null) notFoundTitle.setText(state.notice().map(n -> n.text()).orElse(""));
        presenter.component().setVisible(state.phase() == OverviewController.Phase.SHOWN);
        if (state.phase() == OverviewController.Phase.SHOWN) presenter.show(state);
    }
}
