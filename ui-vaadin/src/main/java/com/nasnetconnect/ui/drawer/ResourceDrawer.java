package com.nasnetconnect.ui.drawer;

import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.ui.ViewBinding;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/**
 * SKELETON (issue 14, branch i14-drawer fills it): the resource drawer a resource page shows beside its list.
 * Lays out and binds only; {@link ResourceDrawerController} decides.
 */
public class ResourceDrawer extends Composite<Div> {
    private final ResourceDrawerController controller;
    private final H3 title = new H3();

    public ResourceDrawer(ResourceDrawerController controller) {
        this.controller = controller;
        getContent().setId("resource-drawer");
        getContent().add(title);
        getContent().setVisible(false);
        ViewBinding.follow(getContent(), controller, state -> {
            getContent().setVisible(state.resource().isPresent());
            title.setText(state.resource().map(ResourceLabels::describe).orElse(""));
        });
    }

    /** Opens the drawer on this resource. */
    public void open(ResourceId id) {
        controller.open(id);
    }

    public void close() {
        controller.closeDrawer();
    }
}
