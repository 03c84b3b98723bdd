package com.nasnetconnect.ui.updates;

import com.vaadin.flow.component.Component;

/** Lays out an {@link UpdatesController.State}; no state or logic of its own. */
interface UpdatesPresenter {
    Component component();

    void show(UpdatesController.State state);
}
