package com.nasnetconnect.domain.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code @validate} rule of the schema, as one set of objects used by the GraphQL input validation and
 * by the UI's form validators alike, so both give the same verdict on the same value.
 *
 * <p>Rules are keyed by input type ({@code VlanInput}) and field, and by root field arguments
 * ({@code Mutation.createVlan}). Validation walks nested input objects ({@code PlanChangeInput.vlan}) and
 * lists of them, building paths such as {@code changes[1].vlan.vlanId}.
 */
public final class ValidationRules {
    private final Map<String, Map<String, FieldRule>> inputTypes;
    private final Map<String, Map<String, FieldRule>> arguments;

    /**
     * @param inputTypes input type name -> field name -> rule (every field of the type, constrained or not)
     * @param arguments  "{@code Type.field}" (e.g. {@code Mutation.createVlan}) -> argument name -> rule
     */
    public ValidationRules(Map<String, Map<String, FieldRule>> inputTypes, Map<String, Map<String, FieldRule>> arguments) {
        this.inputTypes = copy(inputTypes);
        this.arguments = copy(arguments);
    }

    private static Map<String, Map<String, FieldRule>> copy(Map<String, Map<String, FieldRule>> m) {
        var out = new LinkedHashMap<String, Map<String, FieldRule>>();
        m.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Validates one input object of the named type (e.g. a form's values for {@code VlanInput}). */
    public List<Violation> validate(String typeName, Map<String, ?> input) {
        var out = new ArrayList<Violation>();
        walk(type(typeName), "", input, out);
        return out;
    }

    /** Validates the arguments of a field such as {@code Mutation.createVlan}, nested inputs included. */
    public List<Violation> validateArguments(String parentType, String fieldName, Map<String, ?> args) {
        var out = new ArrayList<Violation>();
        var rules = arguments.get(parentType + "." + fieldName);
        if (rules != null) walk(rules, "", args, out);
        return out;
    }

    /** Validates one field's value alone, as a form does when the user leaves the field. */
    public List<Violation> validateField(String typeName, String field, Object value) {
        var rule = rule(typeName, field).orElseThrow(
                () -> new IllegalArgumentException("no field '" + field + "' in input type " + typeName));
        var out = new ArrayList<Violation>();
        check(rule, field, value, out);
        return out;
    }

    public Optional<FieldRule> rule(String typeName, String field) {
        return Optional.ofNullable(type(typeName).get(field));
    }

    /** The rules of an input type, in schema order. */
    public Map<String, FieldRule> rules(String typeName) {
        return type(typeName);
    }

    public boolean hasType(String typeName) {
        return inputTypes.containsKey(typeName);
    }

    private Map<String, FieldRule> type(String typeName) {
        var t = inputTypes.get(typeName);
        if (t == null) throw new IllegalArgumentException("unknown input type '" + typeName + "'");
        return t;
    }

    private void walk(Map<String, FieldRule> rules, String prefix, Map<String, ?> input, List<Violation> out) {
        for (var rule : rules.values()) {
            String path = prefix.isEmpty() ? rule.field() : prefix + "." + rule.field();
            check(rule, path, input == null ? null : input.get(rule.field()), out);
        }
    }

    private void check(FieldRule rule, String path, Object value, List<Violation> out) {
        out.addAll(rule.check(path, value));
        if (rule.inputType() == null || value == null) return;
        var nested = inputTypes.get(rule.inputType());
        if (nested == null) return;
        if (value instanceof Map<?, ?> m) {
            walk(nested, path, cast(m), out);
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> m) walk(nested, path + "[" + i + "]", cast(m), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }
}
