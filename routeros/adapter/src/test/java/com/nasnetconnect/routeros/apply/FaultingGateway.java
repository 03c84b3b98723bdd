package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Wraps the real gateway and counts the plan's writes (commands that change configuration outside
 * {@code /system} and {@code /safe-mode}); just before the k-th one it runs an action: arm a simulator fault,
 * drop the connections, or "kill the process". In a session's pipelined batch, the commands before the k-th
 * write are sent as a batch of their own, then the action runs, then the rest follow: the router sees the same
 * commands in the same order, with the fault exactly in front of write k. Everything else passes straight
 * through to the real gateway, which counts the round trips.
 */
final class FaultingGateway implements RouterGateway {
    /** Thrown to simulate the server process dying: the service does not catch Errors, so nothing is undone. */
    static final class Killed extends Error {
        Killed() { super("process killed by test harness"); }
    }

    private final RouterOsGateway real;
    private final AtomicInteger planWrites = new AtomicInteger();
    private volatile int atWrite = -1;
    private volatile Runnable action = () -> { };
    private volatile boolean linkDown;
    private final AtomicInteger batches = new AtomicInteger();
    private volatile int atBatch = -1;
    private volatile Runnable batchAction = () -> { };

    FaultingGateway(RouterOsGateway real) {
        this.real = real;
    }

    /** Before plan write number {@code k} (1-based) is sent, run {@code action}. */
    FaultingGateway at(int k, Runnable action) {
        this.atWrite = k;
        this.action = action;
        planWrites.set(0);
        return this;
    }

    /** Before the session batch number {@code n} (1-based, counted from now) is sent, run {@code action}. */
    FaultingGateway beforeBatch(int n, Runnable action) {
        batches.set(0);
        this.atBatch = n;
        this.batchAction = action;
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
    }

    /** Round trips to the router, as the real gateway counted them. */
    long roundTrips(RouterEndpoint router) {
        return real.roundTrips(router);
    }

    @Override
    public RouterSession session(RouterEndpoint router) {
        RouterSession session = real.session(router);
        return new RouterSession() {
            @Override
            public Batch batch() {
                return new FaultingBatch(session);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /** A batch whose commands are handed to the real session's batches, split in front of the faulting write. */
    private final class FaultingBatch implements RouterSession.Batch {
        private final RouterSession session;
        /** Each entry adds itself to a real batch and, once that ran, copies the outcome. */
        private final List<Function<RouterSession.Batch, Runnable>> entries = new ArrayList<>();
        private final List<RouterCommand> commands = new ArrayList<>();

        FaultingBatch(RouterSession session) {
            this.session = session;
        }

        @Override
        public RouterSession.Pending<RouterReply> add(RouterCommand command) {
            var p = new RouterSession.Pending<RouterReply>();
            commands.add(command);
            entries.add(b -> copy(b.add(command), p));
            return p;
        }

        @Override
        public RouterSession.Pending<PlatformInfo> platform() {
            var p = new RouterSession.Pending<PlatformInfo>();
            commands.add(null);
            entries.add(b -> copy(b.platform(), p));
            return p;
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public void run() {
            if (batches.incrementAndGet() == atBatch) batchAction.run();
            int from = 0;
            for (int i = 0; i < entries.size(); i++) {
                RouterCommand c = commands.get(i);
                if (c != null && isPlanWrite(c) && planWrites.incrementAndGet() == atWrite) {
                    send(from, i);
                    from = i;
                    action.run();
                }
            }
            send(from, entries.size());
        }

        private void send(int from, int to) {
            if (from == to) return;
            var batch = session.batch();
            var copies = new ArrayList<Runnable>();
            for (int i = from; i < to; i++) copies.add(entries.get(i).apply(batch));
            if (linkDown) {
                var down = new RouterException.Unreachable("network down (test)", null, null);
                for (int i = from; i < to; i++) entries.get(i).apply(failing(down)).run();
                return;
            }
            batch.run();
            copies.forEach(Runnable::run);
        }
    }

    private static <T> Runnable copy(RouterSession.Pending<T> from, RouterSession.Pending<T> to) {
        return () -> {
            if (from.failure().isPresent()) to.fail(from.failure().get());
            else to.succeed(from.get());
        };
    }

    /** A batch whose every command failed with {@code e}. */
    private static RouterSession.Batch failing(RouterException e) {
        return new RouterSession.Batch() {
            @Override
            public RouterSession.Pending<RouterReply> add(RouterCommand command) {
                var p = new RouterSession.Pending<RouterReply>();
                p.fail(e);
                return p;
            }

            @Override
            public RouterSession.Pending<PlatformInfo> platform() {
                var p = new RouterSession.Pending<PlatformInfo>();
                p.fail(e);
                return p;
            }

            @Override
            public boolean isEmpty() {
                return false;
            }

            @Override
            public void run() {
            }
        };
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
