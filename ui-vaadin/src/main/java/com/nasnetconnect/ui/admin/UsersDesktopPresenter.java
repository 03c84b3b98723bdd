package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.admin.UsersController.UserRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Function;

/** Wide screens: one grid row per user, the role and the actions in their own columns. */
final class UsersDesktopPresenter implements RowsPresenter<UserRow> {
    private final Grid<UserRow> grid = new Grid<>();

    UsersDesktopPresenter(Function<UserRow, Component> roleSelect, Function<UserRow, Component> actions) {
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(UserRow::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(roleSelect::apply).setHeader("Role").setAutoWidth(true);
        grid.addColumn(r -> r.mustChangePassword() ? "must change" : "").setHeader("Password").setAutoWidth(true);
        grid.addColumn(UserRow::created).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(actions::apply).setHeader("").setAutoWidth(true);
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(List<UserRow> rows) {
        grid.setItems(rows);
    }
}
