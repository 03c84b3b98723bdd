package com.nasnetconnect.ui.admin;

import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.admin.ApiKeysController.KeyRow;
import com.nasnetconnect.ui.admin.ApiKeysController.NewKey;
import com.nasnetconnect.ui.shell.Confirm;
import com.nasnetconnect.ui.shell.MenuRole;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * API keys: a form to create one (with an optional lifetime), the list with a revoke action per key not yet
 * revoked, and the one-time display of a new key's token. The list is a grid on wide screens and one card per
 * key on phones (no sideways scrolling; the revoke action stays on screen), as the controller's layout says;
 * it follows resizes. Lays out and binds only; {@link ApiKeysController} decides.
 */
@Route("admin/api-keys")
@Menu(title = "API keys", order = 4)
@MenuRole(Role.ADMIN)
@PageTitle("API keys · NasNetConnect")
public class ApiKeysView extends VerticalLayout {
    private final NoticeBanner notice = new NoticeBanner("api-keys-notice");
    private final TextField name = new TextField("Name");
    private final Select<Role> role = new Select<>();
    private final TextField expires = new TextField("Expires after");
    private final HorizontalLayout form;
    private final Grid<KeyRow> grid = new Grid<>();
    private final Div cards = new Div();
    private final ApiKeysController controller;

    public ApiKeysView(ApiKeysController controller) {
        this.controller = controller;
        setWidthFull();
        name.setId("new-key-name");
        name.setPlaceholder("e.g. grafana");
        name.setHelperText("Letters, digits, '.', '_' or '-'");
        role.setId("new-key-role");
        role.setLabel("Role");
        role.setItemLabelGenerator(Display::role);
        role.setItems(controller.roles());
        role.setValue(Role.VIEWER);
        expires.setId("new-key-expires");
        expires.setPlaceholder("never");
        expires.setHelperText("e.g. 90d or 12h; empty: never");
        Button create = new Button("Create key", e -> controller.create(name.getValue(), role.getValue(), expires.getValue()));
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form = new HorizontalLayout(name, role, expires, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("api-keys-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(KeyRow::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(KeyRow::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(KeyRow::created).setHeader("Created").setAutoWidth(true);
        grid.addColumn(KeyRow::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(KeyRow::lastUsed).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(ApiKeysView::expiry).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(KeyRow::revoked).setHeader("Revoked").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
        cards.setId("api-keys-cards");
        cards.addClassName("nnc-cards");
        cards.setVisible(false);

        add(new H2("API keys"), new Paragraph("Keys let tools use the GraphQL API and /metrics with the role they were "
                + "created with. A key is shown once, when it is created."), notice, form, grid, cards);

        ViewBinding.followViewport(this, controller::viewportResized);
        ViewBinding.follow(this, controller, this::render);
    }

    private static String expiry(KeyRow row) {
        return row.status().equals("expired") ? "expired " + row.expires() : row.expires();
    }

    /** Phones: one card per key, its facts stacked, the revoke action below them. */
    private Component card(KeyRow row) {
        Div card = new Div();
        card.addClassNames("router-card", "key-card");
        card.getElement().setAttribute("data-key", row.name());
        DescriptionList facts = new DescriptionList();
        fact(facts, "Role", row.role());
        fact(facts, "Status", row.status());
        fact(facts, "Expires", row.expires());
        fact(facts, "Last used", row.lastUsed());
        fact(facts, "Created", row.created() + " by " + row.createdBy());
        if (!row.active()) fact(facts, "Revoked", row.revoked());
        card.add(new H3(row.name()), facts);
        if (row.active()) card.add(actions(row));
        return card;
    }

    private static void fact(DescriptionList list, String term, String value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    private Component actions(KeyRow row) {
        if (!row.active()) return new Span("revoked");
        Button revoke = new Button("Revoke", e -> Confirm.ask("Revoke API key '" + row.name() + "'?",
                "Requests with this key are refused from now on. This cannot be undone.", "Revoke",
                () -> controller.revoke(row.name())));
        revoke.addClassName("revoke-key");
        revoke.getElement().setAttribute("data-key", row.name());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void render(ApiKeysController.State state) {
        notice.show(state.notice());
        form.setVisible(state.canManage());
        boolean phone = state.layout() == ApiKeysController.Layout.CARDS;
        grid.setVisible(state.canManage() && !phone);
        cards.setVisible(state.canManage() && phone);
        grid.setItems(state.keys());
        cards.removeAll();
        if (phone) state.keys().forEach(k -> cards.add(card(k)));
        if (state.newKey().isPresent()) {
            name.clear();
            expires.clear();
            showOnce(state.newKey().get());
            controller.newKeyShown();
        }
    }

    /** The token, in a read-only field with a copy button; closing the dialog drops it from the page. */
    private void showOnce(NewKey key) {
        Dialog dialog = new Dialog();
        dialog.setId("new-key-dialog");
        dialog.setHeaderTitle("API key '" + key.name() + "' (" + key.role() + ")");
        dialog.setCloseOnOutsideClick(false);
        TextField token = new TextField("Key");
        token.setId("new-key-token");
        token.setReadOnly(true);
        token.setWidthFull();
        token.setValue(key.token().reveal());
        Button copy = new Button("Copy", e -> token.getElement().executeJs(
                "const input = this.inputElement; input.select();"
                        + " if (navigator.clipboard) { navigator.clipboard.writeText(this.value); }"
                        + " else { document.execCommand('copy'); }"));
        copy.setId("copy-key");
        Button done = new Button("I have copied it", e -> dialog.close());
        done.setId("close-key-dialog");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout field = new HorizontalLayout(token, copy);
        field.setAlignItems(FlexComponent.Alignment.BASELINE);
        field.setWidthFull();
        field.expand(token);
        VerticalLayout body = new VerticalLayout(new Paragraph("Copy the key now: it is shown only this once and "
                + "cannot be recovered. Use it as 'Authorization: Bearer <key>'."), field);
        body.setPadding(false);
        body.setMinWidth("min(32rem, 90vw)");
        dialog.add(body);
        dialog.getFooter().add(done);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                token.clear();
                dialog.getElement().removeFromParent();
            }
        });
        dialog.open();
    }
}
