import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Build-time generator (run by the domain build in generate-sources with the JDK's source launcher): reads
 * schema.graphql and writes, as Java source,
 * <ul>
 *   <li>{@code com.nasnetconnect.domain.schema.SchemaTables}: the {@code @validate} rules, the {@code @mikrotik}
 *       and {@code @openwrt} field maps (with the attributes RouterOS renamed: {@code renamedIn}, {@code formerly}),
 *       the {@code @sensitive} fields (by type, and as RouterOS attributes) and every input type's fields as a
 *       form builds them ({@code formFields()}: type, list, required, sensitive, description, choices);</li>
 *   <li>{@code com.nasnetconnect.domain.schema.types.Configuration}: a sealed interface with one record per
 *       resource kind, built from the kind's generated input by calling each getter by name, so a field that
 *       the input loses is a compile error that names it.</li>
 * </ul>
 * Usage: {@code java -cp graphql-java.jar SchemaCodegen.java <schema.graphql> <output source root>}.
 * The generated code imports java.* and the domain only.
 */
public class SchemaCodegen {
    private static final Set<String> KEYWORDS = Set.of("interface", "default", "class", "package", "public",
            "private", "static", "final", "new", "switch", "case", "enum", "int", "long", "boolean", "native", "record");

    private final TypeDefinitionRegistry registry;
    private final List<String> kinds = new ArrayList<>();

    SchemaCodegen(String sdl) {
        this.registry = new SchemaParser().parse(sdl);
        var kindEnum = registry.getTypeOrNull("ResourceKind", EnumTypeDefinition.class);
        if (kindEnum == null) throw new IllegalStateException("schema has no enum ResourceKind");
        for (EnumValueDefinition v : kindEnum.getEnumValueDefinitions()) kinds.add(v.getName());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: SchemaCodegen <schema.graphql> <output dir>");
        var gen = new SchemaCodegen(Files.readString(Path.of(args[0])));
        Path out = Path.of(args[1]);
        write(out, "com/nasnetconnect/domain/schema/SchemaTables.java", gen.tables());
        write(out, "com/nasnetconnect/domain/schema/types/Configuration.java", gen.configurations());
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        if (Files.exists(p) && Files.readString(p).equals(text)) return; // keep the timestamp: no needless recompile
        Files.writeString(p, text);
    }

    // ---- SchemaTables -----------------------------------------------------------------------------------

    String tables() {
        var sb = new StringBuilder();
        sb.append("""
                package com.nasnetconnect.domain.schema;

                import com.nasnetconnect.domain.schema.types.ResourceKind;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;
                import java.util.Set;

                /**
                 * GENERATED from schema.graphql by domain/src/codegen/SchemaCodegen.java at build time; do not edit.
                 * What the schema's directives say, as Java tables: {@code @validate} ({@link #validationRules()}),
                 * {@code @mikrotik} / {@code @openwrt} ({@link #mikrotik()}, {@link #openwrt()}) and {@code @sensitive}
                 * ({@link #sensitiveFields()}, {@link #sensitiveRouterAttributes()}).
                 */
                public final class SchemaTables {
                    private SchemaTables() {
                    }

                """);
        // rules
        sb.append("    private static final ValidationRules RULES = rules();\n\n");
        sb.append("    /** Every {@code @validate} rule: input types by field, and the arguments of object type fields. */\n");
        sb.append("    public static ValidationRules validationRules() {\n        return RULES;\n    }\n\n");
        sb.append("    private static ValidationRules rules() {\n");
        sb.append("        var inputs = new LinkedHashMap<String, Map<String, FieldRule>>();\n");
        sb.append("        var arguments = new LinkedHashMap<String, Map<String, FieldRule>>();\n");
        for (var t : registry.getTypes(InputObjectTypeDefinition.class)) {
            sb.append("        inputs.put(").append(str(t.getName())).append(", fields(");
            sb.append(String.join(", ", t.getInputValueDefinitions().stream().map(this::rule).toList()));
            sb.append("));\n");
        }
        for (var t : registry.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition f : t.getFieldDefinitions()) {
                if (f.getInputValueDefinitions().isEmpty()) continue;
                sb.append("        arguments.put(").append(str(t.getName() + "." + f.getName())).append(", fields(");
                sb.append(String.join(", ", f.getInputValueDefinitions().stream().map(this::rule).toList()));
                sb.append("));\n");
            }
        }
        sb.append("        return new ValidationRules(inputs, arguments);\n    }\n\n");
        sb.append("""
                    private static Map<String, FieldRule> fields(FieldRule... rules) {
                        var out = new LinkedHashMap<String, FieldRule>();
                        for (FieldRule r : rules) out.put(r.field(), r);
                        return out;
                    }

                """);
        // platform maps
        fieldMap(sb, "mikrotik", "menu", "MIKROTIK", "RouterOS: menu per kind, attribute per configuration field ({@code @mikrotik}).");
        fieldMap(sb, "openwrt", "section", "OPENWRT", "OpenWrt (UCI): section per kind, option per configuration field ({@code @openwrt}).");
        // sensitive
        var sensitive = new LinkedHashMap<String, Set<String>>();
        var attributes = new TreeSet<String>();
        for (var t : registry.getTypes(ObjectTypeDefinition.class)) {
            var s = new LinkedHashSet<String>();
            for (var f : t.getFieldDefinitions()) {
                if (!f.hasDirective("sensitive")) continue;
                s.add(f.getName());
                var m = directive(f, "mikrotik");
                if (m != null && string(m, "field") != null) attributes.add(string(m, "field"));
                if (m != null && string(m, "formerly") != null) attributes.add(string(m, "formerly"));
            }
            if (!s.isEmpty()) sensitive.put(t.getName(), s);
        }
        for (var t : registry.getTypes(InputObjectTypeDefinition.class)) {
            var s = new LinkedHashSet<String>();
            for (var f : t.getInputValueDefinitions()) {
                if (!f.hasDirective("sensitive")) continue;
                s.add(f.getName());
                var m = directive(f, "mikrotik");
                if (m != null && string(m, "field") != null) attributes.add(string(m, "field"));
                if (m != null && string(m, "formerly") != null) attributes.add(string(m, "formerly"));
            }
            if (!s.isEmpty()) sensitive.put(t.getName(), s);
        }
        sb.append("    private static final Map<String, Set<String>> SENSITIVE = sensitive();\n\n");
        sb.append("    /** Type name -> its {@code @sensitive} fields, for object and input types alike. */\n");
        sb.append("    public static Map<String, Set<String>> sensitiveFields() {\n        return SENSITIVE;\n    }\n\n");
        sb.append("    private static Map<String, Set<String>> sensitive() {\n");
        sb.append("        var out = new LinkedHashMap<String, Set<String>>();\n");
        sensitive.forEach((t, f) -> sb.append("        out.put(").append(str(t)).append(", Set.of(")
                .append(String.join(", ", f.stream().map(SchemaCodegen::str).toList())).append("));\n"));
        sb.append("        return java.util.Collections.unmodifiableMap(out);\n    }\n\n");
        sb.append("    private static final Set<String> SENSITIVE_ATTRIBUTES = Set.of(")
                .append(String.join(", ", attributes.stream().map(SchemaCodegen::str).toList())).append(");\n\n");
        sb.append("""
                    /**
                     * The RouterOS attribute names ({@code @mikrotik(field:)}) of every {@code @sensitive} field: values
                     * sent under these names are never shown in command text, logs or errors.
                     */
                    public static Set<String> sensitiveRouterAttributes() {
                        return SENSITIVE_ATTRIBUTES;
                    }

                """);
        forms(sb);
        sb.append("}\n");
        return sb.toString();
    }

    /** {@code formFields()}: per input type, its fields in schema order as a form builds them ({@code FormField}). */
    private void forms(StringBuilder sb) {
        sb.append("    private static final Map<String, List<FormField>> FORMS = forms();\n\n");
        sb.append("""
                    /**
                     * Input type name -> its fields in schema order, with type, list, required, {@code @sensitive},
                     * description and choices (enum values or {@code @validate(oneOf:)}): what a form needs to build
                     * itself for any input ({@code VlanInput}, {@code FirewallFilterInput} …).
                     */
                    public static Map<String, List<FormField>> formFields() {
                        return FORMS;
                    }

                    private static Map<String, List<FormField>> forms() {
                        var out = new LinkedHashMap<String, List<FormField>>();
                """);
        for (var t : registry.getTypes(InputObjectTypeDefinition.class)) {
            sb.append("        out.put(").append(str(t.getName())).append(", List.of(");
            sb.append(String.join(",", t.getInputValueDefinitions().stream().map(this::formField).toList()));
            sb.append("));\n");
        }
        sb.append("        return java.util.Collections.unmodifiableMap(out);\n    }\n");
    }

    private String formField(InputValueDefinition def) {
        Type<?> type = def.getType();
        boolean required = type instanceof NonNullType && def.getDefaultValue() == null;
        Type<?> inner = type instanceof NonNullType nn ? nn.getType() : type;
        boolean list = inner instanceof ListType;
        String named = namedType(type);
        List<String> choices = List.of();
        var v = directive(def, "validate");
        if (v != null && strings(v, "oneOf") != null) choices = strings(v, "oneOf");
        else if (registry.getTypeOrNull(named) instanceof EnumTypeDefinition e) {
            choices = e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
        }
        String description = def.getDescription() == null ? "java.util.Optional.empty()"
                : "java.util.Optional.of(" + str(def.getDescription().getContent().strip()) + ")";
        return "\n                new FormField(" + str(def.getName()) + ", " + str(named) + ", " + list + ", " + required + ", "
                + def.hasDirective("sensitive") + ", " + description + ", List.of("
                + String.join(", ", choices.stream().map(SchemaCodegen::str).toList()) + "))";
    }

    private void fieldMap(StringBuilder sb, String directiveName, String menuArgument, String constant, String doc) {
        sb.append("    private static final PlatformFieldMap ").append(constant).append(" = ").append(directiveName).append("Map();\n\n");
        sb.append("    /** ").append(doc).append(" */\n");
        sb.append("    public static PlatformFieldMap ").append(directiveName).append("() {\n        return ").append(constant).append(";\n    }\n\n");
        sb.append("    private static PlatformFieldMap ").append(directiveName).append("Map() {\n");
        sb.append("        var kinds = new LinkedHashMap<ResourceKind, PlatformFieldMap.KindMap>();\n");
        for (String kind : kinds) {
            var config = configType(kind);
            var attrs = new ArrayList<String>();
            var renamed = new ArrayList<String>();
            for (var f : config.getFieldDefinitions()) {
                var d = directive(f, directiveName);
                if (d != null && string(d, "field") != null) attrs.add(str(f.getName()) + ", " + str(string(d, "field")));
                if (d != null && (string(d, "renamedIn") != null || string(d, "formerly") != null)) {
                    String in = string(d, "renamedIn"), formerly = string(d, "formerly");
                    if (in == null || formerly == null || string(d, "field") == null || !in.matches("\\d+\\.\\d+")) {
                        throw new IllegalStateException("@" + directiveName + " on " + config.getName() + "." + f.getName()
                                + " needs field, formerly and renamedIn (major.minor, e.g. \"7.20\") together");
                    }
                    renamed.add("\n                " + str(f.getName()) + ", new PlatformFieldMap.Rename(" + str(formerly) + ", " + str(in) + ")");
                }
            }
            var typeDirective = directive(config, directiveName);
            String menu = typeDirective == null ? null : string(typeDirective, menuArgument);
            if (menu == null && attrs.isEmpty()) continue;
            sb.append("        kinds.put(ResourceKind.").append(kind).append(", new PlatformFieldMap.KindMap(")
                    .append(menu == null ? "null" : str(menu)).append(", attributes(")
                    .append(String.join(", ", attrs)).append(")");
            if (!renamed.isEmpty()) sb.append(", Map.of(").append(String.join(",", renamed)).append(")");
            sb.append("));\n");
        }
        sb.append("        return new PlatformFieldMap(").append(str(directiveName)).append(", kinds);\n    }\n\n");
        if (directiveName.equals("mikrotik")) {
            sb.append("""
                        private static Map<String, String> attributes(String... fieldAttributePairs) {
                            var out = new LinkedHashMap<String, String>();
                            for (int i = 0; i < fieldAttributePairs.length; i += 2) out.put(fieldAttributePairs[i], fieldAttributePairs[i + 1]);
                            return out;
                        }

                    """);
        }
    }

    private String rule(InputValueDefinition def) {
        Type<?> type = def.getType();
        boolean required = type instanceof NonNullType && def.getDefaultValue() == null;
        Type<?> inner = type instanceof NonNullType nn ? nn.getType() : type;
        boolean list = inner instanceof ListType;
        String named = namedType(type);
        String inputType = registry.getTypeOrNull(named) instanceof InputObjectTypeDefinition ? named : null;
        boolean sensitive = def.hasDirective("sensitive");
        var v = directive(def, "validate");
        var args = new ArrayList<String>();
        args.add(str(def.getName()));
        args.add(String.valueOf(required));
        args.add(String.valueOf(list));
        args.add(String.valueOf(sensitive));
        if (v == null) {
            for (int i = 0; i < 9; i++) args.add("null");
        } else {
            args.add(number(v, "min"));
            args.add(number(v, "max"));
            args.add(integer(v, "minLength"));
            args.add(integer(v, "maxLength"));
            args.add(string(v, "regex") == null ? "null" : str(string(v, "regex")));
            var oneOf = strings(v, "oneOf");
            args.add(oneOf == null ? "null" : "List.of(" + String.join(", ", oneOf.stream().map(SchemaCodegen::str).toList()) + ")");
            args.add(string(v, "format") == null ? "null" : "Format." + format(string(v, "format")));
            args.add(integer(v, "minItems"));
            args.add(integer(v, "maxItems"));
        }
        args.add(inputType == null ? "null" : str(inputType));
        return "\n                new FieldRule(" + String.join(", ", args) + ")";
    }

    private static String format(String name) {
        if (!Set.of("IPV4", "IPV4_CIDR", "IPV4_RANGE", "MAC", "HOSTNAME", "PORT_RANGE").contains(name)) {
            throw new IllegalStateException("unknown @validate format '" + name + "'");
        }
        return name;
    }

    // ---- Configuration ----------------------------------------------------------------------------------

    String configurations() {
        var sb = new StringBuilder();
        sb.append("""
                package com.nasnetconnect.domain.schema.types;

                import com.nasnetconnect.domain.schema.RouterText;
                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /**
                 * GENERATED from schema.graphql by domain/src/codegen/SchemaCodegen.java at build time; do not edit.
                 * The typed configuration of each resource kind at the domain boundary: one record per
                 * {@code <Type>Config}, built from the kind's generated {@code <Type>Input} by calling each getter by
                 * name (a field the input loses is a compile error naming it). {@link #text()} gives the router-ready
                 * text of every set field through the one converter, {@link RouterText}. The string constants name
                 * each field for code that refers to fields by name.
                 */
                public sealed interface Configuration permits\s""");
        sb.append(String.join(", ", kinds.stream().map(k -> "Configuration." + pascal(k)).toList())).append(" {\n\n");
        sb.append("""
                    /** The resource kind this configuration belongs to. */
                    ResourceKind kind();

                    /** Field -> router-ready text ({@link RouterText}), in schema order; unset (null) fields are left out. */
                    Map<String, String> text();

                    /** The typed configuration of a plan change's input for its kind; null when that input is absent. */
                    static Configuration from(PlanChangeInput change) {
                        return switch (change.getKind()) {
                """);
        for (String k : kinds) {
            String p = pascal(k);
            sb.append("            case ").append(k).append(" -> change.get").append(p).append("() == null ? null : ")
                    .append(p).append(".from(change.get").append(p).append("());\n");
        }
        sb.append("""
                        };
                    }

                    /** The typed configuration of a generated {@code <Type>Input}; names the type of anything else. */
                    static Configuration of(Object input) {
                        return switch (input) {
%OF%
                            case null -> throw new IllegalArgumentException("no input (null)");
                            default -> throw new IllegalArgumentException("not a resource input: " + input.getClass().getSimpleName());
                        };
                    }

                    /** The names of the typed inputs a plan change carries ({@code vlan}, {@code wireguardPeer}), in schema order. */
                    static List<String> givenInputs(PlanChangeInput change) {
                        var out = new ArrayList<String>();
                """);
        int of = sb.indexOf("%OF%");
        sb.replace(of, of + 4, String.join("\n", kinds.stream()
                .map(k -> "            case " + pascal(k) + "Input i -> " + pascal(k) + ".from(i);").toList()));
        for (String k : kinds) {
            sb.append("        if (change.get").append(pascal(k)).append("() != null) out.add(")
                    .append(str(camel(k))).append(");\n");
        }
        sb.append("        return out;\n    }\n\n");
        sb.append("""
                    private static void put(Map<String, String> out, String field, Object value) {
                        if (value != null) out.put(field, RouterText.of(value));
                    }
                """);
        for (String k : kinds) sb.append(record(k));
        sb.append("}\n");
        return sb.toString();
    }

    private String record(String kind) {
        String p = pascal(kind);
        var config = configType(kind);
        if (registry.getTypeOrNull(p + "Input", InputObjectTypeDefinition.class) == null) {
            throw new IllegalStateException("schema has no input " + p + "Input for kind " + kind);
        }
        var fields = config.getFieldDefinitions();
        var sb = new StringBuilder();
        sb.append("\n    /** {@code ").append(p).append("Config} of kind {@link ResourceKind#").append(kind).append("}. */\n");
        sb.append("    record ").append(p).append("(");
        sb.append(String.join(", ", fields.stream().map(f -> javaType(f.getType()) + " " + component(f.getName())).toList()));
        sb.append(") implements Configuration {\n");
        for (var f : fields) {
            sb.append("        public static final String ").append(constant(f.getName())).append(" = ")
                    .append(str(f.getName())).append(";\n");
        }
        sb.append("\n        /** Reads every field of the generated input by its getter. */\n");
        sb.append("        public static ").append(p).append(" from(").append(p).append("Input input) {\n");
        sb.append("            return new ").append(p).append("(");
        sb.append(String.join(", ", fields.stream().map(f -> "input.get" + upper(f.getName()) + "()").toList()));
        sb.append(");\n        }\n\n");
        sb.append("        @Override\n        public ResourceKind kind() {\n            return ResourceKind.").append(kind).append(";\n        }\n\n");
        sb.append("        @Override\n        public Map<String, String> text() {\n");
        sb.append("            var out = new LinkedHashMap<String, String>();\n");
        for (var f : fields) {
            sb.append("            put(out, ").append(constant(f.getName())).append(", ").append(component(f.getName())).append(");\n");
        }
        sb.append("            return out;\n        }\n\n");
        // no record toString with values: a configuration may carry a @sensitive value
        sb.append("        /** Names the kind and the set fields, never their values (some are secrets). */\n");
        sb.append("        @Override\n        public String toString() {\n");
        sb.append("            return ").append(str(p)).append(" + text().keySet();\n        }\n");
        sb.append("    }\n");
        return sb.toString();
    }

    private ObjectTypeDefinition configType(String kind) {
        var config = registry.getTypeOrNull(pascal(kind) + "Config", ObjectTypeDefinition.class);
        if (config == null) throw new IllegalStateException("schema has no " + pascal(kind) + "Config for kind " + kind);
        return config;
    }

    private static String javaType(Type<?> type) {
        return switch (type) {
            case NonNullType nn -> javaType(nn.getType());
            case ListType l -> "List<" + javaType(l.getType()) + ">";
            case TypeName n -> switch (n.getName()) {
                case "String", "ID" -> "String";
                case "Int" -> "Integer";
                case "Float" -> "Double";
                case "Boolean" -> "Boolean";
                default -> throw new IllegalStateException("configuration field of unsupported type " + n.getName());
            };
            default -> throw new IllegalStateException("unexpected type " + type);
        };
    }

    // ---- naming -----------------------------------------------------------------------------------------

    /** {@code BRIDGE_PORT} -> {@code BridgePort}. */
    static String pascal(String kind) {
        var sb = new StringBuilder();
        for (String w : kind.split("_")) sb.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
        return sb.toString();
    }

    /** {@code BRIDGE_PORT} -> {@code bridgePort}. */
    static String camel(String kind) {
        String p = pascal(kind);
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    /** {@code vlanId} -> {@code VLAN_ID}. */
    static String constant(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    static String upper(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    static String component(String field) {
        return KEYWORDS.contains(field) ? field + "_" : field;
    }

    static String str(String s) {
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    // ---- directive arguments ----------------------------------------------------------------------------

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

    private static String number(Directive d, String name) {
        return switch (arg(d, name)) {
            case IntValue i -> i.getValue().doubleValue() + "";
            case FloatValue f -> f.getValue().doubleValue() + "";
            case null -> "null";
            default -> throw new IllegalStateException("@" + d.getName() + "(" + name + ") must be a number");
        };
    }

    private static String integer(Directive d, String name) {
        return switch (arg(d, name)) {
            case IntValue i -> String.valueOf(i.getValue().intValueExact());
            case null -> "null";
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
