package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.admin.AuditController.EventRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/** Wide screens: one compact grid row per event. */
final class AuditDesktopPresenter implements RowsPresenter<EventRow> {
    private final Grid<EventRow> grid = new Grid<>();

    AuditDesktopPresenter() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(EventRow::at).setHeader("When").setAutoWidth(true);
        grid.addColumn(EventRow::action).setHeader("Event").setAutoWidth(true);
        grid.addColumn(EventRow::actor).setHeader("By").setAutoWidth(true);
        grid.addColumn(EventRow::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(EventRow::source).setHeader("From").setAutoWidth(true);
        grid.addColumn(EventRow::detail).setHeader("Detail").setAutoWidth(true).setFlexGrow(1);
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(List<EventRow> rows) {
        grid.setItems(rows);
    }
}
