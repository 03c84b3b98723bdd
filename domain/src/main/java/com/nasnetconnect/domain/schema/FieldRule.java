package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.common.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The constraints of one field (or argument) as the schema's {@code @validate} directive states them, plus
 * whether the field is required ({@code !}) and {@code @sensitive}. For a list field, {@code minItems} and
 * {@code maxItems} bound the list and every other constraint applies to each item. {@code inputType} names
 * the input object type of the field, when it has one, so nested inputs are validated too.
 *
 * <p>Null means "not constrained". A null optional value passes every constraint.
 */
public record FieldRule(
        String field,
        boolean required,
        boolean list,
        boolean sensitive,
        Double min,
        Double max,
        Integer minLength,
        Integer maxLength,
        String regex,
        List<String> oneOf,
        Format format,
        Integer minItems,
        Integer maxItems,
        String inputType) {

    static final String MASK = "******";

    public FieldRule {
        Objects.requireNonNull(field, "field");
        oneOf = oneOf == null ? null : List.copyOf(oneOf);
        if (regex != null) Pattern.compile(regex); // fail at start-up on a bad pattern, not on first use
    }

    /** A rule with no constraints: required or not, nothing else. */
    public static FieldRule plain(String field, boolean required) {
        return new FieldRule(field, required, false, false, null, null, null, null, null, null, null, null, null, null);
    }

    /** True when a form should show the field as mandatory. */
    public boolean hasConstraints() {
        return min != null || max != null || minLength != null || maxLength != null || regex != null
                || oneOf != null || format != null || minItems != null || maxItems != null;
    }

    /**
     * Checks one value of this field; {@code path} is where it sits in the caller's input. Returns every
     * violation (empty when the value is fine). Nested input objects are not entered here: see
     * {@link ValidationRules}.
     */
    public List<Violation> check(String path, Object value) {
        var out = new ArrayList<Violation>();
        if (value == null) {
            if (required) out.add(violation(path, value, "is required"));
            return out;
        }
        if (value instanceof List<?> items) {
            if (minItems != null && items.size() < minItems)
                out.add(violation(path, value, "must have at least " + minItems + " item(s), has " + items.size()));
            if (maxItems != null && items.size() > maxItems)
                out.add(violation(path, value, "must have at most " + maxItems + " items, has " + items.size()));
            for (int i = 0; i < items.size(); i++) checkOne(path + "[" + i + "]", items.get(i), out);
        } else {
            checkOne(path, value, out);
        }
        return out;
    }

    private void checkOne(String path, Object value, List<Violation> out) {
        if (value == null || value instanceof Map<?, ?>) return;
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (min != null && d < min) out.add(violation(path, value, "must be at least " + num(min) + ", was " + shown(value)));
            if (max != null && d > max) out.add(violation(path, value, "must be at most " + num(max) + ", was " + shown(value)));
            return;
        }
        String s = value.toString();
        int len = s.codePointCount(0, s.length());
        if (minLength != null && len < minLength)
            out.add(violation(path, value, "must be at least " + minLength + " character(s) long, was " + len + ": " + quoted(value)));
        if (maxLength != null && len > maxLength)
            out.add(violation(path, value, "must be at most " + maxLength + " characters long, was " + len + ": " + quoted(value)));
        if (regex != null && !Pattern.compile(regex).matcher(s).matches())
            out.add(violation(path, value, "must match " + regex + ": " + quoted(value)));
        if (oneOf != null && !oneOf.contains(s))
            out.add(violation(path, value, "must be one of " + String.join(", ", oneOf) + ": " + quoted(value)));
        if (format != null && !format.matches(s))
            out.add(violation(path, value, "must be " + format.description() + ": " + quoted(value)));
    }

    private Violation violation(String path, Object value, String message) {
        Object shown = value instanceof CharSequence text ? Echo.of(text) : value;
        return new Violation(path, sensitive && value != null ? MASK : shown, message);
    }

    private String quoted(Object value) {
        return sensitive ? MASK : Echo.quoted(value);
    }

    private String shown(Object value) {
        return sensitive ? MASK : Echo.of(value);
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
