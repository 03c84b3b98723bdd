package com.nasnetconnect.ui.services;

import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.services.ServicesController.TemplateCard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;

/**
 * Phones: one column, installed services first (what the owner checks on the go), then the catalog; every card
 * wraps its text and every button is a 44 px tap target, so nothing scrolls sideways at 390 px.
 */
final class ServicesMobilePresenter implements ServicesPresenter {
    private final Div root = new Div();
    private final Div catalog = new Div();
    private final Div instances = new Div();
    private final Paragraph none = new Paragraph("No services installed on this router yet.");
    private final Consumer<TemplateCard> onInstall;
    private final Consumer<InstanceRow> onUninstall;

    ServicesMobilePresenter(Consumer<TemplateCard> onInstall, Consumer<InstanceRow> onUninstall) {
        this.onInstall = onInstall;
        this.onUninstall = onUninstall;
        root.addClassName("services-phone");
        root.setWidthFull();
        instances.setId("services-instance-cards");
        instances.addClassName("nnc-cards");
        catalog.setId("services-catalog");
        catalog.addClassName("nnc-cards");
        none.setId("services-none");
        root.add(ServiceParts.section("Installed on this router"), none, instances, ServiceParts.section("Catalog"), catalog);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void show(ServicesController.State state) {
        instances.removeAll();
        state.instances().forEach(r -> instances.add(card(r, state.canChange())));
        none.setVisible(state.instances().isEmpty() && state.router().isPresent());
        catalog.removeAll();
        state.templates().forEach(t -> catalog.add(ServiceParts.templateCard(t, state.canChange(), true, onInstall)));
    }

    private Component card(InstanceRow row, boolean canChange) {
        Div card = new Div();
        card.addClassNames("nnc-card", "service-instance-card");
        card.getElement().setAttribute("data-instance", row.interfaceName());
        card.add(new H3(row.interfaceName()));
        Span facts = new Span(row.templateName() + " · " + row.name() + " · VLAN " + row.vlan() + " · " + row.subnet());
        facts.addClassName("nnc-card-facts");
        card.add(facts, ServiceParts.state(row), ServiceParts.health(row));
        if (canChange) card.add(ServiceParts.uninstall(row, true, onUninstall));
        return card;
    }
}
