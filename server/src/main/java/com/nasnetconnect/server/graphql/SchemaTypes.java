package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.types.DeploymentLayer;
import com.nasnetconnect.domain.schema.types.EventType;
import com.nasnetconnect.domain.schema.types.MetadataLayer;
import com.nasnetconnect.domain.schema.types.PlatformLayer;
import com.nasnetconnect.domain.schema.types.RelationshipsLayer;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.ResourceConfiguration;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.RuntimeLayer;
import com.nasnetconnect.domain.schema.types.TelemetryLayer;
import com.nasnetconnect.domain.schema.types.TelemetryPoint;
import com.nasnetconnect.domain.schema.types.ValidationIssue;
import com.nasnetconnect.domain.schema.types.ValidationLayer;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.ResourceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain state objects -> the schema's generated types. The resource and configuration classes are found by
 * the schema's naming convention ({@code BRIDGE_PORT} -> {@code BridgePort}, {@code BridgePortConfig}), so a
 * new kind needs no code here; configuration fields the schema does not declare are dropped.
 */
final class SchemaTypes {
    private static final String PACKAGE = "com.nasnetconnect.domain.schema.types.";
    /**
     * Jackson 2's defaults: with Jackson 3's, a generated type's {@code Interface} field would become a property of
     * that name (losing {@code interface}), properties would be sorted by name and a null int refused.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private SchemaTypes() {
    }

    static EventType eventType(com.nasnetconnect.domain.state.ChangeType type) {
        return EventType.valueOf(type.name());
    }

    /** The generated configuration object (e.g. {@code VlanConfig}) for a kind's configuration fields. */
    static ResourceConfiguration configuration(ResourceKind kind, Map<String, Object> fields) {
        try {
            Class<?> type = Class.forName(PACKAGE + SchemaDirectives.typeName(kind) + "Config");
            return (ResourceConfiguration) MAPPER.convertValue(fields, type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated configuration type for kind " + kind, e);
        }
    }

    /** A generated input object (e.g. {@code VlanInput}) as domain configuration fields, nulls left out. */
    static Map<String, Object> fields(Object input) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = MAPPER.convertValue(input, Map.class);
        var out = new LinkedHashMap<String, Object>();
        raw.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }

    static Resource resource(com.nasnetconnect.domain.state.Resource r) {
        ResourceKind kind = r.kind();
        try {
            Class<?> type = Class.forName(PACKAGE + SchemaDirectives.typeName(kind));
            Object out = type.getConstructor().newInstance();
            Class<?> configType = Class.forName(PACKAGE + SchemaDirectives.typeName(kind) + "Config");
            type.getMethod("setUuid", String.class).invoke(out, r.id().toString());
            type.getMethod("setKind", ResourceKind.class).invoke(out, kind);
            type.getMethod("setRouterId", String.class).invoke(out, r.routerId().value());
            type.getMethod("setConfiguration", configType).invoke(out, configuration(kind, r.configuration().values()));
            type.getMethod("setValidation", ValidationLayer.class).invoke(out, validation(r.validation()));
            type.getMethod("setDeployment", DeploymentLayer.class).invoke(out, r.deployment().map(SchemaTypes::deployment).orElse(null));
            type.getMethod("setRuntime", RuntimeLayer.class).invoke(out, r.runtime()
                    .map(x -> new RuntimeLayer(x.running(), x.observedAt(), x.values().values())).orElse(null));
            type.getMethod("setTelemetry", TelemetryLayer.class).invoke(out, new TelemetryLayer(r.telemetry().samples().stream()
                    .flatMap(s -> s.metrics().entrySet().stream().map(m -> new TelemetryPoint(s.at(), m.getKey(), m.getValue())))
                    .toList()));
            var m = r.metadata();
            type.getMethod("setMetadata", MetadataLayer.class).invoke(out, new MetadataLayer(m.createdAt(), m.createdBy(),
                    m.updatedAt(), m.updatedBy(), (int) Math.min(Integer.MAX_VALUE, m.version()), m.tags(),
                    m.description().isEmpty() ? null : m.description()));
            type.getMethod("setRelationships", RelationshipsLayer.class).invoke(out, new RelationshipsLayer(
                    ids(r.relationships().dependsOn()), ids(r.relationships().dependents())));
            type.getMethod("setPlatform", PlatformLayer.class).invoke(out, new PlatformLayer(r.platform().current(),
                    r.platform().capabilities().stream().sorted().toList()));
            return (Resource) out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the schema type of " + kind, e);
        }
    }

    private static ValidationLayer validation(com.nasnetconnect.domain.state.Validation v) {
        return new ValidationLayer(v.canApply(), issues(v.errors()), issues(v.warnings()));
    }

    private static List<ValidationIssue> issues(List<com.nasnetconnect.domain.state.ValidationIssue> issues) {
        return issues.stream().map(i -> new ValidationIssue(i.field(), i.message(), i.value())).toList();
    }

    private static DeploymentLayer deployment(com.nasnetconnect.domain.state.Deployment d) {
        return new DeploymentLayer(d.nativeId(), d.appliedAt(), d.appliedBy(), d.confirmed().values(),
                d.drift().map(x -> x.differences().stream().map(FieldDifference::field).toList()).orElse(List.of()));
    }

    private static List<String> ids(java.util.Set<ResourceId> ids) {
        return ids.stream().map(ResourceId::toString).sorted().toList();
    }

    /** Field differences as JSON: {@code {field: {before, after}}}. */
    static Map<String, Object> changes(List<FieldDifference> differences) {
        var out = new LinkedHashMap<String, Object>();
        for (var d : differences) {
            var m = new LinkedHashMap<String, Object>();
            m.put("before", d.before().orElse(null));
            m.put("after", d.after().orElse(null));
            out.put(d.field(), m);
        }
        return out;
    }
}
