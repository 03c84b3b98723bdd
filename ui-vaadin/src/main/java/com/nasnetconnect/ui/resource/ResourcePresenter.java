package com.nasnetconnect.ui.resource;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;

/** Lays out the list of a resource page (a grid on wide screens, cards on phones) and binds its actions. */
interface ResourcePresenter {
    Component component();

    void show(ResourceKindController.State state);

    /** What a row or card offers, by resource uuid. */
    record Actions(Consumer<String> open, Consumer<String> edit, Consumer<String> delete) {
    }
}
