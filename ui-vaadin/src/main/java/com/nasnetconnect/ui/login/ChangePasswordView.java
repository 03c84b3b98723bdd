package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.security.PasswordPolicy;
import com.nasnetconnect.domain.common.Secret;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

/** A generated first password must be replaced before the user can do anything else. */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Choose a password · NasNetConnect")
public class ChangePasswordView extends VerticalLayout {

    public ChangePasswordView(LoginHandler login) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText(PasswordPolicy.hint());
        PasswordField again = new PasswordField("New password again");
        again.setId("new-password-again");
        Button save = new Button("Save and continue");
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            next.setInvalid(false);
            again.setInvalid(false);
            current.setInvalid(false);
            if (!next.getValue().equals(again.getValue())) {
                again.setErrorMessage("The two new passwords differ");
                again.setInvalid(true);
                return;
            }
            String user = Authentication.pendingPasswordChange().orElse("");
            VaadinRequest request = VaadinRequest.getCurrent();
            String source = request == null ? "unknown" : request.getRemoteAddr();
            try {
                var signedIn = login.changePassword(user, Secret.of(current.getValue()),
                        Secret.of(next.getValue()), source);
                if (signedIn.isEmpty()) {
                    current.setErrorMessage("Sign-in refused");
                    current.setInvalid(true);
                    return;
                }
                Authentication.signIn(login, signedIn.get());
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (IllegalArgumentException policy) {
                next.setErrorMessage(policy.getMessage());
                next.setInvalid(true);
            }
        });
        add(new H2("Choose your own password"),
                new Paragraph("The first password was generated for you. Choose a new one to continue."),
                current, next, again, save);
    }
}
