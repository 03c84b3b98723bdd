package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.types.AccessRole;
import com.nasnetconnect.domain.schema.types.AddRouterInput;
import com.nasnetconnect.domain.schema.types.ApiKey;
import com.nasnetconnect.domain.schema.types.ApiKeyPayload;
import com.nasnetconnect.domain.schema.types.CreateApiKeyPayload;
import com.nasnetconnect.domain.schema.types.AdoptRouterPayload;
import com.nasnetconnect.domain.schema.types.ApplyPlanPayload;
import com.nasnetconnect.domain.schema.types.CheckDriftPayload;
import com.nasnetconnect.domain.schema.types.DeletePayload;
import com.nasnetconnect.domain.schema.types.EventConnection;
import com.nasnetconnect.domain.schema.types.Impact;
import com.nasnetconnect.domain.schema.types.PlanChangeInput;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.RuntimeLayer;
import com.nasnetconnect.domain.schema.types.TelemetryLayer;
import com.nasnetconnect.domain.schema.types.ResourceChange;
import com.nasnetconnect.domain.schema.types.ResourceConnection;
import com.nasnetconnect.domain.schema.types.ResourceEvent;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.ResourcePayload;
import com.nasnetconnect.domain.schema.types.Router;
import com.nasnetconnect.domain.schema.types.RouterPayload;
import com.nasnetconnect.domain.schema.types.RouterStatus;
import com.nasnetconnect.domain.schema.types.UserError;
import com.nasnetconnect.domain.schema.types.RevealPayload;
import com.nasnetconnect.domain.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the GraphQL fetchers need from the domain, in the schema's generated types
 * ({@code com.nasnetconnect.domain.schema.types}). The composition root implements it over the domain's
 * in-ports (routers + monitor, resource state, events, time travel, impact, apply). Fetchers stay thin: they
 * convert arguments, call one method, and return what it returns.
 *
 * <p>Every call carries the acting {@link Principal}; the GraphQL layer has already refused mutations to
 * viewers and validated every input against the schema's {@code @validate} rules, but implementations check
 * roles again (domain services own that decision). Sensitive values may be returned in clear: the GraphQL
 * layer masks them. Domain refusals should come back as {@code userErrors}; an {@link IllegalArgumentException}
 * thrown here becomes a BAD_USER_INPUT error carrying its message.
 */
public interface GraphQlBackend {

    List<Router> routers(Principal who);

    Optional<Router> router(Principal who, String id);

    Optional<Resource> resource(Principal who, String uuid);

    /** A resource's runtime layer, fresher than the one it was read with when the poller has one. */
    default RuntimeLayer runtime(Principal who, Resource resource) {
        return resource.getRuntime();
    }

    /** A resource's telemetry layer (recent points from the event log's hot tier when a poller records them). */
    default TelemetryLayer telemetry(Principal who, Resource resource) {
        return resource.getTelemetry();
    }

    /** @param kind null for every kind; @param after an opaque cursor from a previous page, or null */
    ResourceConnection resources(Principal who, String routerId, ResourceKind kind, int first, String after);

    Optional<Resource> resourceAt(Principal who, String uuid, Instant at);

    Impact impact(Principal who, String uuid);

    /**
     * The event log across its tiers, newest first (viewers and up). Every argument but {@code first} may be null;
     * {@code classes} are {@code EventClass} names.
     */
    default com.nasnetconnect.domain.schema.types.EventLogConnection eventLog(Principal who, String routerId, List<String> classes,
                                                                           List<String> types, Instant since, Instant until,
                                                                           int first, String after) {
        throw new IllegalStateException("this server has no event log");
    }

    /** The event tiers' sizes and state (viewers and up). */
    default com.nasnetconnect.domain.schema.types.EventStorage eventStorage(Principal who) {
        throw new IllegalStateException("this server has no event log");
    }

    /** Newest first; {@code since}/{@code until} may be null. */
    EventConnection events(Principal who, String routerId, Instant since, Instant until, int first, String after);

    RouterPayload addRouter(Principal who, AddRouterInput input);

    AdoptRouterPayload adoptRouter(Principal who, AddRouterInput input);

    RouterPayload removeRouter(Principal who, String id);

    /** @param input the generated input type of {@code kind}, e.g. {@code VlanInput} for {@code VLAN} */
    ResourcePayload create(Principal who, String routerId, ResourceKind kind, Object input);

    ResourcePayload update(Principal who, String uuid, ResourceKind kind, Object input);

    DeletePayload delete(Principal who, String uuid, boolean cascade);

    ApplyPlanPayload applyPlan(Principal who, String routerId, List<PlanChangeInput> changes);

    /** Checks drift of every deployed resource of the router now (operators and admins). */
    CheckDriftPayload checkDrift(Principal who, String routerId);

    /** A drifted resource takes the router's values into its stored configuration (operators and admins). */
    default ResourcePayload acceptRouterValues(Principal who, String uuid) {
        return new ResourcePayload(null, List.of(new UserError(List.of("uuid"), "drift cannot be resolved on this server", uuid)));
    }

    /** A drifted resource's stored configuration goes to the router again (operators and admins). */
    default ResourcePayload reapplyResource(Principal who, String uuid) {
        return new ResourcePayload(null, List.of(new UserError(List.of("uuid"), "drift cannot be resolved on this server", uuid)));
    }


    /**
     * One {@code @sensitive} configuration field of a resource in clear, through the domain's reveal in-port (admin
     * only, audited before the value is read); a uuid that names no resource or a field that is no secret comes back
     * as a user error. Below admin: {@link com.nasnetconnect.domain.security.AccessDeniedException}.
     */
    RevealPayload revealSecret(Principal who, String uuid, String field, String reason);

    /** Listens to resource changes of one router until the returned handle is closed. */
    AutoCloseable onResourceChanged(Principal who, String routerId, Consumer<ResourceChange> listener);

    /** Listens to router status updates (of one router, or all when {@code routerId} is null). */
    AutoCloseable onRouterStatus(Principal who, String routerId, Consumer<RouterStatus> listener);

    /** Listens to the events of one router as they are written. */
    AutoCloseable onEvent(Principal who, String routerId, Consumer<ResourceEvent> listener);

    /** API keys (admin only; the domain service checks the role). */
    List<ApiKey> apiKeys(Principal who);

    /** Creates a key; the payload carries the plaintext key this once. */
    CreateApiKeyPayload createApiKey(Principal who, String name, AccessRole role, java.time.Instant expiresAt);

    ApiKeyPayload revokeApiKey(Principal who, String name);

    // ---- Services (the Virtual Interface Factory) -----------------------------------------------------------

    List<com.nasnetconnect.domain.schema.types.ServiceTemplate> serviceTemplates(Principal who);

    List<com.nasnetconnect.domain.schema.types.ServiceInstance> serviceInstances(Principal who, String routerId);

    com.nasnetconnect.domain.schema.types.ServiceInstancePayload installService(Principal who, String routerId,
                                                                               com.nasnetconnect.domain.schema.types.InstallServiceInput input);

    com.nasnetconnect.domain.schema.types.ServiceInstancePayload uninstallService(Principal who, String id);

    com.nasnetconnect.domain.schema.types.RoutingPolicyPayload routeThroughService(Principal who,
                                                                                  com.nasnetconnect.domain.schema.types.RoutingPolicyInput input);

    com.nasnetconnect.domain.schema.types.RoutingPolicyPayload removeRoutingPolicy(Principal who, String id);

    /** The routing policies that send traffic through one instance. */
    List<com.nasnetconnect.domain.schema.types.RoutingPolicy> routingPolicies(Principal who, String routerId, String instanceId);

    /**
     * The routing policies of several instances of one router at once (a list of instances asking for their
     * policies costs one call): instance id -> its policies, every id given present. By default one
     * {@link #routingPolicies(Principal, String, String)} per instance; the domain backend reads the router's
     * policies once.
     */
    default java.util.Map<String, List<com.nasnetconnect.domain.schema.types.RoutingPolicy>> routingPoliciesOfInstances(
            Principal who, String routerId, java.util.Collection<String> instanceIds) {
        var out = new java.util.LinkedHashMap<String, List<com.nasnetconnect.domain.schema.types.RoutingPolicy>>();
        for (String id : instanceIds) out.put(id, routingPolicies(who, routerId, id));
        return out;
    }

    /** The resources of these uuids as they are now; uuids of resources that are gone are left out. */
    List<Resource> resourcesByUuid(Principal who, List<String> uuids);

    /** Listens to the service instances of one router as they change until the returned handle is closed. */
    AutoCloseable onServiceInstanceChanged(Principal who, String routerId, Consumer<com.nasnetconnect.domain.schema.types.ServiceInstance> listener);

    // ---- Updates (issue 15) ----------------------------------------------------------------------------------

    /** This server's update status (viewers and up). */
    default com.nasnetconnect.domain.schema.types.UpdateStatus updateStatus(Principal who) {
        throw new IllegalStateException("this server has no update checker");
    }

    /** Checks the repository now (operators and admins). */
    default com.nasnetconnect.domain.schema.types.UpdateStatus checkForUpdates(Principal who) {
        throw new IllegalStateException("this server has no update checker");
    }

    /** Approves and applies a release (admin only); a version that is not available comes back as a user error. */
    default com.nasnetconnect.domain.schema.types.ApplyUpdatePayload applyUpdate(Principal who, String version) {
        throw new IllegalStateException("this server has no update checker");
    }

    /** The update history, newest first. */
    default List<com.nasnetconnect.domain.schema.types.UpdateRecord> updateHistory(Principal who, int first) {
        throw new IllegalStateException("this server has no update checker");
    }
}
