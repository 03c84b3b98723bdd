package com.nasnetconnect.ui.admin;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.admin.UsersController.UserRow;
import com.nasnetconnect.ui.shell.Confirm;
import com.nasnetconnect.ui.shell.MenuRole;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;

/**
 * Users: create one, and per user change the role, reset the password, sign out everywhere, delete. Lays out
 * and binds only; {@link UsersController} decides. A table on wide screens, cards on phones
 * ({@link ViewportLayout}), swapped live on resize.
 */
@Route("admin/users")
@Menu(title = "Users", order = 3)
@MenuRole(Role.ADMIN)
@PageTitle("Users · NasNetConnect")
public class UsersView extends VerticalLayout {
    private final NoticeBanner notice = new NoticeBanner("users-notice");
    private final TextField name = new TextField("User name");
    private final Select<Role> role = new Select<>();
    private final PasswordField password = new PasswordField("Initial password");
    private final HorizontalLayout form;
    private RowsPresenter<UserRow> presenter;
    private final UsersController controller;

    public UsersView(UsersController controller) {
        this.controller = controller;
        setWidthFull();
        name.setId("new-user-name");
        role.setId("new-user-role");
        role.setLabel("Role");
        role.setItemLabelGenerator(Display::role);
        role.setItems(controller.roles());
        role.setValue(Role.VIEWER);
        password.setId("new-user-password");
        password.setHelperText("They must change it at first sign-in");
        Button create = new Button("Create user", e -> {
            controller.create(name.getValue(), role.getValue(), Secret.of(password.getValue()));
            password.clear();
            if (!controller.state().notice().map(Notice::isError).orElse(true)) name.clear();
        });
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form = new HorizontalLayout(name, role, password, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        presenter = new UsersDesktopPresenter(this::roleSelect, this::actions);
        add(new H2("Users"), new Paragraph("Viewers read, operators change routers, admins also manage users and keys."),
                notice, form, presenter.component());

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, controller, this::render);
        ViewBinding.follow(this, layout, this::arrange);
    }

    private Component roleSelect(UserRow row) {
        Select<Role> select = new Select<>();
        select.setItems(List.of(Role.values()));
        select.setItemLabelGenerator(Display::role);
        select.setValue(row.role());
        select.addClassName("user-role");
        select.getElement().setAttribute("data-user", row.name());
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) controller.changeRole(row.name(), e.getValue());
        });
        return select;
    }

    private Component actions(UserRow row) {
        Button reset = new Button("Reset password", e -> askTemporaryPassword(row.name()));
        reset.addClassName("reset-password");
        Button logout = new Button("Sign out everywhere", e -> Confirm.ask("Sign '" + row.name() + "' out everywhere?",
                "Every session of this user ends now.", "Sign out", () -> controller.logOutEverywhere(row.name())));
        logout.addClassName("logout-user");
        Button delete = new Button("Delete", e -> Confirm.ask("Delete user '" + row.name() + "'?",
                "The user is removed and signed out everywhere. This cannot be undone.", "Delete",
                () -> controller.delete(row.name())));
        delete.addClassName("delete-user");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        // your own password and sessions are on the account page, where the current password is asked for
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (!row.self()) actions.add(reset, logout, delete);
        actions.getChildren().forEach(c -> {
            ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL);
            c.getElement().setAttribute("data-user", row.name());
        });
        actions.setSpacing(true);
        return actions;
    }

    private void askTemporaryPassword(String user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset the password of '" + user + "'");
        PasswordField temporary = new PasswordField("Temporary password");
        temporary.setId("temporary-password");
        temporary.setHelperText("They must change it at next sign-in; their sessions end now");
        temporary.setWidthFull();
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button reset = new Button("Reset password", e -> {
            Secret value = Secret.of(temporary.getValue());
            temporary.clear();
            dialog.close();
            controller.resetPassword(user, value);
        });
        reset.setId("confirm-reset-password");
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(temporary);
        dialog.getFooter().add(cancel, reset);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) dialog.getElement().removeFromParent();
        });
        dialog.open();
    }

    /** Swaps table and cards when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        RowsPresenter<UserRow> next = wanted == ViewportLayout.Layout.PHONE
                ? (presenter instanceof UsersMobilePresenter ? presenter : new UsersMobilePresenter(this::roleSelect, this::actions))
                : (presenter instanceof UsersDesktopPresenter ? presenter : new UsersDesktopPresenter(this::roleSelect, this::actions));
        if (next != presenter) {
            replace(presenter.component(), next.component());
            presenter = next;
            render(controller.state());
        }
    }

    private void render(UsersController.State state) {
        notice.show(state.notice());
        form.setVisible(state.canManage());
        presenter.component().setVisible(state.canManage());
        presenter.show(state.users());
    }
}
