package com.nasnetconnect.ui.forms;

import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.Violation;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
import java.util.List;
import java.util.Objects;

/**
 * A Vaadin {@link Validator} for one field of a schema input type ({@code VlanInput.vlanId}), backed by the
 * same {@link ValidationRules} that validate GraphQL input, so a form and the API give the same verdict and
 * the same message on the same value. Use it with a Binder:
 * <pre>{@code
 * binder.forField(vlanId).withValidator(SchemaValidator.of(rules, "VlanInput", "vlanId")).bind(...);
 * }</pre>
 * The value is checked as the field gives it; for optional text fields bind with
 * {@code withNullRepresentation("")} so that an empty box means "not set", as an absent API field does.
 */
public final class SchemaValidator<T> implements Validator<T> {
    private final ValidationRules rules;
    private final String typeName;
    private final String field;

    private SchemaValidator(ValidationRules rules, String typeName, String field) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.typeName = typeName;
        this.field = field;
        rules.rule(typeName, field).orElseThrow(() -> new IllegalArgumentException(
                "no field '" + field + "' in input type " + typeName));
    }

    /** @throws IllegalArgumentException when the schema has no such input type or field */
    public static <T> SchemaValidator<T> of(ValidationRules rules, String typeName, String field) {
        return new SchemaValidator<>(rules, typeName, field);
    }

    /** Every violation of a value (the Binder shows the first). */
    public List<Violation> violations(T value) {
        return rules.validateField(typeName, field, value);
    }

    /** True when the schema marks the field required ({@code !} without default): show it as mandatory. */
    public boolean required() {
        return rules.rule(typeName, field).map(FieldRule::required).orElse(false);
    }

    @Override
    public ValidationResult apply(T value, ValueContext context) {
        var violations = violations(value);
        return violations.isEmpty() ? ValidationResult.ok() : ValidationResult.error(violations.getFirst().message());
    }
}
