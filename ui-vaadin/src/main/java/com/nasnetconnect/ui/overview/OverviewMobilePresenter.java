package com.nasnetconnect.ui.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * Phones: one column of cards that never scrolls sideways (charts scale to the card's width), interfaces as
 * lines, every link a 44 px tap target.
 */
final class OverviewMobilePresenter implements OverviewPresenter {
    private final Div column = new Div();
    private final OverviewCards cards = new OverviewCards(true);

    OverviewMobilePresenter() {
        column.setId("overview-phone");
        column.addClassName("overview-column");
        cards.all().forEach(column::add);
    }

    @Override
    public Component component() {
        return column;
    }

    @Override
    public void show(OverviewController.State state) {
        cards.show(state);
    }
}
