package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.Format;
import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.FieldDefinition;
import graphql.language.FloatValue;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * schema.graphql, parsed once, and everything its directives say as domain objects: the {@code @validate}
 * rules ({@link ValidationRules}), the {@code @mikrotik} / {@code @openwrt} field maps
 * ({@link PlatformFieldMap}) and the {@code @sensitive} fields (for {@link com.nasnetconnect.domain.schema.Redactor}).
 *
 * <p>The schema is packaged at the classpath root ({@code /schema.graphql}, copied there by the server
 * build from the repository root); {@link #read(Path)} reads another copy, e.g. in tests.
 */
public final class SchemaDirectives {
    private final String text;
    private final TypeDefinitionRegistry registry;
    private final ValidationRules rules;
    private final PlatformFieldMap mikrotik;
    private final PlatformFieldMap openwrt;
    private final Map<String, Set<String>> sensitive;

    private SchemaDirectives(String text) {
        this.text = text;
        this.registry = new SchemaParser().parse(text);
        this.rules = buildRules();
        this.mikrotik = buildFieldMap("mikrotik", "menu");
        this.openwrt = buildFieldMap("openwrt", "section");
        this.sensitive = buildSensitive();
    }

    /** The schema packaged with the server. */
    public static SchemaDirectives fromClasspath() {
        try (InputStream in = SchemaDirectives.class.getResourceAsStream("/schema.graphql")) {
            if (in == null) throw new IllegalStateException("schema.graphql is not on the classpath");
            return new SchemaDirectives(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchemaDirectives read(Path schemaFile) {
        try {
            return new SchemaDirectives(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + schemaFile, e);
        }
    }

    public static SchemaDirectives parse(String sdl) {
        return new SchemaDirectives(sdl);
    }

    public String text() {
        return text;
    }

    /** A fresh copy of the parsed type definitions (graphql-java consumes registries while building). */
    public TypeDefinitionRegistry registry() {
        return new SchemaParser().parse(text);
    }

    public ValidationRules validationRules() {
        return rules;
    }

    public PlatformFieldMap mikrotik() {
        return mikrotik;
    }

    public PlatformFieldMap openwrt() {
        return openwrt;
    }

    /** Type name -> its {@code @sensitive} fields, for input and output types alike. */
    public Map<String, Set<String>> sensitiveFields() {
        return sensitive;
    }

    /** {@code BRIDGE_PORT} -> {@code BridgePort}: the naming convention the schema follows for kinds. */
    public static String typeName(ResourceKind kind) {
        return com.nasnetconnect.domain.schema.SchemaKinds.typeName(kind);
    }

    // -------------------------------------------------------------------------------------------------------

    private ValidationRules buildRules() {
        var inputTypes = new LinkedHashMap<String, Map<String, FieldRule>>();
        for (var t : registry.getTypes(InputObjectTypeDefinition.class)) {
            var fields = new LinkedHashMap<String, FieldRule>();
            for (var f : t.getInputValueDefinitions()) fields.put(f.getName(), rule(f, f.getType()));
            inputTypes.put(t.getName(), fields);
        }
        var arguments = new LinkedHashMap<String, Map<String, FieldRule>>();
        for (var t : registry.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition f : t.getFieldDefinitions()) {
                if (f.getInputValueDefinitions().isEmpty()) continue;
                var args = new LinkedHashMap<String, FieldRule>();
                for (InputValueDefinition a : f.getInputValueDefinitions()) args.put(a.getName(), rule(a, a.getType()));
                arguments.put(t.getName() + "." + f.getName(), args);
            }
        }
        return new ValidationRules(inputTypes, arguments);
    }

    private FieldRule rule(InputValueDefinition def, Type<?> type) {
        boolean required = type instanceof NonNullType && def.getDefaultValue() == null;
        Type<?> inner = type instanceof NonNullType nn ? nn.getType() : type;
        boolean list = inner instanceof ListType;
        String named = namedType(type);
        String inputType = registry.getType(named).filter(d -> d instanceof InputObjectTypeDefinition).isPresent() ? named : null;
        boolean sensitive = def.hasDirective("sensitive");
        var v = directive(def, "validate");
        if (v == null) {
            return new FieldRule(def.getName(), required, list, sensitive, null, null, null, null, null, null, null, null, null, inputType);
        }
        return new FieldRule(def.getName(), required, list, sensitive,
                number(v, "min"), number(v, "max"), integer(v, "minLength"), integer(v, "maxLength"),
                string(v, "regex"), strings(v, "oneOf"),
                string(v, "format") == null ? null : Format.parse(string(v, "format")),
                integer(v, "minItems"), integer(v, "maxItems"), inputType);
    }

    private PlatformFieldMap buildFieldMap(String directiveName, String menuArgument) {
        var kinds = new LinkedHashMap<ResourceKind, PlatformFieldMap.KindMap>();
        for (ResourceKind kind : ResourceKind.values()) {
            var config = registry.getType(typeName(kind) + "Config", ObjectTypeDefinition.class)
                    .orElseThrow(() -> new IllegalStateException("schema has no " + typeName(kind) + "Config for kind " + kind));
            var attributes = new LinkedHashMap<String, String>();
            for (var f : config.getFieldDefinitions()) {
                var d = directive(f, directiveName);
                if (d != null && string(d, "field") != null) attributes.put(f.getName(), string(d, "field"));
            }
            var typeDirective = directive(config, directiveName);
            String menu = typeDirective == null ? null : string(typeDirective, menuArgument);
            if (menu != null || !attributes.isEmpty()) kinds.put(kind, new PlatformFieldMap.KindMap(menu, attributes));
        }
        return new PlatformFieldMap(directiveName, kinds);
    }

    private Map<String, Set<String>> buildSensitive() {
        var out = new LinkedHashMap<String, Set<String>>();
        for (var t : registry.getTypes(ObjectTypeDefinition.class)) {
            var s = new HashSet<String>();
            t.getFieldDefinitions().stream().filter(f -> f.hasDirective("sensitive")).forEach(f -> s.add(f.getName()));
            if (!s.isEmpty()) out.put(t.getName(), Set.copyOf(s));
        }
        for (var t : registry.getTypes(InputObjectTypeDefinition.class)) {
            var s = new HashSet<String>();
            t.getInputValueDefinitions().stream().filter(f -> f.hasDirective("sensitive")).forEach(f -> s.add(f.getName()));
            if (!s.isEmpty()) out.put(t.getName(), Set.copyOf(s));
        }
        return Map.copyOf(out);
    }

    private static String namedType(Type<?> type) {
        return switch (type) {
            case NonNullType nn -> namedType(nn.getType());
            case ListType l -> namedType(l.getType());
            case TypeName n -> n.getName();
            default -> throw new IllegalStateException("unexpected type " + type);
        };
    }

    private static Directive directive(DirectivesContainer<?> c, String name) {
        var list = c.getDirectives(name);
        return list.isEmpty() ? null : list.getFirst();
    }

    private static Value<?> arg(Directive d, String name) {
        var a = d.getArgument(name);
        return a == null ? null : a.getValue();
    }

    private static Double number(Directive d, String name) {
        return switch (arg(d, name)) {
            case IntValue i -> i.getValue().doubleValue();
            case FloatValue f -> f.getValue().doubleValue();
            case null -> null;
            default -> throw new IllegalStateException("@" + d.getName() + "(" + name + ") must be a number");
        };
    }

    private static Integer integer(Directive d, String name) {
        return switch (arg(d, name)) {
            case IntValue i -> i.getValue().intValueExact();
            case null -> null;
            default -> throw new IllegalStateException("@" + d.getName() + "(" + name + ") must be an Int");
        };
    }

    private static String string(Directive d, String name) {
        return switch (arg(d, name)) {
            case StringValue s -> s.getValue();
            case null -> null;
            default -> throw new IllegalStateException("@" + d.getName() + "(" + name + ") must be a String");
        };
    }

    private static List<String> strings(Directive d, String name) {
        return switch (arg(d, name)) {
            case ArrayValue a -> a.getValues().stream().map(v -> ((StringValue) v).getValue()).toList();
            case StringValue s -> List.of(s.getValue());
            case null -> null;
            default -> throw new IllegalStateException("@" + d.getName() + "(" + name + ") must be a list of String");
        };
    }

}
