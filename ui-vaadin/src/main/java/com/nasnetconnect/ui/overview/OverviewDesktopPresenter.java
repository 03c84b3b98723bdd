package com.nasnetconnect.ui.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/** Wide screens: the cards in a grid of columns (two or three, as the width allows), interfaces as a table. */
final class OverviewDesktopPresenter implements OverviewPresenter {
    private final Div grid = new Div();
    private final OverviewCards cards = new OverviewCards(false);

    OverviewDesktopPresenter() {
        grid.setId("overview-wide");
        grid.addClassName("overview-grid");
        cards.all().forEach(grid::add);
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(OverviewController.State state) {
        cards.show(state);
    }
}
