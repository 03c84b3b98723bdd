package com.nasnetconnect.server.graphql;

import static com.nasnetconnect.domain.schema.types.ResourceKind.*;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.Violation;
import com.nasnetconnect.domain.schema.types.*;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the executable schema: schema.graphql plus the wiring table below (type -> field -> fetcher), then
 * wraps every root field so that, before its fetcher runs, the arguments are checked against the
 * {@code @validate} rules and mutations are refused to viewers; and masks every {@code @sensitive} output field.
 */
final class GraphQlWiring {
    private GraphQlWiring() {
    }

    /** The table. Every Query, Mutation and Subscription field must appear here (a test checks it). */
    static RuntimeWiring table(Fetchers f) {
        var wiring = RuntimeWiring.newRuntimeWiring();
        // every resource type: runtime and telemetry read when asked (the poller's latest, the hot tier)
        for (ResourceKind kind : ResourceKind.values()) {
            wiring.type(SchemaDirectives.typeName(kind), t -> t
                    .dataFetcher("runtime", f::runtime)
                    .dataFetcher("telemetry", f::telemetry));
        }
        return wiring
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.JSON)
                .type("Query", t -> t
                        .dataFetcher("routers", f::routers)
                        .dataFetcher("apiKeys", f::apiKeys)
                        .dataFetcher("router", f::router)
                        .dataFetcher("resource", f::resource)
                        .dataFetcher("resources", f::resources)
                        .dataFetcher("resourceAt", f::resourceAt)
                        .dataFetcher("impact", f::impact)
                        .dataFetcher("events", f::events)
                        .dataFetcher("serviceTemplates", f::serviceTemplates)
                        .dataFetcher("serviceInstances", f::serviceInstances)
                        .dataFetcher("eventLog", f::eventLog)
                        .dataFetcher("eventStorage", f::eventStorage)
                        .dataFetcher("updateStatus", f::updateStatus)
                        .dataFetcher("updateHistory", f::updateHistory))
                .type("Mutation", t -> t
                        .dataFetcher("addRouter", f::addRouter)
                        .dataFetcher("adoptRouter", f::adoptRouter)
                        .dataFetcher("removeRouter", f::removeRouter)
                        .dataFetcher("createVlan", f.create(VLAN, VlanInput.class))
                        .dataFetcher("updateVlan", f.update(VLAN, VlanInput.class))
                        .dataFetcher("createBridge", f.create(BRIDGE, BridgeInput.class))
                        .dataFetcher("updateBridge", f.update(BRIDGE, BridgeInput.class))
                        .dataFetcher("createBridgePort", f.create(BRIDGE_PORT, BridgePortInput.class))
                        .dataFetcher("updateBridgePort", f.update(BRIDGE_PORT, BridgePortInput.class))
                        .dataFetcher("createBridgeVlan", f.create(BRIDGE_VLAN, BridgeVlanInput.class))
                        .dataFetcher("updateBridgeVlan", f.update(BRIDGE_VLAN, BridgeVlanInput.class))
                        .dataFetcher("createIpAddress", f.create(IP_ADDRESS, IpAddressInput.class))
                        .dataFetcher("updateIpAddress", f.update(IP_ADDRESS, IpAddressInput.class))
                        .dataFetcher("createIpPool", f.create(IP_POOL, IpPoolInput.class))
                        .dataFetcher("updateIpPool", f.update(IP_POOL, IpPoolInput.class))
                        .dataFetcher("createDhcpServer", f.create(DHCP_SERVER, DhcpServerInput.class))
                        .dataFetcher("updateDhcpServer", f.update(DHCP_SERVER, DhcpServerInput.class))
                        .dataFetcher("createDhcpNetwork", f.create(DHCP_NETWORK, DhcpNetworkInput.class))
                        .dataFetcher("updateDhcpNetwork", f.update(DHCP_NETWORK, DhcpNetworkInput.class))
                        .dataFetcher("createDhcpClient", f.create(DHCP_CLIENT, DhcpClientInput.class))
                        .dataFetcher("updateDhcpClient", f.update(DHCP_CLIENT, DhcpClientInput.class))
                        .dataFetcher("createWireguardInterface", f.create(WIREGUARD_INTERFACE, WireguardInterfaceInput.class))
                        .dataFetcher("updateWireguardInterface", f.update(WIREGUARD_INTERFACE, WireguardInterfaceInput.class))
                        .dataFetcher("createWireguardPeer", f.create(WIREGUARD_PEER, WireguardPeerInput.class))
                        .dataFetcher("updateWireguardPeer", f.update(WIREGUARD_PEER, WireguardPeerInput.class))
                        .dataFetcher("createRoutingTable", f.create(ROUTING_TABLE, RoutingTableInput.class))
                        .dataFetcher("updateRoutingTable", f.update(ROUTING_TABLE, RoutingTableInput.class))
                        .dataFetcher("createRoute", f.create(ROUTE, RouteInput.class))
                        .dataFetcher("updateRoute", f.update(ROUTE, RouteInput.class))
                        .dataFetcher("createRoutingRule", f.create(ROUTING_RULE, RoutingRuleInput.class))
                        .dataFetcher("updateRoutingRule", f.update(ROUTING_RULE, RoutingRuleInput.class))
                        .dataFetcher("createFirewallFilter", f.create(FIREWALL_FILTER, FirewallFilterInput.class))
                        .dataFetcher("updateFirewallFilter", f.update(FIREWALL_FILTER, FirewallFilterInput.class))
                        .dataFetcher("createFirewallNat", f.create(FIREWALL_NAT, FirewallNatInput.class))
                        .dataFetcher("updateFirewallNat", f.update(FIREWALL_NAT, FirewallNatInput.class))
                        .dataFetcher("createFirewallMangle", f.create(FIREWALL_MANGLE, FirewallMangleInput.class))
                        .dataFetcher("updateFirewallMangle", f.update(FIREWALL_MANGLE, FirewallMangleInput.class))
                        .dataFetcher("createAddressListEntry", f.create(ADDRESS_LIST_ENTRY, AddressListEntryInput.class))
                        .dataFetcher("updateAddressListEntry", f.update(ADDRESS_LIST_ENTRY, AddressListEntryInput.class))
                        .dataFetcher("createVeth", f.create(VETH, VethInput.class))
                        .dataFetcher("updateVeth", f.update(VETH, VethInput.class))
                        .dataFetcher("createContainerEnv", f.create(CONTAINER_ENV, ContainerEnvInput.class))
                        .dataFetcher("updateContainerEnv", f.update(CONTAINER_ENV, ContainerEnvInput.class))
                        .dataFetcher("createContainerMount", f.create(CONTAINER_MOUNT, ContainerMountInput.class))
                        .dataFetcher("updateContainerMount", f.update(CONTAINER_MOUNT, ContainerMountInput.class))
                        .dataFetcher("createContainer", f.create(CONTAINER, ContainerInput.class))
                        .dataFetcher("updateContainer", f.update(CONTAINER, ContainerInput.class))
                        .dataFetcher("deleteResource", f::deleteResource)
                        .dataFetcher("applyPlan", f::applyPlan)
                        .dataFetcher("checkDrift", f::checkDrift)
                        .dataFetcher("acceptRouterValues", f::acceptRouterValues)
                        .dataFetcher("reapplyResource", f::reapplyResource)
                        .dataFetcher("revealSecret", f::revealSecret)
                        .dataFetcher("createApiKey", f::createApiKey)
                        .dataFetcher("revokeApiKey", f::revokeApiKey)
                        .dataFetcher("installService", f::installService)
                        .dataFetcher("uninstallService", f::uninstallService)
                        .dataFetcher("routeThroughService", f::routeThroughService)
                        .dataFetcher("removeRoutingPolicy", f::removeRoutingPolicy)
                        .dataFetcher("checkForUpdates", f::checkForUpdates)
                        .dataFetcher("applyUpdate", f::applyUpdate))
                .type("Subscription", t -> t
                        .dataFetcher("resourceChanged", f::resourceChanged)
                        .dataFetcher("routerStatus", f::routerStatus)
                        .dataFetcher("events", f::eventStream)
                        .dataFetcher("serviceInstanceChanged", f::serviceInstanceChanged))
                .type("ServiceInstance", t -> t
                        .dataFetcher("policies", f::instancePolicies)
                        .dataFetcher("resources", f::instanceResources))
                .type("RoutingPolicy", t -> t.dataFetcher("resources", f::policyResources))
                .type("LogEvent", t -> t.dataFetcher("class", f::eventClass))
                .type("Resource", t -> t.typeResolver(BY_CLASS_NAME))
                .type("ResourceConfiguration", t -> t.typeResolver(BY_CLASS_NAME))
                .build();
    }

    /** Generated classes carry the GraphQL type names. */
    private static final TypeResolver BY_CLASS_NAME = env -> env.getSchema().getObjectType(env.getObject().getClass().getSimpleName());

    /** The executable schema: table, then argument validation and roles on root fields, then masking. */
    static GraphQLSchema schema(SchemaDirectives directives, Fetchers fetchers, Redactor redactor) {
        return secured(plain(directives, fetchers), directives, redactor);
    }

    /** The table made executable: the slow part (most of the engine's start-up), which calls no fetcher. */
    static GraphQLSchema plain(SchemaDirectives directives, Fetchers fetchers) {
        RuntimeWiring table = table(fetchers);
        List<String> missing = missingFetchers(directives, table);
        if (!missing.isEmpty()) throw new IllegalStateException("schema fields without a fetcher: " + missing);
        return new SchemaGenerator().makeExecutableSchema(directives.registry(), table);
    }

    /** Argument validation and roles on root fields, then masking, around the plain schema's fetchers. */
    static GraphQLSchema secured(GraphQLSchema plain, SchemaDirectives directives, Redactor redactor) {
        ValidationRules rules = directives.validationRules();
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry(plain.getCodeRegistry());
        for (GraphQLObjectType root : roots(plain)) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                var coordinates = FieldCoordinates.coordinates(root.getName(), field.getName());
                DataFetcher<?> inner = plain.getCodeRegistry().getDataFetcher(coordinates, field);
                code.dataFetcher(coordinates, guarded(root.getName(), field, inner, rules));
            }
        }
        for (String type : redactor.typesWithSecrets()) {
            if (!(plain.getType(type) instanceof GraphQLObjectType object)) continue;
            for (String name : redactor.sensitiveFields(type)) {
                var coordinates = FieldCoordinates.coordinates(type, name);
                DataFetcher<?> inner = plain.getCodeRegistry().getDataFetcher(coordinates, object.getFieldDefinition(name));
                code.dataFetcher(coordinates, (DataFetcher<Object>) env -> redactor.mask(type, name, inner.get(env)));
            }
        }
        Set<String> secretKeys = secretKeys(directives, redactor);
        for (var coordinates : List.of(FieldCoordinates.coordinates("ResourceEvent", "changes"),
                FieldCoordinates.coordinates("DeploymentLayer", "generatedFields"),
                FieldCoordinates.coordinates("RuntimeLayer", "values"),
                FieldCoordinates.coordinates("LogEvent", "data"))) {
            var object = (GraphQLObjectType) plain.getType(coordinates.getTypeName());
            DataFetcher<?> inner = plain.getCodeRegistry().getDataFetcher(coordinates, object.getFieldDefinition(coordinates.getFieldName()));
            code.dataFetcher(coordinates, (DataFetcher<Object>) env -> maskJson(inner.get(env), secretKeys));
        }
        // only the fetchers change: the types are the plain schema's, so they are not traversed and checked again
        return plain.transformWithoutTypes(s -> s.codeRegistry(code.build()));
    }

    /** Names under which a secret may appear in free-form JSON: sensitive field names and their router attributes. */
    static Set<String> secretKeys(SchemaDirectives directives, Redactor redactor) {
        var keys = new java.util.TreeSet<String>();
        for (String type : redactor.typesWithSecrets()) {
            for (String field : redactor.sensitiveFields(type)) {
                keys.add(field);
                for (var kind : ResourceKind.values()) {
                    if (!type.equals(SchemaDirectives.typeName(kind) + "Config")) continue;
                    for (var map : List.of(directives.mikrotik(), directives.openwrt())) {
                        if (map.supports(kind)) map.attribute(kind, field).ifPresent(keys::add);
                    }
                }
            }
        }
        return Set.copyOf(keys);
    }

    /** Masks, at any depth, every non-null value whose key is a secret's name. */
    static Object maskJson(Object value, Set<String> secretKeys) {
        if (value instanceof Map<?, ?> m) {
            var out = new LinkedHashMap<Object, Object>();
            m.forEach((k, v) -> out.put(k, v != null && secretKeys.contains(String.valueOf(k)) ? Redactor.MASK : maskJson(v, secretKeys)));
            return out;
        }
        if (value instanceof List<?> l) return l.stream().map(v -> maskJson(v, secretKeys)).toList();
        return value;
    }

    /** Query, Mutation and Subscription fields of the schema that the table gives no fetcher, as {@code Type.field}. */
    static List<String> missingFetchers(SchemaDirectives directives, RuntimeWiring table) {
        var registry = directives.registry();
        var missing = new java.util.ArrayList<String>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            var wired = table.getDataFetchers().getOrDefault(root, Map.of());
            registry.getType(root, graphql.language.ObjectTypeDefinition.class).ifPresent(type -> {
                var fields = new java.util.ArrayList<>(type.getFieldDefinitions());
                registry.objectTypeExtensions().getOrDefault(root, List.of()).forEach(e -> fields.addAll(e.getFieldDefinitions()));
                for (var f : fields) {
                    if (!wired.containsKey(f.getName())) missing.add(root + "." + f.getName());
                }
            });
        }
        return missing;
    }

    static List<GraphQLObjectType> roots(GraphQLSchema schema) {
        return java.util.stream.Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
                .filter(java.util.Objects::nonNull).toList();
    }

    private static DataFetcher<Object> guarded(String rootType, GraphQLFieldDefinition field, DataFetcher<?> inner, ValidationRules rules) {
        boolean mutation = rootType.equals("Mutation");
        Map<String, Object> emptyPayload = mutation ? emptyPayload(field) : null;
        return env -> {
            Principal who = Fetchers.principal(env);
            if (mutation) who.require(Role.OPERATOR, field.getName());
            List<Violation> violations = rules.validateArguments(rootType, field.getName(), env.getArguments());
            if (violations.isEmpty()) return inner.get(env);
            var result = DataFetcherResult.newResult();
            for (Violation v : violations) {
                result.error(GraphqlErrorBuilder.newError(env)
                        .message(v.describe())
                        .extensions(extensions(v))
                        .build());
            }
            if (mutation) {
                var payload = new LinkedHashMap<>(emptyPayload);
                payload.put("userErrors", violations.stream().map(v -> Map.of(
                        "field", List.of(v.fieldPath().split("\\.")), "message", v.message(),
                        "value", String.valueOf(v.badValue()))).toList());
                result.data(payload);
            }
            return result.build();
        };
    }

    static Map<String, Object> extensions(Violation v) {
        var ext = new LinkedHashMap<String, Object>();
        ext.put("code", "BAD_USER_INPUT");
        ext.put("field", v.fieldPath());
        ext.put("value", v.badValue());
        return ext;
    }

    /** A payload with empty lists for its non-null list fields, so a refused mutation still has a payload. */
    private static Map<String, Object> emptyPayload(GraphQLFieldDefinition field) {
        var out = new LinkedHashMap<String, Object>();
        if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType payload) {
            for (var f : payload.getFieldDefinitions()) {
                if (f.getType() instanceof GraphQLNonNull nn && nn.getWrappedType() instanceof GraphQLList) out.put(f.getName(), List.of());
            }
        }
        return out;
    }
}
