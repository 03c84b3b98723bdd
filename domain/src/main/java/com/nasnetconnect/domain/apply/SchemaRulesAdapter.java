package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.ResourceKinds;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.Violation;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apply pipeline's {@link SchemaRules} backed by the schema's {@code @validate} rules of
 * {@code <Type>Input}: the same rules the API and the forms use. The pipeline carries configuration as text,
 * so values are read back into the schema's shapes first: numbers for fields with {@code min}/{@code max},
 * comma-separated lists for list fields. Fields the input type does not have are left to other rules
 * (chain with {@link SchemaRules#and}). Sensitive values never appear in issues.
 */
public final class SchemaRulesAdapter implements SchemaRules {
    private static final String STAGE = "schema";
    private final ValidationRules rules;

    public SchemaRulesAdapter(ValidationRules rules) {
        this.rules = rules;
    }

    @Override
    public List<ValidationIssue> check(String resourceId, ResourceKind kind, Map<String, String> configuration) {
        String inputType = ResourceKinds.typeName(kind) + "Input";
        if (!rules.hasType(inputType)) return List.of();
        var issues = new ArrayList<ValidationIssue>();
        var typed = new LinkedHashMap<String, Object>();
        for (var rule : rules.rules(inputType).values()) {
            String text = configuration.get(rule.field());
            if (text == null) continue;
            try {
                typed.put(rule.field(), typed(rule, text));
            } catch (NumberFormatException e) {
                issues.add(new ValidationIssue(resourceId, rule.field(), rule.sensitive() ? Redactor.MASK : text,
                        "must be a number: " + (rule.sensitive() ? Redactor.MASK : "'" + text + "'"),
                        ValidationIssue.Severity.ERROR, STAGE));
            }
        }
        for (Violation v : rules.validate(inputType, typed)) {
            if (issues.stream().anyMatch(i -> v.fieldPath().startsWith(i.field()))) continue;
            String field = v.fieldPath().replaceAll("\\[\\d+]$", "");
            issues.add(new ValidationIssue(resourceId, field, v.badValue() == null ? null : String.valueOf(v.badValue()),
                    v.message(), ValidationIssue.Severity.ERROR, STAGE));
        }
        return issues;
    }

    private static Object typed(FieldRule rule, String text) {
        if (rule.list()) {
            if (text.isEmpty()) return List.of();
            return Arrays.stream(text.split(",")).map(String::trim).map(t -> scalar(rule, t)).toList();
        }
        return scalar(rule, text);
    }

    private static Object scalar(FieldRule rule, String text) {
        if (rule.min() == null && rule.max() == null) return text;
        return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
    }
}
