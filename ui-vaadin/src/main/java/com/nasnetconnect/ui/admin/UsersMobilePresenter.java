package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.admin.UsersController.UserRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.function.Function;

/** Phones: one card per user (name, role, password state, created, actions wrapping), no sideways scrolling. */
final class UsersMobilePresenter implements RowsPresenter<UserRow> {
    private final Div cards = new Div();
    private final Function<UserRow, Component> roleSelect;
    private final Function<UserRow, Component> actions;

    UsersMobilePresenter(Function<UserRow, Component> roleSelect, Function<UserRow, Component> actions) {
        this.roleSelect = roleSelect;
        this.actions = actions;
        cards.setId("users-cards");
        cards.addClassName("nnc-cards");
    }

    @Override
    public Component component() {
        return cards;
    }

    @Override
    public void show(List<UserRow> rows) {
        cards.removeAll();
        rows.forEach(row -> cards.add(card(row)));
    }

    private Component card(UserRow row) {
        Div card = new Div();
        card.addClassNames("nnc-card", "user-card");
        card.getElement().setAttribute("data-user", row.name());
        card.add(new H3(row.name()));
        card.add(roleSelect.apply(row));
        Div facts = new Div();
        facts.addClassName("nnc-card-facts");
        facts.setText((row.created().isEmpty() ? "" : "Created " + row.created())
                + (row.mustChangePassword() ? (row.created().isEmpty() ? "" : " · ") + "must change password" : ""));
        card.add(facts);
        Component buttons = actions.apply(row);
        buttons.getElement().getClassList().add("nnc-card-actions");
        card.add(buttons);
        return card;
    }
}
