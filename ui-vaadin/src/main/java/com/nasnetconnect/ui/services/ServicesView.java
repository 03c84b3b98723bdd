package com.nasnetconnect.ui.services;

import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.services.ServicesController.TemplateCard;
import com.nasnetconnect.ui.shell.Confirm;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;

/**
 * A router's Services page (the Virtual Interface Factory): the catalog as cards, the install dialog generated from
 * a template's options, the installed services with state, pull progress and health (live), uninstall after a
 * summary of what goes, and the routing-policy editor. The address names the router; the dashboard links here.
 * Lays out and binds only: {@link ServicesController} decides; the presenter follows the window's width (cards
 * grid and table on wide screens, one column of cards on phones).
 */
@Route("routers/:routerId/services")
@PageTitle("Services · NasNetConnect")
public class ServicesView extends VerticalLayout implements BeforeEnterObserver {
    /** The route parameter naming the router. */
    public static final String ROUTER_ID = "routerId";

    private final ServicesController controller;
    private final H2 title = new H2("Services");
    private final NoticeBanner notice = new NoticeBanner("services-notice");
    private final PolicyEditor policies;
    private ServicesPresenter presenter;
    private InstallDialog dialog;
    private boolean phone;

    public ServicesView(ServicesController controller) {
        this.controller = controller;
        setWidthFull();
        addClassName("nnc-services");
        title.setId("services-title");
        policies = new PolicyEditor(new PolicyEditor.Intents() {
            public boolean route(com.nasnetconnect.domain.factory.PolicyMatch.Kind kind, String value, String instanceId) {
                return controller.routeThrough(kind, value, instanceId);
            }

            public void remove(String policyId) {
                controller.removePolicy(policyId);
            }
        });
        presenter = new ServicesDesktopPresenter(this::askInstall, this::askUninstall);
        add(title, notice, presenter.component(), policies);

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        controller.open(event.getRouteParameters().get(ROUTER_ID).orElse(""));
    }

    /** Swaps the presenter when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        phone = wanted == ViewportLayout.Layout.PHONE;
        ServicesPresenter next = phone
                ? (presenter instanceof ServicesMobilePresenter ? presenter : new ServicesMobilePresenter(this::askInstall, this::askUninstall))
                : (presenter instanceof ServicesDesktopPresenter ? presenter : new ServicesDesktopPresenter(this::askInstall, this::askUninstall));
        setClassName("nnc-phone", phone);
        policies.setPhone(phone);
        if (next != presenter) {
            replace(presenter.component(), next.component());
            presenter = next;
            render(controller.state());
        }
    }

    private void render(ServicesController.State state) {
        title.setText(state.routerName().isEmpty() ? "Services" : "Services · " + state.routerName());
        notice.show(state.notice());
        presenter.show(state);
        policies.setVisible(state.router().isPresent());
        policies.show(state);
        if (dialog != null && dialog.isOpened()) dialog.markRefused(state.fieldErrors());
    }

    private void askInstall(TemplateCard template) {
        dialog = new InstallDialog(template, phone, (key, value) -> controller.optionProblem(template.id(), key, value),
                (name, values) -> controller.install(template.id(), name, values), controller::installCancelled);
        dialog.open();
    }

    /** Lists what goes (from the controller's uninstall preview) and uninstalls on confirmation. */
    private void askUninstall(InstanceRow row) {
        controller.uninstallSummary(row.id()).ifPresent(lines -> Confirm.ask("Uninstall " + row.interfaceName() + "?",
                summary(lines), "Uninstall", () -> controller.uninstall(row.id())));
    }

    static Div summary(List<String> lines) {
        Div body = new Div();
        body.setId("uninstall-summary");
        body.add(new Paragraph(lines.size() + (lines.size() == 1 ? " object is" : " objects are")
                + " removed from the router, with every routing policy through this service:"));
        UnorderedList list = new UnorderedList();
        list.addClassName("uninstall-summary-list");
        lines.forEach(l -> list.add(new ListItem(l)));
        body.add(list);
        return body;
    }
}
