package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.state.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The platform layer of a router's resources: what the router is and can do, detected through the gateway
 * ({@code /system/resource}, {@code /system/package}) and kept for a while, so applies do not pay a round trip
 * each. Capabilities read like {@code routeros:7.16.2}, {@code board:CHR}, {@code arch:x86_64},
 * {@code package:container}. A router that cannot be asked gets the bare platform and is asked again next time.
 */
public final class RouterPlatforms implements Function<RouterId, Platform> {
    private record Known(Platform platform, Instant at) {
    }

    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final Clock clock;
    private final Duration keep;
    private final Map<RouterId, Known> known = new ConcurrentHashMap<>();

    public RouterPlatforms(RouterRepository routers, RouterGateway gateway, Clock clock, Duration keep) {
        this.routers = routers;
        this.gateway = gateway;
        this.clock = clock;
        this.keep = keep;
    }

    @Override
    public Platform apply(RouterId router) {
        Known k = known.get(router);
        if (k != null && k.at().plus(keep).isAfter(clock.instant())) return k.platform();
        var found = routers.find(router);
        if (found.isEmpty()) return Platform.MIKROTIK;
        try {
            Platform p = of(gateway.platform(found.get().endpoint()));
            known.put(router, new Known(p, clock.instant()));
            return p;
        } catch (RouterException unreachable) {
            return Platform.MIKROTIK;
        }
    }

    static Platform of(PlatformInfo info) {
        Set<String> caps = new LinkedHashSet<>();
        caps.add("routeros:" + info.version());
        caps.add("board:" + info.boardName());
        caps.add("arch:" + info.architecture());
        info.packages().stream().sorted().forEach(p -> caps.add("package:" + p));
        return new Platform("mikrotik", caps);
    }
}
