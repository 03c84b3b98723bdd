package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.common.Echo;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.OptionRule;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.TemplateOption;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.schema.types.HealthStatus;
import com.nasnetconnect.domain.schema.types.InstallServiceInput;
import com.nasnetconnect.domain.schema.types.PolicyMatchInput;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.RoutingPolicyInput;
import com.nasnetconnect.domain.schema.types.RoutingPolicyPayload;
import com.nasnetconnect.domain.schema.types.ServiceGateway;
import com.nasnetconnect.domain.schema.types.ServiceInstancePayload;
import com.nasnetconnect.domain.schema.types.ServiceOption;
import com.nasnetconnect.domain.schema.types.ServiceOptionRule;
import com.nasnetconnect.domain.schema.types.ServiceOptionValue;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.StateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import static com.nasnetconnect.server.graphql.backend.Arguments.requireRouterId;
import static com.nasnetconnect.server.graphql.backend.UserErrors.plus;

/**
 * The Virtual Interface Factory over its in-ports {@link ServiceFactory} and {@link RoutingPolicies}: arguments into
 * domain requests, instances into the schema's types, refusals into {@code userErrors} under the GraphQL names
 * ({@code input.template}, {@code input.options.<key>}, {@code input.match.<field>}…). A secret option's value never
 * leaves: instances carry only the plain options, and the domain names no secret in its refusals.
 */
final class ServicePayloads {
    private static final List<String> MATCH_FIELDS = List.of("interface", "subnet", "address", "mac", "domain");

    private final ServiceFactory factory;
    private final RoutingPolicies policies;
    private final ResourceQueries queries;
    private final GraphQlMapper mapper;

    ServicePayloads(ServiceFactory factory, RoutingPolicies policies, ResourceQueries queries, GraphQlMapper mapper) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    List<com.nasnetconnect.domain.schema.types.ServiceTemplate> templates(Principal who) {
        return factory.templates(who).stream().map(ServicePayloads::template).toList();
    }

    List<com.nasnetconnect.domain.schema.types.ServiceInstance> instances(Principal who, String routerId) {
        return factory.instances(who, requireRouterId(routerId)).stream().map(ServicePayloads::instance).toList();
    }

    ServiceInstancePayload install(Principal who, String routerId, InstallServiceInput input) {
        var options = input.getOptions() == null ? List.<InstallRequest.OptionValue>of()
                : input.getOptions().stream().map(o -> new InstallRequest.OptionValue(o.getKey(), o.getValue())).toList();
        try {
            var installed = factory.install(who, requireRouterId(routerId), new InstallRequest(input.getTemplate(), input.getName(), options));
            return new ServiceInstancePayload(instance(installed), List.of());
        } catch (NoSuchRouter e) {
            return new ServiceInstancePayload(null, UserErrors.noRouter("routerId", routerId));
        } catch (InputRefused e) {
            return new ServiceInstancePayload(null, UserErrors.refused(e, at -> at.equals(List.of("routerId")) ? at : plus(List.of("input"), at)));
        } catch (ApplyException | RouterException | StateException e) {
            return new ServiceInstancePayload(null, UserErrors.refusal(e, List.of("input")));
        }
    }

    ServiceInstancePayload uninstall(Principal who, String id) {
        try {
            return new ServiceInstancePayload(instance(factory.uninstall(who, id)), List.of());
        } catch (InputRefused e) {
            return new ServiceInstancePayload(null, UserErrors.refused(e, at -> List.of("id")));
        } catch (ApplyException | RouterException | StateException e) {
            return new ServiceInstancePayload(null, UserErrors.refusal(e, List.of("id")));
        }
    }

    RoutingPolicyPayload routeThrough(Principal who, RoutingPolicyInput input) {
        var match = match(input.getMatch());
        if (match.isEmpty()) {
            var given = given(input.getMatch());
            return new RoutingPolicyPayload(null, UserErrors.of(List.of("input", "match"), "give exactly one of "
                    + String.join(", ", MATCH_FIELDS) + "; " + (given.isEmpty() ? "none was given" : "got " + String.join(", ", given)),
                    given.isEmpty() ? null : String.join(", ", given)));
        }
        try {
            var policy = policies.routeThrough(who, requireRouterId(input.getRouterId()), input.getInstanceId(), match.get(0));
            return new RoutingPolicyPayload(policy(policy), List.of());
        } catch (NoSuchRouter e) {
            return new RoutingPolicyPayload(null, UserErrors.of(List.of("input", "routerId"), "no router " + Echo.of(input.getRouterId()),
                    input.getRouterId()));
        } catch (InputRefused e) {
            return new RoutingPolicyPayload(null, UserErrors.refused(e, at -> plus(List.of("input"), at)));
        } catch (ApplyException | RouterException | StateException e) {
            return new RoutingPolicyPayload(null, UserErrors.refusal(e, List.of("input")));
        }
    }

    RoutingPolicyPayload remove(Principal who, String id) {
        try {
            return new RoutingPolicyPayload(policy(policies.remove(who, id)), List.of());
        } catch (InputRefused e) {
            return new RoutingPolicyPayload(null, UserErrors.refused(e, at -> List.of("id")));
        } catch (ApplyException | RouterException | StateException e) {
            return new RoutingPolicyPayload(null, UserErrors.refusal(e, List.of("id")));
        }
    }

    /** The routing policies of one instance (of the router's policies, oldest first). */
    List<com.nasnetconnect.domain.schema.types.RoutingPolicy> policies(Principal who, String routerId, String instanceId) {
        return policies.list(who, requireRouterId(routerId)).stream().filter(p -> p.instanceId().equals(instanceId))
                .map(ServicePayloads::policy).toList();
    }

    /** The routing policies of all the router's instances (oldest first). */
    List<com.nasnetconnect.domain.schema.types.RoutingPolicy> policies(Principal who, String routerId) {
        return policies.list(who, requireRouterId(routerId)).stream().map(ServicePayloads::policy).toList();
    }

    /** The resources of these uuids that exist now, in the given order. */
    List<Resource> resources(Principal who, List<String> uuids) {
        var out = new ArrayList<Resource>();
        for (String uuid : uuids) {
            Arguments.resourceId(uuid).flatMap(id -> queries.get(who, id)).map(mapper::resource).ifPresent(out::add);
        }
        return out;
    }

    AutoCloseable follow(Principal who, String routerId, Consumer<com.nasnetconnect.domain.schema.types.ServiceInstance> listener) {
        return factory.follow(who, requireRouterId(routerId), i -> listener.accept(instance(i)));
    }

    // ---- translation ----------------------------------------------------------------------------------------

    /** The one match given, or empty when none or several are. */
    private static List<com.nasnetconnect.domain.factory.PolicyMatch> match(PolicyMatchInput in) {
        if (in == null) return List.of();
        var out = new ArrayList<com.nasnetconnect.domain.factory.PolicyMatch>();
        add(out, com.nasnetconnect.domain.factory.PolicyMatch.Kind.INTERFACE, in.getInterface());
        add(out, com.nasnetconnect.domain.factory.PolicyMatch.Kind.SUBNET, in.getSubnet());
        add(out, com.nasnetconnect.domain.factory.PolicyMatch.Kind.ADDRESS, in.getAddress());
        add(out, com.nasnetconnect.domain.factory.PolicyMatch.Kind.MAC, in.getMac());
        add(out, com.nasnetconnect.domain.factory.PolicyMatch.Kind.DOMAIN, in.getDomain());
        return out.size() == 1 ? out : List.of();
    }

    private static void add(List<com.nasnetconnect.domain.factory.PolicyMatch> out, com.nasnetconnect.domain.factory.PolicyMatch.Kind kind,
                            String value) {
        if (value != null) out.add(new com.nasnetconnect.domain.factory.PolicyMatch(kind, value));
    }

    private static List<String> given(PolicyMatchInput in) {
        if (in == null) return List.of();
        var out = new ArrayList<String>();
        if (in.getInterface() != null) out.add("interface");
        if (in.getSubnet() != null) out.add("subnet");
        if (in.getAddress() != null) out.add("address");
        if (in.getMac() != null) out.add("mac");
        if (in.getDomain() != null) out.add("domain");
        return out;
    }

    static com.nasnetconnect.domain.schema.types.ServiceTemplate template(com.nasnetconnect.domain.factory.ServiceTemplate t) {
        return new com.nasnetconnect.domain.schema.types.ServiceTemplate(t.id(), t.name(), t.description(),
                ServiceGateway.valueOf(t.gateway().name()), t.needsContainer(), t.interfacePrefix(),
                t.options().stream().map(ServicePayloads::option).toList());
    }

    private static ServiceOption option(TemplateOption o) {
        OptionRule rule = o.rule();
        return new ServiceOption(o.key(), o.label(), o.description(), o.required(), o.defaultValue().orElse(null), rule.secret(),
                ServiceOptionRule.valueOf(rule.name()), format(rule), pattern(rule));
    }

    /** What the rule accepts, in words a form can show under the field. */
    static String format(OptionRule rule) {
        return switch (rule) {
            case COUNTRY -> "an ISO 3166 country code, two letters such as us, de or nl";
            case HOST -> "a host name or an IPv4 address";
            case PORT -> "a port number from 1 to 65535";
            case TEXT, SECRET_TEXT -> "1 to 255 printable characters";
            case WG_QUICK -> "a wg-quick configuration file: [Interface] with PrivateKey and Address, and one [Peer] with PublicKey, AllowedIPs and Endpoint";
        };
    }

    /** A regular expression every accepted value matches, where the rule has a simple one (the server still decides). */
    static String pattern(OptionRule rule) {
        return switch (rule) {
            case COUNTRY -> "^[A-Za-z]{2}$";
            case HOST -> "^[A-Za-z0-9.-]{1,253}$";
            case PORT -> "^[0-9]{1,5}$";
            case TEXT, SECRET_TEXT, WG_QUICK -> null;
        };
    }

    /** An instance with its plain options only; policies and resources are fetched when a query selects them. */
    static com.nasnetconnect.domain.schema.types.ServiceInstance instance(com.nasnetconnect.domain.factory.ServiceInstance i) {
        var h = i.health();
        var health = new com.nasnetconnect.domain.schema.types.InstanceHealth(HealthStatus.valueOf(h.status().name()),
                h.reason().isEmpty() ? null : h.reason(), h.checkedAt().orElse(null));
        var options = i.options().entrySet().stream().map(e -> new ServiceOptionValue(e.getKey(), e.getValue())).toList();
        return new com.nasnetconnect.domain.schema.types.ServiceInstance(i.id(), i.routerId().value(), i.template(), i.name(),
                i.interfaceName(), i.vlanId(), i.subnet(), com.nasnetconnect.domain.schema.types.InstanceState.valueOf(i.state().name()),
                i.progress(), health, options, null, i.resources().stream().map(ResourceId::toString).toList(), null, i.createdAt());
    }

    static com.nasnetconnect.domain.schema.types.RoutingPolicy policy(com.nasnetconnect.domain.factory.RoutingPolicy p) {
        var m = p.match();
        var match = new com.nasnetconnect.domain.schema.types.PolicyMatch(
                m.kind() == com.nasnetconnect.domain.factory.PolicyMatch.Kind.INTERFACE ? m.value() : null,
                m.kind() == com.nasnetconnect.domain.factory.PolicyMatch.Kind.SUBNET ? m.value() : null,
                m.kind() == com.nasnetconnect.domain.factory.PolicyMatch.Kind.ADDRESS ? m.value() : null,
                m.kind() == com.nasnetconnect.domain.factory.PolicyMatch.Kind.MAC ? m.value() : null,
                m.kind() == com.nasnetconnect.domain.factory.PolicyMatch.Kind.DOMAIN ? m.value() : null);
        return new com.nasnetconnect.domain.schema.types.RoutingPolicy(p.id(), p.routerId().value(), p.instanceId(), match,
                p.resources().stream().map(ResourceId::toString).toList(), null, p.createdAt());
    }
}
