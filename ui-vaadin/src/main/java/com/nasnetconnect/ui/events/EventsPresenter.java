package com.nasnetconnect.ui.events;

import com.vaadin.flow.component.Component;

/** Lays out the events of an {@link EventsController.State}; no state or logic of its own. */
interface EventsPresenter {
    Component component();

    void show(EventsController.State state);
}
