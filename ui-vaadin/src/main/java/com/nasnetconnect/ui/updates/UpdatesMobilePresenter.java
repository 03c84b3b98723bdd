package com.nasnetconnect.ui.updates;

import com.nasnetconnect.ui.updates.UpdatesController.State;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Phones: one column (status with its actions first, then the schedule, then the history as cards); text wraps,
 * buttons are 44 px tap targets, so nothing scrolls sideways at 390 px.
 */
final class UpdatesMobilePresenter implements UpdatesPresenter {
    private final Div root = new Div();
    private final Div top = new Div();
    private final Div history = new Div();
    private final Paragraph none = UpdateParts.noHistory();
    private final UpdateParts.Actions actions;

    UpdatesMobilePresenter(UpdateParts.Actions actions) {
        this.actions = actions;
        root.addClassName("updates-phone");
        root.setWidthFull();
        top.addClassName("nnc-cards");
        history.setId("updates-history-cards");
        history.addClassName("nnc-cards");
        root.add(top, UpdateParts.section("History"), none, history);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void show(State s) {
        top.removeAll();
        if (s.loaded()) top.add(UpdateParts.statusCard(s, actions, true), UpdateParts.scheduleCard(s));
        history.removeAll();
        s.history().forEach(r -> history.add(UpdateParts.historyCard(r)));
        none.setVisible(s.loaded() && s.history().isEmpty());
    }
}
