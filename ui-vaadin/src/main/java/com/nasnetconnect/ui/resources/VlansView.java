package com.nasnetconnect.ui.resources;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.ui.RouterRoutes;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The old address of the VLAN list, kept for bookmarks: forwards to the first router's VLAN page,
 * {@code /routers/{id}/vlan} (the generic resource page), or to the fleet when there is no router. Not in the menu:
 * the drawer lists each router's VLANs with its other pages.
 */
@Route("vlans")
@PageTitle("VLANs · NasNetConnect")
public class VlansView extends Div implements BeforeEnterObserver {
    private final Supplier<Optional<RouterId>> firstRouter;

    /** @param firstRouter the router the user sees first, if any */
    public VlansView(Supplier<Optional<RouterId>> firstRouter) {
        this.firstRouter = firstRouter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(firstRouter.get().map(r -> RouterRoutes.kind(r, ResourceKind.VLAN)).orElse(RouterRoutes.FLEET));
    }
}
