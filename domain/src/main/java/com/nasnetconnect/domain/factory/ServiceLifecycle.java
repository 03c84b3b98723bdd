package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Follows each instance through its life on the router (PULLING with progress, EXTRACTING, STARTING, RUNNING,
 * DEGRADED, FAILED) and its health (container state, the gateway route's check-gateway), storing and publishing
 * each change on the {@link ServiceInstanceFeed}.
 *
 * <p>SKELETON (issue 12 work in progress): the signatures are fixed; the implementation is being written.
 */
public final class ServiceLifecycle implements AutoCloseable {
    private final ServiceInstanceStore instances;
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ServiceInstanceFeed feed;
    private final Clock clock;

    public ServiceLifecycle(ServiceInstanceStore instances, RouterRepository routers, RouterGateway gateway,
                            ServiceInstanceFeed feed, Clock clock) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass over the router's instances: read the router once, advance and store what changed, publish it. */
    public void check(RouterId router) {
        throw new UnsupportedOperationException("service lifecycle: not yet");
    }

    /** {@link #check} for every registered router; a router that cannot be reached is skipped (and its instances' health says so). */
    public void checkAll() {
        throw new UnsupportedOperationException("service lifecycle: not yet");
    }

    /** Runs {@link #checkAll} every {@code interval} on the executor until closed. */
    public void start(ScheduledExecutorService executor, Duration interval) {
        throw new UnsupportedOperationException("service lifecycle: not yet");
    }

    @Override
    public void close() {
    }
}
