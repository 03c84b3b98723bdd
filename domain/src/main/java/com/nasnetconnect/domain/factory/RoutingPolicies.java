package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * In-port: route a network, a device or a domain through a service instance, switched by one small
 * apply-confirm-merge plan (no reinstall). Routing a match that already goes through another instance moves it
 * (the old policy's objects are removed and the new ones created in the same plan).
 *
 * <p>SKELETON (issue 12 work in progress): the signatures are fixed; the implementation is being written.
 */
public final class RoutingPolicies {
    private final ServiceInstanceStore instances;
    private final RoutingPolicyStore policies;
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ResourceStore store;
    private final ServiceInstanceFeed feed;
    private final Clock clock;

    public RoutingPolicies(ServiceInstanceStore instances, RoutingPolicyStore policies, ApplyConfirmMergeService apply,
                           RouterRepository routers, RouterGateway gateway, ResourceStore store, ServiceInstanceFeed feed,
                           Clock clock) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The router's policies, oldest first. */
    public List<RoutingPolicy> list(Principal who, RouterId router) {
        throw new UnsupportedOperationException("routing policies: not yet");
    }

    /**
     * Routes what {@code match} names through the instance.
     *
     * @throws com.nasnetconnect.domain.common.InputRefused a bad match value ({@code match.<field>}), an unknown
     *         instance ({@code instanceId}), a MAC without a DHCP lease, an unknown interface; nothing reached the router
     * @throws com.nasnetconnect.domain.router.NoSuchRouter no such router
     * @throws com.nasnetconnect.domain.apply.ApplyException the router refused; router and store are as before
     */
    public RoutingPolicy routeThrough(Principal who, RouterId router, String instanceId, PolicyMatch match) {
        throw new UnsupportedOperationException("routing policies: not yet");
    }

    /**
     * Removes the policy's objects from the router (one plan) and forgets it; returns it as it was.
     *
     * @throws com.nasnetconnect.domain.common.InputRefused no policy has this id ({@code id})
     */
    public RoutingPolicy remove(Principal who, String policyId) {
        throw new UnsupportedOperationException("routing policies: not yet");
    }
}
