package com.nasnetconnect.ui.overview;

import com.vaadin.flow.component.Component;

/** Lays out the overview's cards for one window width; no state or logic of its own. */
interface OverviewPresenter {
    Component component();

    void show(OverviewController.State state);
}
