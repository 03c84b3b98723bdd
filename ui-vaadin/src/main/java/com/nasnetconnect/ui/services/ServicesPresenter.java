package com.nasnetconnect.ui.services;

import com.vaadin.flow.component.Component;

/** Lays out the catalog and the installed services of a {@link ServicesController.State}; no state or logic of its own. */
interface ServicesPresenter {
    Component component();

    void show(ServicesController.State state);
}
