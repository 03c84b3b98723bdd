package com.nasnetconnect.ui.dashboard;

import com.vaadin.flow.component.Component;

/** Lays out a dashboard {@link DashboardController.State}; holds no state or logic of its own. */
interface DashboardPresenter {
    Component component();

    void show(DashboardController.State state);
}
