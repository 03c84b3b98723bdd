package com.nasnetconnect.ui.resources;

import com.nasnetconnect.ui.Publisher;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.ui.UiContext;
import com.nasnetconnect.ui.forms.SchemaValidator;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * A router's VLANs, and a form to add one. The form's rules are schema.graphql's {@code VlanInput}
 * {@code @validate} rules — the same objects GraphQL validates with — so both refuse the same input alike.
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
    private final Paragraph notice = new Paragraph();
    private final TextField name = new TextField("Name");
    private final IntegerField vlanId = new IntegerField("VLAN id");
    private final TextField iface = new TextField("Interface");
    private final Button add = new Button("Add VLAN");
    private final HorizontalLayout form;
    private final Binder<VlanForm> binder = new Binder<>(VlanForm.class);
    private VlansController controller;
    private Publisher.Subscription subscription;

    public VlansView() {
        setWidthFull();
        router.setId("vlan-router");
        router.setItemLabelGenerator(Router::name);
        grid.setId("vlans-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(VlansController.Row::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(VlansController.Row::vlanId).setHeader("VLAN id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::iface).setHeader("Interface").setAutoWidth(true);
        grid.addColumn(VlansController.Row::nativeId).setHeader("Router id").setAutoWidth(true);
        grid.addColumn(VlansController.Row::drift).setHeader("Drift").setAutoWidth(true);
        notice.setId("vlan-notice");
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
        add(new H2("VLANs"), router, grid, form, notice);
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
        subscription = controller.subscribe(this::render);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) subscription.close();
        controller = null;
    }

    private void submit() {
        VlanForm values = new VlanForm();
        if (!binder.writeBeanIfValid(values)) return; // the fields show the schema's messages
        if (controller.create(values.getName(), values.getVlanId(), values.getIface())) {
            name.clear();
            vlanId.clear();
        }
    }

    private void render(VlansController.State state) {
        grid.setItems(state.vlans());
        form.setVisible(state.canChange());
        notice.setText(state.notice().orElse(""));
        name.setInvalid(state.fieldErrors().containsKey("name"));
        name.setErrorMessage(state.fieldErrors().get("name"));
        vlanId.setInvalid(state.fieldErrors().containsKey("vlanId"));
        vlanId.setErrorMessage(state.fieldErrors().get("vlanId"));
        iface.setInvalid(state.fieldErrors().containsKey("interface"));
        iface.setErrorMessage(state.fieldErrors().get("interface"));
    }
}
