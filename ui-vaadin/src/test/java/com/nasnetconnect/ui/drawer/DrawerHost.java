package com.nasnetconnect.ui.drawer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/** A page that hosts only the drawer, as a resource page does beside its list (tests only). */
@Route("drawer-host")
public class DrawerHost extends Div {
    final ResourceDrawer drawer;

    public DrawerHost(ResourceDrawer drawer) {
        this.drawer = drawer;
        setId("drawer-host");
        add(drawer);
    }
}
