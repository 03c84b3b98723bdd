package com.nasnetconnect.ui.updates;

import com.nasnetconnect.ui.updates.UpdatesController.HistoryRow;
import com.nasnetconnect.ui.updates.UpdatesController.State;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** Wide screens: status and schedule side by side, the history as a table whose details wrap. */
final class UpdatesDesktopPresenter implements UpdatesPresenter {
    private final Div root = new Div();
    private final Div top = new Div();
    private final Grid<HistoryRow> history = new Grid<>();
    private final Paragraph none = UpdateParts.noHistory();
    private final UpdateParts.Actions actions;

    UpdatesDesktopPresenter(UpdateParts.Actions actions) {
        this.actions = actions;
        root.addClassName("updates-wide");
        root.setWidthFull();
        top.addClassName("updates-top");
        history.setId("updates-history");
        history.addColumn(HistoryRow::at).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryRow::what).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryRow::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(UpdateParts::result).setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(HistoryRow::detail).setHeader("Detail").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        root.add(top, UpdateParts.section("History"), none, history);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void show(State s) {
        top.removeAll();
        if (s.loaded()) top.add(UpdateParts.statusCard(s, actions, false), UpdateParts.scheduleCard(s));
        history.setItems(s.history());
        history.recalculateColumnWidths(); // "Rolled back" is wider than the "Check" the widths were first measured on
        history.setVisible(!s.history().isEmpty());
        none.setVisible(s.loaded() && s.history().isEmpty());
    }
}
