package com.nasnetconnect.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private final ValidationRules rules = new ValidationRules(Map.of("VlanInput", fields(
            new FieldRule("name", true, false, false, null, null, 1, 15, null, null, null, null, null, null),
            new FieldRule("vlanId", true, false, false, 1.0, 4094.0, null, null, null, null, null, null, null, null))), Map.of());

    private static Map<String, FieldRule> fields(FieldRule... rules) {
        var m = new LinkedHashMap<String, FieldRule>();
        for (var r : rules) m.put(r.field(), r);
        return m;
    }

    /** A form bean, as a presenter would bind (not the generated type). */
    static final class VlanForm {
        String name = "";
        Integer vlanId;
    }

    @Test
    void aBinderShowsTheSchemaMessageForABadValueAndAcceptsAGoodOne() {
        var binder = new Binder<VlanForm>();
        var name = new TextField("Name");
        var vlanId = new IntegerField("VLAN id");
        binder.forField(name).withValidator(SchemaValidator.of(rules, "VlanInput", "name"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(vlanId).withValidator(SchemaValidator.of(rules, "VlanInput", "vlanId"))
                .bind(f -> f.vlanId, (f, v) -> f.vlanId = v);
        binder.setBean(new VlanForm());

        name.setValue("vlan10");
        vlanId.setValue(5000);
        var status = binder.validate();
        assertThat(status.isOk()).isFalse();
        assertThat(status.getFieldValidationErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).hasValue("must be at most 4094, was 5000"));
        assertThat(vlanId.isInvalid()).isTrue();

        vlanId.setValue(10);
        assertThat(binder.validate().isOk()).isTrue();
    }

    @Test
    void tellsWhetherTheSchemaRequiresTheField() {
        assertThat(SchemaValidator.of(rules, "VlanInput", "vlanId").required()).isTrue();
    }

    @Test
    void refusesAFieldTheSchemaDoesNotHave() {
        assertThatThrownBy(() -> SchemaValidator.of(rules, "VlanInput", "vlanID"))
                .hasMessageContaining("no field 'vlanID' in input type VlanInput");
    }
}
