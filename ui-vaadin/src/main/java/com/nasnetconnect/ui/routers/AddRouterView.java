package com.nasnetconnect.ui.routers;

import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.routers.AddRouterController.Form;
import com.nasnetconnect.ui.routers.AddRouterController.KindLine;
import com.nasnetconnect.ui.routers.AddRouterController.State;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Map;

/**
 * {@code /routers/add}: connect a router in three short steps (the connection, "Test connection", then "Add" or
 * "Add and adopt"). Lays out {@link AddRouterController}'s state; every decision is the controller's. The fields
 * keep what was typed through every refusal; each error is under its field.
 */
@Route(RouterRoutes.ADD)
@PageTitle("Add a router · NasNetConnect")
public class AddRouterView extends VerticalLayout {
    private final AddRouterController controller;
    private final TextField name = new TextField("Name");
    private final TextField host = new TextField("Address");
    private final IntegerField port = new IntegerField("API port");
    private final Checkbox tls = new Checkbox("Use TLS (api-ssl)");
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final Div problem = new Div();
    private final Div result = new Div();
    private final Button testButton = new Button("Test connection");
    private final Button addButton = new Button("Add");
    private final Button adoptButton = new Button("Add and adopt");

    public AddRouterView(AddRouterController controller) {
        this.controller = controller;
        setWidthFull();
        setMaxWidth("48rem");
        addClassName("nnc-add-router");
        add(new H2("Add a router"));
        if (!controller.mayAdd()) {
            problem.setId("add-problem");
            problem.addClassNames("nnc-notice", "nnc-notice-error");
            problem.setText(controller.state().problem());
            add(problem);
            return;
        }
        add(new Paragraph("1 · How to reach it. 2 · Test the connection: nothing is saved yet. "
                + "3 · Add it as it is, or adopt its existing configuration."));

        name.setId("router-name");
        name.setHelperText("How you call it in NasNetConnect, e.g. \"Office gateway\"");
        host.setId("router-host");
        host.setHelperText("IP address or host name of the router");
        port.setId("router-port");
        port.setValue(Form.EMPTY.port());
        port.setStepButtonsVisible(false);
        tls.setId("router-tls");
        tls.addValueChangeListener(e -> {
            if (e.isFromClient() && port.getValue() != null && (port.getValue() == 8728 || port.getValue() == 8729)) {
                port.setValue(e.getValue() ? 8729 : 8728);
            }
        });
        username.setId("router-username");
        username.setValue(Form.EMPTY.username());
        password.setId("router-password");
        for (var field : java.util.List.<AbstractField<?, ?>>of(name, host, port, tls, username, password)) {
            field.addValueChangeListener(e -> controller.edited(form()));
        }
        FormLayout fields = new FormLayout(name, host, port, tls, username, password);
        fields.setId("add-router-form");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));

        problem.setId("add-problem");
        problem.addClassNames("nnc-notice", "nnc-notice-error");
        problem.getElement().setAttribute("role", "alert");

        testButton.setId("test-connection");
        testButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        testButton.addClickListener(e -> controller.test(form()));
        testButton.setDisableOnClick(true);

        result.setId("test-result");
        result.addClassName("nnc-test-result");
        addButton.setId("add-router-only");
        addButton.addClickListener(e -> controller.add(false));
        addButton.setDisableOnClick(true);
        adoptButton.setId("add-and-adopt");
        adoptButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        adoptButton.addClickListener(e -> controller.add(true));
        adoptButton.setDisableOnClick(true);

        FlexLayout actions = new FlexLayout(testButton, addButton, adoptButton);
        actions.addClassName("nnc-wizard-actions");
        add(fields, problem, result, actions);
        ViewBinding.follow(this, controller, this::render);
    }

    private Form form() {
        return new Form(name.getValue(), host.getValue(), port.getValue(), tls.getValue(), username.getValue(),
                password.getValue());
    }

    private void render(State s) {
        Map<String, String> errors = s.errors();
        mark(name, errors.get("name"));
        mark(host, errors.get("host"));
        mark(port, errors.get("port"));
        mark(username, errors.get("username"));
        mark(password, errors.get("password"));
        problem.setText(s.problem());
        problem.setVisible(!s.problem().isEmpty());
        testButton.setEnabled(true);
        boolean tested = s.step() == AddRouterController.Step.TESTED;
        addButton.setVisible(tested);
        adoptButton.setVisible(tested);
        addButton.setEnabled(tested && s.navigateTo().isEmpty());
        adoptButton.setEnabled(tested && s.navigateTo().isEmpty());
        testButton.setText(tested ? "Test again" : "Test connection");
        result.removeAll();
        result.setVisible(s.tested().isPresent());
        s.tested().ifPresent(t -> {
            H3 title = new H3("Connected");
            DescriptionList facts = new DescriptionList();
            facts.add(new DescriptionList.Term("Identity"), value(t.identity(), "identity"));
            facts.add(new DescriptionList.Term("RouterOS"), value(t.version(), "version"));
            facts.add(new DescriptionList.Term("Board"), value(t.board(), "board"));
            Paragraph summary = new Paragraph(t.adoptSummary());
            summary.setId("adopt-summary");
            UnorderedList kinds = new UnorderedList();
            kinds.setId("adopt-preview");
            for (KindLine line : t.adoptable()) {
                ListItem item = new ListItem(new Span(line.count() + " × " + line.kind()));
                item.getElement().setAttribute("data-kind", line.kind());
                if (!line.examples().isEmpty()) {
                    Span examples = new Span(": " + line.examples());
                    examples.addClassName("nnc-adopt-examples");
                    item.add(examples);
                }
                kinds.add(item);
            }
            result.add(title, facts, summary, kinds);
        });
        s.navigateTo().ifPresent(path -> getUI().ifPresent(ui -> ui.navigate(path)));
    }

    private static DescriptionList.Description value(String text, String field) {
        var d = new DescriptionList.Description(new Span(text));
        d.getElement().setAttribute("data-field", field);
        return d;
    }

    private static void mark(HasValidation field, String error) {
        field.setErrorMessage(error == null ? "" : error);
        field.setInvalid(error != null);
    }
}
