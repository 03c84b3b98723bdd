package com.nasnetconnect.ui.services;

import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.services.ServicesController.TemplateCard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;

/**
 * Wide screens: the catalog as a grid of cards, then the installed services as a table (interface, VLAN, subnet,
 * state with the pull progress, health with its reason, uninstall).
 */
final class ServicesDesktopPresenter implements ServicesPresenter {
    private final Div root = new Div();
    private final Div catalog = new Div();
    private final Grid<InstanceRow> instances = new Grid<>();
    private final Grid.Column<InstanceRow> actions;
    private final Paragraph none = new Paragraph("No services installed on this router yet.");
    private final Consumer<TemplateCard> onInstall;

    ServicesDesktopPresenter(Consumer<TemplateCard> onInstall, Consumer<InstanceRow> onUninstall) {
        this.onInstall = onInstall;
        root.addClassName("services-wide");
        root.setWidthFull();
        catalog.setId("services-catalog");
        catalog.addClassName("nnc-service-catalog");
        instances.setId("services-instances");
        instances.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        instances.setAllRowsVisible(true);
        instances.addColumn(r -> r.templateName() + " · " + r.name()).setHeader("Service").setAutoWidth(true).setFlexGrow(1);
        instances.addColumn(InstanceRow::interfaceName).setHeader("Interface").setAutoWidth(true);
        instances.addColumn(InstanceRow::vlan).setHeader("VLAN").setAutoWidth(true);
        instances.addColumn(InstanceRow::subnet).setHeader("Subnet").setAutoWidth(true);
        instances.addComponentColumn(ServiceParts::state).setHeader("State").setKey("state").setWidth("14em").setFlexGrow(0);
        instances.addComponentColumn(ServiceParts::health).setHeader("Health").setKey("health").setWidth("14em").setFlexGrow(0);
        actions = instances.addComponentColumn(r -> ServiceParts.uninstall(r, false, onUninstall)).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        none.setId("services-none");
        root.add(ServiceParts.section("Catalog"), catalog, ServiceParts.section("Installed on this router"), none, instances);
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void show(ServicesController.State state) {
        catalog.removeAll();
        state.templates().forEach(t -> catalog.add(ServiceParts.templateCard(t, state.canChange(), false, onInstall)));
        actions.setVisible(state.canChange());
        instances.setItems(state.instances());
        instances.setVisible(!state.instances().isEmpty());
        none.setVisible(state.instances().isEmpty() && state.router().isPresent());
    }
}
