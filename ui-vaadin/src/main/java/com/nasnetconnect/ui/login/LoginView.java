package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.common.Secret;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

/** Sign-in page. Any refusal shows the same message, whichever part was wrong. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · NasNetConnect")
public class LoginView extends VerticalLayout {

    public LoginView(LoginHandler login) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginForm form = new LoginForm();
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Sign-in refused");
        i18n.getErrorMessage().setMessage("Check the user name and password and try again.");
        form.setI18n(i18n);
        form.addLoginListener(e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            String source = request == null ? "unknown" : request.getRemoteAddr();
            var signedIn = login.login(e.getUsername(), Secret.of(e.getPassword()), source);
            if (signedIn.isEmpty()) {
                form.setError(true);
            } else if (signedIn.get().mustChangePassword()) {
                Authentication.requirePasswordChange(e.getUsername());
                getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class));
            } else {
                Authentication.signIn(login, signedIn.get());
                getUI().ifPresent(ui -> ui.navigate(""));
            }
        });

        H1 title = new H1("NasNetConnect");
        Paragraph tagline = new Paragraph("Manage your MikroTik routers");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(title, tagline, form);
    }
}
