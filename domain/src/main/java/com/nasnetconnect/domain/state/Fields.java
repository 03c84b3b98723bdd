package com.nasnetconnect.domain.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ordered set of named values: the "typed enough" body of the configuration, deployment and runtime layers
 * until per-kind classes are generated from the GraphQL schema. Names are domain names in camelCase
 * ({@code vlanId}, {@code publicKey}), never RouterOS names ({@code vlan-id}); adapters translate.
 *
 * <p>A value is one of: {@link String}, {@link Long} (an {@link Integer}, {@link Short} or {@link Byte} is
 * widened), {@link Boolean}, or a {@link List} of strings. Anything else, a null, or a bad name is refused
 * with the name and value in the message. Insertion order is kept (it is the order a form shows).
 */
public record Fields(Map<String, Object> values) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    public static final Fields EMPTY = new Fields(Map.of());

    public Fields {
        Objects.requireNonNull(values, "values");
        var copy = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> copy.put(checkName(k), normalize(k, v)));
        values = Collections.unmodifiableMap(copy);
    }

    public static Fields of(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Fields.of needs name/value pairs, got " + nameValuePairs.length + " arguments");
        }
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (!(nameValuePairs[i] instanceof String name)) {
                throw new IllegalArgumentException("field name must be a string: " + nameValuePairs[i]);
            }
            map.put(name, nameValuePairs[i + 1]);
        }
        return new Fields(map);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> string(String name) {
        return get(name).map(v -> v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
    }

    /** The value as a number; a numeric string is parsed. Empty when absent; names the value when not a number. */
    public Optional<Long> number(String name) {
        return get(name).map(v -> switch (v) {
            case Long l -> l;
            case String s -> {
                try {
                    yield Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("field " + name + " is not a number: '" + s + "'");
                }
            }
            default -> throw new IllegalArgumentException("field " + name + " is not a number: " + v);
        });
    }

    public Optional<Boolean> bool(String name) {
        return get(name).map(v -> switch (v) {
            case Boolean b -> b;
            case String s when s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes") -> true;
            case String s when s.equalsIgnoreCase("false") || s.equalsIgnoreCase("no") -> false;
            default -> throw new IllegalArgumentException("field " + name + " is not a boolean: " + v);
        });
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return (List<String>) l;
        return List.of(String.valueOf(v));
    }

    /** A copy with this field set (added at the end, or replaced in place). */
    public Fields with(String name, Object value) {
        var copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Fields(copy);
    }

    public Fields without(String name) {
        var copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return new Fields(copy);
    }

    /** These fields overlaid with {@code other}'s (other wins). */
    public Fields merge(Fields other) {
        var copy = new LinkedHashMap<>(values);
        copy.putAll(other.values);
        return new Fields(copy);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Field-by-field differences from {@code this} (before) to {@code after}, in field order. */
    public List<FieldDifference> diff(Fields after) {
        var out = new ArrayList<FieldDifference>();
        values.forEach((k, v) -> {
            Object a = after.values.get(k);
            if (!v.equals(a)) out.add(new FieldDifference(k, Optional.of(v), Optional.ofNullable(a)));
        });
        after.values.forEach((k, a) -> {
            if (!values.containsKey(k)) out.add(new FieldDifference(k, Optional.empty(), Optional.of(a)));
        });
        return List.copyOf(out);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name must be camelCase [a-z][A-Za-z0-9]*, at most 64 characters: '" + name + "'");
        }
        return name;
    }

    private static Object normalize(String name, Object v) {
        return switch (v) {
            case null -> throw new IllegalArgumentException("field " + name + " has no value (null)");
            case String s -> s;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Boolean b -> b;
            case List<?> l -> {
                for (Object e : l) {
                    if (!(e instanceof String)) {
                        throw new IllegalArgumentException("field " + name + " list holds a non-string element: " + e);
                    }
                }
                yield List.copyOf(l);
            }
            default -> throw new IllegalArgumentException("field " + name + " has an unsupported value type "
                    + v.getClass().getSimpleName() + ": " + v);
        };
    }
}
