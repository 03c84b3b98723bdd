package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.Violation;
import com.nasnetconnect.domain.state.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SchemaRules} from the schema's {@code @validate} directives: a kind's configuration is checked as its
 * input type ({@code VLAN} → {@code VlanInput}). Values arrive as RouterOS text, so each is first given the
 * type its rule expects: numbers for min/max rules, lists (comma-separated) for list fields. Combine with
 * {@link BasicSchemaRules} ({@code basic.and(schema)}) for the checks the directives cannot state (IPv4 prefixes,
 * references, WireGuard keys).
 */
public final class SchemaValidationRules implements SchemaRules {
    private final ValidationRules rules;

    public SchemaValidationRules(ValidationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public List<ValidationIssue> check(String resourceId, ResourceKind kind, Map<String, String> configuration) {
        String type = SchemaFieldMapping.typeName(kind) + "Input";
        if (!rules.hasType(type)) return List.of();
        var typed = new LinkedHashMap<String, Object>();
        configuration.forEach((field, text) -> typed.put(field, rules.rule(type, field).map(r -> typed(r, text)).orElse(text)));
        var out = new ArrayList<ValidationIssue>();
        for (Violation v : rules.validate(type, typed)) {
            String path = v.fieldPath().startsWith(".") ? v.fieldPath().substring(1) : v.fieldPath();
            String field = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
            String value = v.badValue() == null ? null : v.badValue() instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v.badValue());
            out.add(ValidationIssue.error("schema", resourceId, field, value, v.message()));
        }
        return out;
    }

    private static Object typed(FieldRule rule, String text) {
        if (rule.list()) {
            if (text.isEmpty()) return List.of();
            return Arrays.stream(text.split(",")).map(String::trim).map(t -> scalar(rule, t)).toList();
        }
        return scalar(rule, text);
    }

    private static Object scalar(FieldRule rule, String text) {
        if (rule.min() != null || rule.max() != null) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notWhole) {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException notNumber) {
                    return text; // length/format rules still apply; BasicSchemaRules names the non-number
                }
            }
        }
        return text;
    }
}
