package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A started simulator, a real gateway to it over loopback TCP, and the domain's view of that router. */
final class SimRouter implements AutoCloseable {
    final RouterOsSimulator sim;
    final Router router;
    RouterOsGateway gateway;
    private final long startedAt = System.nanoTime();

    SimRouter(String version) {
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw").apiPort(0).build().start();
        router = new Router(new RouterId("sim-" + version.replace('.', '-')), "sim " + version,
                new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw")), false, Instant.now());
        gateway = newGateway();
    }

    static RouterOsGateway newGateway() {
        return new RouterOsGateway(GatewaySettings.defaults(), new MemoryPins());
    }

    /** The simulator's scheduler treats entries added in its first 3 s as "startup" entries: wait that out. */
    void awaitSchedulerWarmUp() throws InterruptedException {
        long left = 3_300 - (System.nanoTime() - startedAt) / 1_000_000;
        if (left > 0) Thread.sleep(left);
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }

    static final class MemoryPins implements CertificatePins {
        private final Map<String, String> pins = new ConcurrentHashMap<>();
        @Override public Optional<String> pinned(String address) { return Optional.ofNullable(pins.get(address)); }
        @Override public void pin(String address, String sha256Hex) { pins.put(address, sha256Hex); }
        @Override public void forget(String address) { pins.remove(address); }
    }
}
