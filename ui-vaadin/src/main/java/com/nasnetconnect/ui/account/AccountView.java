package com.nasnetconnect.ui.account;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.PasswordPolicy;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.shell.Confirm;
import com.nasnetconnect.ui.shell.MenuRole;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The signed-in user's account: change the own password, sign out everywhere. Both end this session too, so
 * the view then asks the user to sign in again. Lays out and binds only; {@link AccountController} decides.
 */
@Route("account")
@Menu(title = "My account", order = 9)
@MenuRole(Role.VIEWER) // people only: an API key has no account page
@PageTitle("My account · NasNetConnect")
public class AccountView extends VerticalLayout {
    private final NoticeBanner notice = new NoticeBanner("account-notice");
    private final Paragraph who = new Paragraph();
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField again = new PasswordField("New password again");
    private final LoginHandler login;
    private boolean signedOutShown;

    /** @param login signs this session out when the user chooses to sign in again */
    public AccountView(AccountController controller, LoginHandler login) {
        this.login = login;
        setMaxWidth("40rem");
        who.setId("account-user");
        current.setId("own-current-password");
        next.setId("own-new-password");
        next.setHelperText(PasswordPolicy.hint());
        again.setId("own-new-password-again");
        for (PasswordField f : new PasswordField[] {current, next, again}) f.setWidthFull();
        Button change = new Button("Change password", e -> {
            controller.changePassword(Secret.of(current.getValue()), Secret.of(next.getValue()), Secret.of(again.getValue()));
            current.clear();
            next.clear();
            again.clear();
        });
        change.setId("change-own-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button everywhere = new Button("Sign out everywhere", e -> Confirm.ask("Sign out everywhere?",
                "Every session of yours ends, on every device, this one included.", "Sign out everywhere",
                () -> controller.logOutEverywhere()));
        everywhere.setId("logout-everywhere");
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);

        add(new H2("My account"), who, notice,
                new H3("Change password"), new Paragraph("Changing it signs you out everywhere, here too."),
                current, next, again, change,
                new H3("Sessions"), new Paragraph("Lost a device, or signed in somewhere you should not have?"), everywhere);

        ViewBinding.follow(this, controller, this::render);
    }

    private void render(AccountController.State state) {
        who.setText("Signed in as " + state.user() + " (" + state.role() + ")");
        notice.show(state.notice());
        if (state.signedOut() && !signedOutShown) {
            signedOutShown = true;
            Dialog dialog = new Dialog();
            dialog.setId("signed-out-dialog");
            dialog.setHeaderTitle("Signed out");
            dialog.setCloseOnEsc(false);
            dialog.setCloseOnOutsideClick(false);
            dialog.add(new Paragraph(state.notice().map(n -> n.text()).orElse("Your sessions have ended.")));
            Button signIn = new Button("Sign in again", e -> Authentication.logout(login));
            signIn.setId("sign-in-again");
            signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(signIn);
            dialog.open();
        }
    }
}
