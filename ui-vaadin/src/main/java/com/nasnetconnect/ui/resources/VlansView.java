package com.nasnetconnect.ui.resources;

import com.nasnetconnect.ui.Publisher;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.ui.UiContext;
import com.nasnetconnect.ui.admin.NoticeBanner;
import com.nasnetconnect.ui.forms.SchemaValidator;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * A router's VLANs (live: changes made elsewhere appear without a reload), a "Check now" drift check, and a form
 * to add one. The form's rules are schema.graphql's {@code VlanInput} {@code @validate} rules — the same objects
 * GraphQL validates with — so both refuse the same input alike. Outcomes show in the {@link NoticeBanner}.
 */
@Route(value = "vlans", layout = MainLayout.class)
@PageTitle("VLANs · NasNetConnect")
public class VlansView extends VerticalLayout {
    /** The form's values; Binder works on a mutable bean. */
    public static final class VlanForm {
        private String name = "";
        private Integer vlanId;
        private String iface = "";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getVlanId() { return vlanId; }
        public void setVlanId(Integer vlanId) { this.vlanId = vlanId; }
        public String getIface() { return iface; }
        public void setIface(String iface) { this.iface = iface; }
    }

    private final ComboBox<Router> router = new ComboBox<>("Router");
    private final Grid<VlansController.Row> grid = new Grid<>();
    private final NoticeBanner notice = new NoticeBanner("vlan-notice");
    private final Button checkDrift = new Button("Check now");
    private final TextField name = new TextField("Name");
    private final IntegerField vlanId = new IntegerField("VLAN id");
    private final TextField iface = new TextField("Interface");
    private final Button add = new Button("Add VLAN");
    private final HorizontalLayout form;
    private final Binder<VlanForm> binder = new Binder<>(VlanForm.class);
    private VlansController controller;
    private Publisher.Subscription subscription;
    private final Grid.Column<VlansController.Row> routerIdColumn;
    private ViewportLayout layout;
    private Publisher.Subscription layoutSubscription;
    private com.vaadin.flow.shared.Registration resize;

    public VlansView() {
        setWidthFull();
        router.setId("vlan-router");
        router.setItemLabelGenerator(Router::name);
        grid.setId("vlans-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(VlansController.Row::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(VlansController.Row::vlanId).setHeader("VLAN id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::iface).setHeader("Interface").setAutoWidth(true);
        routerIdColumn = grid.addColumn(VlansController.Row::nativeId).setHeader("Router id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::drift).setHeader("Drift").setAutoWidth(true);
        checkDrift.setId("vlan-check-drift");
        checkDrift.addClickListener(e -> controller.checkDrift());
        name.setId("vlan-name");
        vlanId.setId("vlan-id");
        iface.setId("vlan-interface");
        iface.setValue("ether2");
        add.setId("vlan-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> submit());
        form = new HorizontalLayout(name, vlanId, iface, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        HorizontalLayout top = new HorizontalLayout(router, checkDrift);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        add(new H2("VLANs"), notice, top, grid, form);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UiContext ctx = UiContext.current();
        var rules = ctx.validationRules();
        binder.forField(name).withValidator(SchemaValidator.of(rules, "VlanInput", "name")).bind(VlanForm::getName, VlanForm::setName);
        binder.forField(vlanId).withValidator(SchemaValidator.of(rules, "VlanInput", "vlanId")).bind(VlanForm::getVlanId, VlanForm::setVlanId);
        binder.forField(iface).withValidator(SchemaValidator.of(rules, "VlanInput", "interface")).bind(VlanForm::getIface, VlanForm::setIface);
        controller = new VlansController(ctx.resources(), Authentication.current().orElseThrow());
        router.setItems(controller.state().routers());
        controller.state().selected().flatMap(id -> controller.state().routers().stream().filter(r -> r.id().equals(id)).findFirst())
                .ifPresent(router::setValue);
        router.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) controller.select(e.getValue().id());
        });
        UI ui = event.getUI();
        layout = new ViewportLayout(0);
        ui.getPage().retrieveExtendedClientDetails(details -> layout.resized(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> layout.resized(e.getWidth()));
        layoutSubscription = layout.subscribe(this::arrange);
        subscription = controller.subscribe(state -> {
            if (ui.getSession().hasLock()) render(state); // this session's own request (a user action here)
            else ui.access(() -> render(state));          // a change committed elsewhere, on its own thread
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resize != null) resize.remove();
        if (layoutSubscription != null) layoutSubscription.close();
        resize = null;
        layoutSubscription = null;
        if (subscription != null) subscription.close();
        subscription = null;
        if (controller != null) controller.close();
        controller = null;
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

    private void submit() {
        VlanForm values = new VlanForm();
        if (!binder.writeBeanIfValid(values)) { // the fields show the schema's messages
            controller.formRejected();
            return;
        }
        if (controller.create(values.getName(), values.getVlanId(), values.getIface())) {
            VlanForm next = new VlanForm();
            next.setIface(values.getIface());
            binder.readBean(next); // resets the fields without validating the now empty ones
        }
    }

    private void render(VlansController.State state) {
        grid.setItems(state.vlans());
        form.setVisible(state.canChange());
        checkDrift.setVisible(state.canChange());
        notice.show(state.notice());
        // The form's own verdict is the Binder's; only what the server refused is marked here.
        markRefused(name, state.fieldErrors().get("name"));
        markRefused(vlanId, state.fieldErrors().get("vlanId"));
        markRefused(iface, state.fieldErrors().get("interface"));
    }

    private static void markRefused(HasValidation field, String error) {
        if (error == null) return;
        field.setErrorMessage(error);
        field.setInvalid(true);
    }
}
