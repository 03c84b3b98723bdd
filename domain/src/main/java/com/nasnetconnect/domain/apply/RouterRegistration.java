package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.router.NewRouter;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.StateException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port for the routers under management, whoever asks (GraphQL, the UI): list them; add one (the input is
 * checked, the server logs in and reads the platform, RouterOS 7 or later is needed, and only then is it saved);
 * adopt one (add it, then take its existing configuration under management; if reading that fails the router is
 * not kept); remove one (its router is left untouched); probe one. Reading needs any role; the rest
 * {@link Role#OPERATOR}.
 *
 * <p>What the input itself gets wrong is an {@link InputRefused} whose paths name {@link NewRouter}'s fields
 * ({@code host}, {@code username}; empty for the request as a whole), with the bad value; nothing is saved and
 * no connection is kept.
 */
public final class RouterRegistration {
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final RouterStatusFeed status;
    private final AdoptService adopt;
    private final ResourceKindSpecs specs;
    private final ResourceStore store;
    private final Clock clock;

    public RouterRegistration(RouterRepository routers, RouterGateway gateway, RouterStatusFeed status, AdoptService adopt,
                              ResourceKindSpecs specs, ResourceStore store, Clock clock) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.status = Objects.requireNonNull(status, "status");
        this.adopt = Objects.requireNonNull(adopt, "adopt");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The managed routers, in the order they were added. */
    public List<Router> routers(Principal who) {
        who.require(Role.VIEWER, "see routers");
        return routers.findAll();
    }

    public Optional<Router> router(Principal who, RouterId id) {
        who.require(Role.VIEWER, "see routers");
        return routers.find(id);
    }

    /**
     * Checks the input, logs in and reads the platform, then saves the router and has the monitor poll it.
     *
     * @throws InputRefused when the input is incomplete, the address is taken, the login fails, or the router is
     *                      not RouterOS 7 or later; nothing was saved
     */
    public Router add(Principal who, NewRouter request) {
        who.require(Role.OPERATOR, "add routers");
        return register(request).router();
    }

    /**
     * Adds the router as {@link #add} does, then adopts every unmanaged object of the kinds its platform has.
     *
     * @throws InputRefused as {@link #add}, or when reading the router's configuration failed (the router is
     *                      then removed again)
     */
    public Adopted adopt(Principal who, NewRouter request) {
        who.require(Role.OPERATOR, "adopt routers");
        Registered added = register(request);
        Router router = added.router();
        var kinds = EnumSet.noneOf(ResourceKind.class);
        for (var k : ResourceKind.values()) {
            if (specs.spec(k).requiredPackage().map(added.platform()::hasPackage).orElse(true)) kinds.add(k);
        }
        try {
            var adopted = adopt.adopt(router, kinds, who.name()).stream().map(m -> ResourceId.parse(m.resource().id()))
                    .flatMap(id -> store.find(router.id(), id).stream()).toList();
            return new Adopted(router, adopted);
        } catch (RouterException | StateException e) {
            forget(router);
            String address = router.endpoint().address();
            throw InputRefused.of(List.of("host"), "reading the existing configuration of " + address
                    + " failed, the router was not added: " + e.getMessage(), address);
        }
    }

    /** A router added by {@link #adopt}, with the resources taken over from it. */
    public record Adopted(Router router, List<Resource> resources) {
        public Adopted {
            Objects.requireNonNull(router, "router");
            resources = List.copyOf(resources);
        }
    }

    /**
     * Stops managing the router: it disappears from the list and its connections are closed; the router itself
     * and its stored history are left as they are. Returns the router as it was.
     *
     * @throws NoSuchRouter when no router has this id
     */
    public Router remove(Principal who, RouterId id) {
        who.require(Role.OPERATOR, "remove routers");
        Router router = routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
        forget(router);
        return router;
    }

    /**
     * Logs in to a managed router and reads its platform now.
     *
     * @throws NoSuchRouter    when no router has this id
     * @throws RouterException when the router cannot be reached or refuses the login
     */
    public PlatformInfo probe(Principal who, RouterId id) {
        who.require(Role.OPERATOR, "probe routers");
        Router router = routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
        return gateway.platform(router.endpoint());
    }

    private record Registered(Router router, PlatformInfo platform) { }

    private Registered register(NewRouter in) {
        String address = in.host() + ":" + in.port();
        RouterEndpoint endpoint;
        Router router;
        try {
            endpoint = new RouterEndpoint(in.host(), in.port(), in.tls(), in.username(), in.password());
            router = new Router(RouterId.random(), in.name(), endpoint, false, clock.instant());
        } catch (IllegalArgumentException e) {
            throw InputRefused.of(List.of(), e.getMessage(), null);
        }
        for (var existing : routers.findAll()) {
            if (existing.endpoint().address().equalsIgnoreCase(endpoint.address())) {
                throw InputRefused.of(List.of("host"), "router " + existing.id() + " ('" + existing.name()
                        + "') already uses " + endpoint.address(), address);
            }
        }
        PlatformInfo platform;
        try {
            platform = gateway.platform(endpoint);
        } catch (RouterException.LoginFailed e) {
            gateway.disconnect(endpoint);
            throw InputRefused.of(List.of("username"), e.getMessage() + ": check the user name and password", in.username());
        } catch (RouterException e) {
            gateway.disconnect(endpoint);
            throw InputRefused.of(List.of("host"), "router at " + address + " did not answer as RouterOS: " + e.getMessage(), address);
        }
        if (!platform.atLeast(7, 0)) {
            gateway.disconnect(endpoint);
            throw InputRefused.of(List.of("host"), "router at " + address + " runs RouterOS " + platform.version()
                    + "; RouterOS 7 or later is needed", platform.version());
        }
        routers.save(router);
        status.refreshNow();
        return new Registered(router, platform);
    }

    private void forget(Router router) {
        routers.delete(router.id());
        gateway.disconnect(router.endpoint());
        status.refreshNow();
    }
}
