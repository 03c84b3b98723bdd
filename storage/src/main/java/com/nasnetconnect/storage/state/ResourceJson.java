package com.nasnetconnect.storage.state;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Metadata;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.Validation;
import com.nasnetconnect.domain.state.ValidationIssue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON text for the layers as stored in a router database. Field order is kept. */
final class ResourceJson {
    /** Jackson 2's defaults: stored JSON is read and written as the Jackson 2 code did ({@code StoredResourceJsonTest} holds texts it wrote). */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResourceJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage());
        }
    }

    // --- values and fields --------------------------------------------------------------------------------

    static JsonNode value(Object v) {
        return switch (v) {
            case String s -> F.stringNode(s);
            case Long l -> F.numberNode(l);
            case Boolean b -> F.booleanNode(b);
            case List<?> l -> {
                ArrayNode a = F.arrayNode();
                l.forEach(e -> a.add(String.valueOf(e)));
                yield a;
            }
            default -> throw new IllegalArgumentException("unsupported field value " + v);
        };
    }

    static Object value(JsonNode n) {
        if (n.isString()) return n.stringValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isArray()) {
            var l = new ArrayList<String>();
            n.forEach(e -> l.add(e.asString()));
            return l;
        }
        throw new IllegalStateException("unsupported stored field value: " + n);
    }

    static ObjectNode fields(Fields fields) {
        ObjectNode o = F.objectNode();
        fields.values().forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    static Fields fields(JsonNode n) {
        var map = new LinkedHashMap<String, Object>();
        n.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return new Fields(map);
    }

    static ArrayNode differences(List<FieldDifference> diffs) {
        ArrayNode a = F.arrayNode();
        for (FieldDifference d : diffs) {
            ObjectNode o = a.addObject();
            o.put("field", d.field());
            d.before().ifPresent(v -> o.set("before", value(v)));
            d.after().ifPresent(v -> o.set("after", value(v)));
        }
        return a;
    }

    static List<FieldDifference> differences(JsonNode a) {
        var out = new ArrayList<FieldDifference>();
        for (JsonNode o : a) {
            out.add(new FieldDifference(o.get("field").asString(),
                    Optional.ofNullable(o.get("before")).map(ResourceJson::value),
                    Optional.ofNullable(o.get("after")).map(ResourceJson::value)));
        }
        return out;
    }

    // --- layers -------------------------------------------------------------------------------------------

    static ObjectNode validation(Validation v) {
        ObjectNode o = F.objectNode();
        o.put("canApply", v.canApply());
        o.set("errors", issues(v.errors()));
        o.set("warnings", issues(v.warnings()));
        v.validatedAt().ifPresent(at -> o.put("validatedAt", at.toString()));
        return o;
    }

    static Validation validation(JsonNode o) {
        return new Validation(o.get("canApply").asBoolean(), issues(o.get("errors")), issues(o.get("warnings")),
                optionalInstant(o, "validatedAt"));
    }

    private static ArrayNode issues(List<ValidationIssue> issues) {
        ArrayNode a = F.arrayNode();
        for (ValidationIssue i : issues) {
            a.addObject().put("field", i.field()).put("value", i.value()).put("code", i.code()).put("message", i.message());
        }
        return a;
    }

    private static List<ValidationIssue> issues(JsonNode a) {
        var out = new ArrayList<ValidationIssue>();
        for (JsonNode o : a) {
            out.add(new ValidationIssue(o.get("field").asString(), o.get("value").asString(), o.get("code").asString(), o.get("message").asString()));
        }
        return out;
    }

    static ObjectNode deployment(Deployment d) {
        ObjectNode o = F.objectNode();
        o.put("nativeId", d.nativeId());
        o.set("confirmed", fields(d.confirmed()));
        o.put("appliedAt", d.appliedAt().toString());
        o.put("appliedBy", d.appliedBy());
        d.drift().ifPresent(dr -> {
            ObjectNode x = o.putObject("drift");
            x.set("differences", differences(dr.differences()));
            x.put("missing", dr.missing());
            x.put("checkedAt", dr.checkedAt().toString());
        });
        return o;
    }

    static Deployment deployment(JsonNode o) {
        Optional<Drift> drift = Optional.ofNullable(o.get("drift")).map(x -> new Drift(differences(x.get("differences")),
                x.get("missing").asBoolean(), Instant.parse(x.get("checkedAt").asString())));
        return new Deployment(o.get("nativeId").asString(), fields(o.get("confirmed")), Instant.parse(o.get("appliedAt").asString()),
                o.get("appliedBy").asString(), drift);
    }

    static ObjectNode metadata(Metadata m) {
        ObjectNode o = F.objectNode();
        o.put("createdAt", m.createdAt().toString());
        o.put("createdBy", m.createdBy());
        o.put("updatedAt", m.updatedAt().toString());
        o.put("updatedBy", m.updatedBy());
        o.put("version", m.version());
        ArrayNode tags = o.putArray("tags");
        m.tags().forEach(tags::add);
        o.put("description", m.description());
        return o;
    }

    static Metadata metadata(JsonNode o) {
        var tags = new ArrayList<String>();
        o.get("tags").forEach(t -> tags.add(t.asString()));
        return new Metadata(Instant.parse(o.get("createdAt").asString()), o.get("createdBy").asString(),
                Instant.parse(o.get("updatedAt").asString()), o.get("updatedBy").asString(), o.get("version").asLong(), tags,
                o.get("description").asString());
    }

    static ObjectNode platform(Platform p) {
        ObjectNode o = F.objectNode();
        o.put("current", p.current());
        ArrayNode caps = o.putArray("capabilities");
        p.capabilities().stream().sorted().forEach(caps::add);
        return o;
    }

    static Platform platform(JsonNode o) {
        var caps = new LinkedHashSet<String>();
        o.get("capabilities").forEach(c -> caps.add(c.asString()));
        return new Platform(o.get("current").asString(), caps);
    }

    static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode o = F.objectNode();
        metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.put(e.getKey(), e.getValue()));
        return o;
    }

    static Map<String, Double> metrics(JsonNode o) {
        var m = new LinkedHashMap<String, Double>();
        o.properties().forEach(e -> m.put(e.getKey(), e.getValue().asDouble()));
        return m;
    }

    // --- a whole resource (event state) -------------------------------------------------------------------

    /** The event-sourced layers of a resource (no runtime, telemetry, dependents). */
    static String state(Resource r) {
        ObjectNode o = F.objectNode();
        o.put("id", r.id().toString());
        o.put("kind", r.kind().name());
        o.set("configuration", fields(r.configuration()));
        o.set("validation", validation(r.validation()));
        r.deployment().ifPresent(d -> o.set("deployment", deployment(d)));
        o.set("metadata", metadata(r.metadata()));
        ArrayNode deps = o.putArray("dependsOn");
        r.relationships().dependsOn().forEach(d -> deps.add(d.toString()));
        o.set("platform", platform(r.platform()));
        return write(o);
    }

    static Resource state(RouterId router, String text) {
        JsonNode o = read(text);
        var deps = new LinkedHashSet<ResourceId>();
        o.get("dependsOn").forEach(d -> deps.add(ResourceId.parse(d.asString())));
        return new Resource(ResourceId.parse(o.get("id").asString()), router, ResourceKind.valueOf(o.get("kind").asString()),
                fields(o.get("configuration")), validation(o.get("validation")),
                Optional.ofNullable(o.get("deployment")).map(ResourceJson::deployment), Optional.<RuntimeState>empty(),
                Telemetry.EMPTY, metadata(o.get("metadata")), new Relationships(deps, java.util.Set.of()), platform(o.get("platform")));
    }

    private static Optional<Instant> optionalInstant(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(Instant.parse(n.asString()));
    }
}
