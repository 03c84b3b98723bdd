package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.schema.RouterOsDurations;
import com.nasnetconnect.domain.schema.RouterText;
import com.nasnetconnect.domain.schema.types.*;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceId;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where domain values become the schema's generated types and back: resources with their eight
 * layers, routers and their status, events, and typed inputs to the RouterOS-ready strings of a
 * {@code DesiredResource}. The switches over kinds name the generated classes, so a schema rename fails
 * compilation here.
 *
 * <p>Configuration values are stored as text after an apply ({@code "10"}, {@code "yes"}); they are coerced to
 * the configuration type's field types here. A value the type cannot hold (e.g. mtu {@code auto}) is left out
 * rather than failing the whole resource.
 */
final class GraphQlMapper {
    /**
     * Jackson 2's defaults: with Jackson 3's, a generated type's {@code Interface} field would become a property of
     * that name (losing {@code interface}), properties would be sorted by name and a null int refused.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

    // ---- kinds ------------------------------------------------------------------------------------------

    static Class<? extends ResourceConfiguration> configType(ResourceKind kind) {
        return switch (kind) {
            case VLAN -> VlanConfig.class;
            case BRIDGE -> BridgeConfig.class;
            case BRIDGE_PORT -> BridgePortConfig.class;
            case BRIDGE_VLAN -> BridgeVlanConfig.class;
            case IP_ADDRESS -> IpAddressConfig.class;
            case IP_POOL -> IpPoolConfig.class;
            case DHCP_SERVER -> DhcpServerConfig.class;
            case DHCP_NETWORK -> DhcpNetworkConfig.class;
            case DHCP_CLIENT -> DhcpClientConfig.class;
            case WIREGUARD_INTERFACE -> WireguardInterfaceConfig.class;
            case WIREGUARD_PEER -> WireguardPeerConfig.class;
            case ROUTING_TABLE -> RoutingTableConfig.class;
            case ROUTE -> RouteConfig.class;
            case ROUTING_RULE -> RoutingRuleConfig.class;
            case FIREWALL_FILTER -> FirewallFilterConfig.class;
            case FIREWALL_NAT -> FirewallNatConfig.class;
            case FIREWALL_MANGLE -> FirewallMangleConfig.class;
            case ADDRESS_LIST_ENTRY -> AddressListEntryConfig.class;
            case VETH -> VethConfig.class;
            case CONTAINER_ENV -> ContainerEnvConfig.class;
            case CONTAINER_MOUNT -> ContainerMountConfig.class;
            case CONTAINER -> ContainerConfig.class;
        };
    }

    /** The typed configuration of one plan change for its kind (null when the caller did not give that input). */
    static Configuration planInput(PlanChangeInput c) {
        return Configuration.from(c);
    }

    /** The name of a plan change's input field for its kind, e.g. {@code wireguardPeer}. */
    static String planInputField(ResourceKind kind) {
        StringBuilder sb = new StringBuilder();
        for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    /** How many typed inputs a plan change carries (exactly one is allowed, for create and update). */
    static List<String> givenPlanInputs(PlanChangeInput c) {
        return Configuration.givenInputs(c);
    }

    // ---- resources --------------------------------------------------------------------------------------

    Resource resource(com.nasnetconnect.domain.state.Resource r) {
        ResourceKind kind = r.kind();
        String uuid = r.id().toString();
        String router = r.routerId().value();
        ValidationLayer validation = validation(r.validation());
        DeploymentLayer deployment = r.deployment().map(d -> deployment(kind, d)).orElse(null);
        RuntimeLayer runtime = r.runtime().map(this::runtime).orElse(null);
        TelemetryLayer telemetry = telemetry(r.telemetry());
        var m = r.metadata();
        MetadataLayer metadata = new MetadataLayer(m.createdAt(), m.createdBy(), m.updatedAt(), m.updatedBy(),
                (int) Math.min(Integer.MAX_VALUE, m.version()), m.tags(), m.description().isEmpty() ? null : m.description());
        RelationshipsLayer relationships = new RelationshipsLayer(ids(r.relationships().dependsOn()),
                ids(r.relationships().dependents()));
        PlatformLayer platform = new PlatformLayer(r.platform().current(), r.platform().capabilities().stream().sorted().toList());
        Object c = configuration(kind, r.configuration());
        return switch (kind) {
            case VLAN -> new Vlan(uuid, kind, router, (VlanConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case BRIDGE -> new Bridge(uuid, kind, router, (BridgeConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case BRIDGE_PORT -> new BridgePort(uuid, kind, router, (BridgePortConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case BRIDGE_VLAN -> new BridgeVlan(uuid, kind, router, (BridgeVlanConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case IP_ADDRESS -> new IpAddress(uuid, kind, router, (IpAddressConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case IP_POOL -> new IpPool(uuid, kind, router, (IpPoolConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case DHCP_SERVER -> new DhcpServer(uuid, kind, router, (DhcpServerConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case DHCP_NETWORK -> new DhcpNetwork(uuid, kind, router, (DhcpNetworkConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case DHCP_CLIENT -> new DhcpClient(uuid, kind, router, (DhcpClientConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case WIREGUARD_INTERFACE -> new WireguardInterface(uuid, kind, router, (WireguardInterfaceConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case WIREGUARD_PEER -> new WireguardPeer(uuid, kind, router, (WireguardPeerConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case ROUTING_TABLE -> new RoutingTable(uuid, kind, router, (RoutingTableConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case ROUTE -> new Route(uuid, kind, router, (RouteConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case ROUTING_RULE -> new RoutingRule(uuid, kind, router, (RoutingRuleConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case FIREWALL_FILTER -> new FirewallFilter(uuid, kind, router, (FirewallFilterConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case FIREWALL_NAT -> new FirewallNat(uuid, kind, router, (FirewallNatConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case FIREWALL_MANGLE -> new FirewallMangle(uuid, kind, router, (FirewallMangleConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case ADDRESS_LIST_ENTRY -> new AddressListEntry(uuid, kind, router, (AddressListEntryConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case VETH -> new Veth(uuid, kind, router, (VethConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case CONTAINER_ENV -> new ContainerEnv(uuid, kind, router, (ContainerEnvConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case CONTAINER_MOUNT -> new ContainerMount(uuid, kind, router, (ContainerMountConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
            case CONTAINER -> new Container(uuid, kind, router, (ContainerConfig) c, validation, deployment, runtime, telemetry, metadata, relationships, platform);
        };
    }

    /** The stored configuration as the kind's typed configuration; fields the type does not have are left out. */
    Object configuration(ResourceKind kind, Fields fields) {
        Class<?> type = configType(kind);
        Map<String, Type> props = properties(type);
        var values = new LinkedHashMap<String, Object>();
        fields.values().forEach((name, value) -> {
            Type t = props.get(name);
            if (t == null) return;
            Object v = coerce(value, t);
            if (v != null) values.put(name, v);
        });
        return MAPPER.convertValue(values, type);
    }

    private static ValidationLayer validation(com.nasnetconnect.domain.state.Validation v) {
        return new ValidationLayer(v.canApply(), v.errors().stream().map(GraphQlMapper::issue).toList(),
                v.warnings().stream().map(GraphQlMapper::issue).toList());
    }

    private static ValidationIssue issue(com.nasnetconnect.domain.state.ValidationIssue i) {
        return new ValidationIssue("configuration." + i.field(), i.message(), i.value().isEmpty() ? null : i.value());
    }

    private static DeploymentLayer deployment(ResourceKind kind, Deployment d) {
        // Generated fields: what the router reports beyond the configuration's own fields (e.g. publicKey).
        Map<String, Type> props = properties(configType(kind));
        var generated = new LinkedHashMap<String, Object>();
        d.confirmed().values().forEach((k, v) -> {
            if (!props.containsKey(k)) generated.put(k, v);
        });
        var drifted = new ArrayList<String>();
        d.drift().ifPresent(dr -> {
            dr.differences().forEach(f -> drifted.add(f.field()));
            if (dr.missing() && drifted.isEmpty()) drifted.add("nativeId");
        });
        return new DeploymentLayer(d.nativeId(), d.appliedAt(), d.appliedBy(), generated.isEmpty() ? null : generated, drifted);
    }

    RuntimeLayer runtime(com.nasnetconnect.domain.state.RuntimeState rt) {
        return new RuntimeLayer(rt.running(), rt.observedAt(), json(rt.values()));
    }

    static TelemetryLayer telemetry(com.nasnetconnect.domain.state.Telemetry t) {
        if (t.samples().isEmpty()) return null;
        var points = new ArrayList<TelemetryPoint>();
        t.samples().forEach(s -> s.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> points.add(new TelemetryPoint(s.at(), e.getKey(), e.getValue()))));
        return new TelemetryLayer(points);
    }

    private static List<String> ids(Collection<ResourceId> ids) {
        return ids.stream().map(ResourceId::toString).toList();
    }

    private static Map<String, Object> json(Fields f) {
        return new LinkedHashMap<>(f.values());
    }

    // ---- routers ----------------------------------------------------------------------------------------

    static Router router(com.nasnetconnect.domain.router.Router r, Optional<com.nasnetconnect.domain.router.RouterStatus> status,
                         Instant now) {
        var e = r.endpoint();
        var s = status.orElseGet(() -> com.nasnetconnect.domain.router.RouterStatus.unknown(r, now));
        return new Router(r.id().value(), r.name(), e.host(), e.port(), e.tls(), e.username(), r.demo(), r.addedAt(), status(s));
    }

    static RouterStatus status(com.nasnetconnect.domain.router.RouterStatus s) {
        return new RouterStatus(s.routerId().value(), s.reachable(), s.identity().orElse(null), s.version().orElse(null),
                s.board().orElse(null),
                s.uptime().map(Duration::toSeconds).map(n -> (int) Math.min(Integer.MAX_VALUE, n)).orElse(null),
                s.cpuLoadPercent().orElse(null),
                s.freeMemoryBytes().map(Long::doubleValue).orElse(null),
                s.totalMemoryBytes().map(Long::doubleValue).orElse(null),
                s.problem().orElse(null), s.checkedAt(), s.lastSeenAt().orElse(null));
    }

    // ---- events -----------------------------------------------------------------------------------------

    /** The schema's event types mirror the state's change types one to one. */
    static EventType eventType(ChangeType t) {
        return EventType.valueOf(t.name());
    }

    /**
     * The changed configuration fields as {@code {field: {before, after}}}; keyed by field name so the GraphQL
     * layer masks a {@code @sensitive} field's values wherever they appear.
     */
    ResourceEvent event(com.nasnetconnect.domain.state.ResourceEvent e) {
        var changes = new LinkedHashMap<String, Object>();
        for (FieldDifference d : e.changes()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("before", d.before().orElse(null));
            m.put("after", d.after().orElse(null));
            changes.put(d.field(), m);
        }
        return new ResourceEvent(Cursors.event(e.sequence()), e.routerId().value(), e.resourceId().toString(),
                e.kind(), eventType(e.type()), e.at(), e.actor(), changes);
    }

    ResourceChange change(com.nasnetconnect.domain.state.ResourceEvent e) {
        return new ResourceChange(e.routerId().value(), eventType(e.type()), e.resourceId().toString(), e.kind(),
                e.state().map(this::resource).orElse(null), e.at());
    }

    // ---- inputs -----------------------------------------------------------------------------------------

    /**
     * A typed input (a generated {@code <Type>Input}, or its {@link Configuration}) as router-ready text in
     * domain field names, through the generated configuration and {@link RouterText}; absent (null) fields are
     * left out.
     */
    static Map<String, String> desired(Object input) {
        return (input instanceof Configuration c ? c : Configuration.of(input)).text();
    }

    /** A stored value as router text: {@link RouterText}, the converter the apply ledger uses too. */
    static String text(Object v) {
        return RouterText.of(v);
    }

    // ---- coercion of stored values to the generated types ---------------------------------------------------

    private static Map<String, Type> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            var out = new LinkedHashMap<String, Type>();
            for (Method m : t.getMethods()) {
                if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) continue;
                String n = m.getName();
                String prop = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                        : n.startsWith("is") && n.length() > 2 ? n.substring(2) : null;
                if (prop == null || prop.equals("Class")) continue;
                out.put(Character.toLowerCase(prop.charAt(0)) + prop.substring(1), m.getGenericReturnType());
            }
            return out;
        });
    }

    static Object coerce(Object value, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            List<?> items = value instanceof List<?> l ? l
                    : String.valueOf(value).isBlank() ? List.of() : Arrays.asList(String.valueOf(value).split(","));
            var out = new ArrayList<>();
            for (Object i : items) {
                Object c = coerce(i instanceof String s ? s.trim() : i, element);
                if (c != null) out.add(c);
            }
            return out;
        }
        if (type == String.class) return value instanceof List<?> l ? text(l) : String.valueOf(value);
        if (type == Integer.class || type == int.class) return integer(value);
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            try {
                return Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value instanceof Boolean b) return b;
            String s = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            return s.equals("yes") || s.equals("true") ? Boolean.TRUE : s.equals("no") || s.equals("false") ? Boolean.FALSE : null;
        }
        return value;
    }

    /** Digits, or a RouterOS duration ({@code 10m}, {@code 25s}) as seconds; null for anything else. */
    private static Integer integer(Object value) {
        if (value instanceof Long l) return l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
        String s = String.valueOf(value).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return RouterOsDurations.parse(s).map(d -> (int) Math.min(Integer.MAX_VALUE, d.toSeconds())).orElse(null);
        }
    }
}
