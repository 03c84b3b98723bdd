package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.router.NewRouter;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterCommand;
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
import java.util.Set;

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
        var kinds = kinds(added.platform());
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
     * "Test connection" before adding: checks the input as {@link #add} does, logs in, reads the router's identity
     * and platform and what {@link #adopt} would take under management (the same objects adopt takes, read only),
     * then logs out. Nothing is saved and nothing is written to the router.
     *
     * @throws InputRefused as {@link #add} (in plain words: the login rejected, the connection refused, no answer,
     *                      not RouterOS, RouterOS 6), or when the configuration could not be read
     */
    public ConnectionTest test(Principal who, NewRouter request) {
        who.require(Role.OPERATOR, "add routers");
        Checked checked = check(request);
        String address = checked.endpoint().address();
        try {
            String identity = gateway.execute(checked.endpoint(), IDENTITY).first().map(r -> r.get("name")).orElse("");
            AdoptPreview adoptable = adopt.preview(checked.endpoint(), kinds(checked.platform()), PREVIEW_EXAMPLES);
            return new ConnectionTest(identity, checked.platform(), adoptable);
        } catch (RouterException e) {
            throw InputRefused.of(List.of("host"), "reading the configuration of " + address + " failed: "
                    + plainly(address, e), address);
        } finally {
            gateway.disconnect(checked.endpoint());
        }
    }

    /** How many objects per kind a {@link ConnectionTest} names. */
    public static final int PREVIEW_EXAMPLES = 3;

    /**
     * What "Test connection" found.
     *
     * @param identity  the router's system identity (empty when it has none)
     * @param adoptable what adopting it would take under management
     */
    public record ConnectionTest(String identity, PlatformInfo platform, AdoptPreview adoptable) {
        public ConnectionTest {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(adoptable, "adoptable");
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

    private record Checked(NewRouter request, RouterEndpoint endpoint, PlatformInfo platform) { }

    private static final RouterCommand IDENTITY = RouterCommand.of("/system/identity/print");

    /** The kinds the platform has: a kind that needs a package the router lacks is left out. */
    private Set<ResourceKind> kinds(PlatformInfo platform) {
        var kinds = EnumSet.noneOf(ResourceKind.class);
        for (var k : ResourceKind.values()) {
            if (specs.spec(k).requiredPackage().map(platform::hasPackage).orElse(true)) kinds.add(k);
        }
        return kinds;
    }

    private Registered register(NewRouter in) {
        Checked checked = check(in);
        Router router;
        try {
            router = new Router(RouterId.random(), in.name(), checked.endpoint(), false, clock.instant());
        } catch (IllegalArgumentException e) {
            gateway.disconnect(checked.endpoint());
            throw InputRefused.of(List.of(), e.getMessage(), null);
        }
        routers.save(router);
        status.refresh(router.id()); // only the new router: a thousand others need no poll for it
        return new Registered(router, checked.platform());
    }

    /** Checks the input, that no managed router uses the address, logs in and reads the platform (RouterOS 7+). */
    private Checked check(NewRouter in) {
        String address = in.host() + ":" + in.port();
        RouterEndpoint endpoint;
        try {
            endpoint = new RouterEndpoint(in.host(), in.port(), in.tls(), in.username(), in.password());
            new Router(RouterId.random(), in.name(), endpoint, false, clock.instant()); // checks the name
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
            throw InputRefused.of(List.of("host"), "router at " + address + " did not answer as RouterOS: "
                    + plainly(address, e), address);
        }
        if (!platform.atLeast(7, 0)) {
            gateway.disconnect(endpoint);
            throw InputRefused.of(List.of("host"), "router at " + address + " runs RouterOS " + platform.version()
                    + "; RouterOS 7 or later is needed", platform.version());
        }
        return new Checked(in, endpoint, platform);
    }

    /**
     * Why talking to the router failed, in the words of someone adding it (no stack of socket messages): the
     * connection refused, no answer in time, an answer that is not RouterOS's API, the router's own refusal.
     */
    static String plainly(String address, RouterException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return switch (e) {
            case RouterException.Trap t -> "the router refused: " + t.routerMessage();
            case RouterException.Timeout t -> "no answer in time: check the address, and that the router's API service"
                    + " is enabled (IP > Services > api)";
            case RouterException.Protocol p -> "the answer is not RouterOS's API: check the port (8728, or 8729 with TLS)";
            case RouterException.LoginFailed l -> "the user name or password was rejected";
            case RouterException.Unreachable u when m.contains("refused") -> "the connection was refused: check the"
                    + " port, and that the router's API service is enabled (IP > Services > api)";
            case RouterException.Unreachable u when m.contains("timed out") || m.contains("timeout") ->
                    "no answer in time: check the address, and that the router's API service is enabled (IP > Services > api)";
            case RouterException.Unreachable u when m.contains("unknown") || m.contains("not known") ->
                    "the address " + address + " is unknown";
            case RouterException.Unreachable u -> "it cannot be reached (" + u.getMessage() + ")";
            default -> e.getMessage();
        };
    }

    private void forget(Router router) {
        routers.delete(router.id());
        gateway.disconnect(router.endpoint());
        status.refreshNow();
    }
}
