package com.nasnetconnect.ui.resources;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * A router's VLANs (live: changes made elsewhere appear without a reload), a "Check now" drift check, and the
 * {@link VlanForm} to add one, whose rules are schema.graphql's, so the form and the API refuse the same input
 * alike. Outcomes show in the {@link NoticeBanner}. Lays out and binds only; {@link VlansController} decides.
 */
@Route("vlans")
@Menu(title = "VLANs", order = 2)
@PageTitle("VLANs · NasNetConnect")
public class VlansView extends VerticalLayout {
    private final ComboBox<Router> router = new ComboBox<>("Router");
    private final Grid<VlansController.Row> grid = new Grid<>();
    private final Grid.Column<VlansController.Row> routerIdColumn;
    private final NoticeBanner notice = new NoticeBanner("vlan-notice");
    private final Button checkDrift = new Button("Check now");
    private final VlanForm form;

    public VlansView(VlansController controller, ValidationRules rules) {
        setWidthFull();
        router.setId("vlan-router");
        router.setItemLabelGenerator(Router::name);
        router.setItems(controller.state().routers());
        controller.state().selected().flatMap(id -> controller.state().routers().stream().filter(r -> r.id().equals(id)).findFirst())
                .ifPresent(router::setValue);
        router.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) controller.select(e.getValue().id());
        });
        grid.setId("vlans-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(VlansController.Row::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(VlansController.Row::vlanId).setHeader("VLAN id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::iface).setHeader("Interface").setAutoWidth(true);
        routerIdColumn = grid.addColumn(VlansController.Row::nativeId).setHeader("Router id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::drift).setHeader("Drift").setAutoWidth(true);
        checkDrift.setId("vlan-check-drift");
        checkDrift.addClickListener(e -> controller.checkDrift());
        form = new VlanForm(rules);
        form.addAddListener(e -> {
            if (controller.create(e.input())) form.clearKeepingInterface();
        });
        form.addRejectedListener(e -> controller.formRejected());
        HorizontalLayout top = new HorizontalLayout(router, checkDrift);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        add(new H2("VLANs"), notice, top, grid, form);

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    /**
     * On a phone the table drops the router's internal id and wraps its cells, so it fits the screen without
     * sideways scrolling; wider windows show every column.
     */
    private void arrange(ViewportLayout.Layout wanted) {
        boolean phone = wanted == ViewportLayout.Layout.PHONE;
        routerIdColumn.setVisible(!phone);
        // on a phone every column starts narrow and shares the width; wrapped cells keep long names readable
        grid.getColumns().forEach(c -> c.setAutoWidth(!phone).setWidth(phone ? "64px" : null).setFlexGrow(1));
        if (phone) grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        else grid.removeThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.recalculateColumnWidths();
    }

    private void render(VlansController.State state) {
        grid.setItems(state.vlans());
        form.setVisible(state.canChange());
        checkDrift.setVisible(state.canChange());
        notice.show(state.notice());
        // the form's own verdict is the Binder's; only what the server refused is marked here
        form.markRefused(state.fieldErrors());
    }
}
