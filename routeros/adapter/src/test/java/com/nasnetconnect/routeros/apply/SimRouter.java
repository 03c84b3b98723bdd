package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A started simulator, a real gateway to it over loopback TCP, and the domain's view of that router. The
 * simulator's clock (its router clock, which its scheduler runs by) is the one given, so a test can move time
 * instead of waiting for it.
 */
final class SimRouter implements AutoCloseable {
    final RouterOsSimulator sim;
    final Router router;
    final Clock clock;
    RouterOsGateway gateway;
    private final Instant startedAt;

    SimRouter(String version) {
        this(version, Clock.systemUTC());
    }

    SimRouter(String version, Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw").apiPort(0).clock(clock).build().start();
        router = new Router(new RouterId("sim-" + version.replace('.', '-')), "sim " + version,
                new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw")), false, clock.instant());
        gateway = newGateway();
    }

    static RouterOsGateway newGateway() {
        return new RouterOsGateway(GatewaySettings.defaults(), CertificatePins.inMemory());
    }

    /**
     * The simulator's scheduler treats its first 3 s as start-up: move a {@link TestClock} past them (a real
     * clock is waited out, for the benchmark).
     */
    void awaitSchedulerWarmUp() throws InterruptedException {
        var warm = startedAt.plusMillis(3_300);
        if (clock instanceof TestClock test) {
            if (test.instant().isBefore(warm)) test.advance(Duration.between(test.instant(), warm));
            return;
        }
        long left = Duration.between(clock.instant(), warm).toMillis();
        if (left > 0) Thread.sleep(left);
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}
