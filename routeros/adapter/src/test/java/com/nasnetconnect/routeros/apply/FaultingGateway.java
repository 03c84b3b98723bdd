package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Wraps the real gateway and counts the plan's writes (commands that change configuration outside
 * {@code /system} and {@code /safe-mode}); just before the k-th one it runs an action: arm a simulator fault,
 * drop the connections, or "kill the process". Everything else passes straight through to the real gateway.
 */
final class FaultingGateway implements RouterGateway {
    /** Thrown to simulate the server process dying: the service does not catch Errors, so nothing is undone. */
    static final class Killed extends Error {
        Killed() { super("process killed by test harness"); }
    }

    private final RouterGateway real;
    private final AtomicInteger planWrites = new AtomicInteger();
    private volatile int atWrite = -1;
    private volatile Runnable action = () -> { };
    private volatile boolean linkDown;
    final AtomicInteger roundTrips = new AtomicInteger();

    FaultingGateway(RouterGateway real) {
        this.real = real;
    }

    /** Before plan write number {@code k} (1-based) is sent, run {@code action}. */
    FaultingGateway at(int k, Runnable action) {
        this.atWrite = k;
        this.action = action;
        planWrites.set(0);
        return this;
    }

    /** From now on every call fails as if the network were down. */
    void linkDown() { linkDown = true; }

    void linkUp() { linkDown = false; }

    static boolean isPlanWrite(RouterCommand c) {
        return !c.verb().equals("print") && !c.path().startsWith("/system/") && !c.path().startsWith("/safe-mode/");
    }

    private void before(RouterCommand c) {
        if (linkDown) throw new RouterException.Unreachable("network down (test)", c.toString(), null);
        if (isPlanWrite(c) && planWrites.incrementAndGet() == atWrite) action.run();
        if (linkDown) throw new RouterException.Unreachable("network down (test)", c.toString(), null);
        roundTrips.incrementAndGet();
    }

    @Override
    public RouterReply execute(RouterEndpoint router, RouterCommand command) {
        before(command);
        return real.execute(router, command);
    }

    @Override
    public RouterReply execute(RouterEndpoint router, RouterCommand command, Duration timeout) {
        before(command);
        return real.execute(router, command, timeout);
    }

    @Override
    public Stream stream(RouterEndpoint router, RouterCommand command, Consumer<Map<String, String>> onRow, Consumer<RouterException> onError) {
        return real.stream(router, command, onRow, onError);
    }

    @Override
    public PlatformInfo platform(RouterEndpoint router) {
        if (linkDown) throw new RouterException.Unreachable("network down (test)", null, null);
        roundTrips.addAndGet(2);
        return real.platform(router);
    }

    @Override
    public void disconnect(RouterEndpoint router) {
        real.disconnect(router);
    }

    @Override
    public void close() {
        real.close();
    }
}
