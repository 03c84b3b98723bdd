package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.router.RouterSession.Pending;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@link RouterGateway} over the RouterOS API, spoken by this package itself ({@link ApiChannel}: one virtual
 * reader thread per connection, exact request words, replies checked by {@link ReplyReader}). Thread-safe.
 *
 * <ul>
 *   <li>Connections are pooled per router address, user and TLS mode ({@link ConnectionPool}); one caller
 *       at a time per connection. {@link #execute} borrows one for a command; {@link #session} pins one to a
 *       caller, whose batches of commands are pipelined (one tag each, written together, awaited together:
 *       one round trip, counted per router by {@link #roundTrips}).</li>
 *   <li>Every call returns or throws by its deadline: a watchdog fails the call and closes the connection, so
 *       a stalled router or a blocked write cannot hold the caller.</li>
 *   <li>{@code !trap} → {@link RouterException.Trap}; deadline → {@link RouterException.Timeout}; refused
 *       or lost connection, or a changed API-SSL certificate → {@link RouterException.Unreachable};
 *       garbage or {@code !fatal} → {@link RouterException.Protocol}; rejected login →
 *       {@link RouterException.LoginFailed}.</li>
 *   <li>API-SSL endpoints are pinned on first use in {@link CertificatePins}.</li>
 *   <li>Streams get a connection of their own; closing the stream sends {@code /cancel} and closes it.</li>
 * </ul>
 */
public final class RouterOsGateway implements RouterGateway {
    /** Commands the gateway sends by itself, besides the API protocol's own {@code /login} and {@code /cancel}. */
    // no .proplist: the /system/resource print of neither version lists that argument
    static final RouterCommand RESOURCE_PRINT = RouterCommand.of("/system/resource/print");
    static final RouterCommand PACKAGE_PRINT = RouterCommand.of("/system/package/print").props("name", "disabled");
    static final List<RouterCommand> OWN_COMMANDS = List.of(RESOURCE_PRINT, PACKAGE_PRINT);

    private final GatewaySettings settings;
    private final CertificatePins pins;
    private final LongSupplier nanoTime;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final Set<StreamHandle> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    public RouterOsGateway(GatewaySettings settings, CertificatePins pins) {
        this(settings, pins, System::nanoTime);
    }

    RouterOsGateway(GatewaySettings settings, CertificatePins pins, LongSupplier nanoTime) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.nanoTime = nanoTime;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nnc-routeros-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.prestartCoreThread(); // one thread per gateway, from the start: no surprise later
    }

    @Override
    public RouterReply execute(RouterEndpoint router, RouterCommand command) {
        return execute(router, command, settings.commandTimeout());
    }

    @Override
    public RouterReply execute(RouterEndpoint router, RouterCommand command, Duration timeout) {
        Objects.requireNonNull(command, "command");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        CommandSentence.check(command); // refuse bad input before touching the network
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        return pool(router).call(deadline, Describe.command(command), c -> c.execute(command, deadline));
    }

    @Override
    public PlatformInfo platform(RouterEndpoint router) {
        long deadline = nanoTime.getAsLong() + settings.commandTimeout().toNanos();
        return pool(router).call(deadline, "platform", c -> {
            Map<String, String> resource = c.execute(RESOURCE_PRINT, deadline)
                    .first().orElseThrow(() -> new RouterException.Protocol("/system/resource/print returned no row",
                            "/system/resource/print", null));
            List<Map<String, String>> packages = c.execute(PACKAGE_PRINT, deadline).rows();
            return platformOf(resource, packages);
        });
    }

    /**
     * A session pinned to one pooled connection (taken at its first batch, given back on close): every batch
     * is written at once with one tag per command and awaited together — one round trip. If the connection
     * breaks, the next batch takes another one; what the router tied to the old one (safe mode) ended with it.
     */
    @Override
    public RouterSession session(RouterEndpoint router) {
        return new PinnedSession(pool(router));
    }

    /**
     * Round trips to this router so far (its pool's connections: every batch of pipelined commands counts once,
     * a single command too, logins included; streams are not counted). For tests and benchmarks.
     */
    public long roundTrips(RouterEndpoint router) {
        String key = key(router);
        ConnectionPool pool = pools.get(key);
        return pool == null ? 0 : pool.roundTrips();
    }

    static PlatformInfo platformOf(Map<String, String> resource, List<Map<String, String>> packages) {
        String version = resource.getOrDefault("version", "");
        int space = version.indexOf(' ');
        if (space > 0) version = version.substring(0, space); // "7.16.2 (stable)"
        if (version.isEmpty()) throw new RouterException.Protocol("router reported no version", "/system/resource/print", null);
        Set<String> names = new LinkedHashSet<>();
        for (var p : packages) {
            if ("true".equals(p.get("disabled"))) continue;
            String name = p.get("name");
            if (name != null && !name.isBlank()) names.add(name);
        }
        return new PlatformInfo(version, resource.getOrDefault("board-name", ""),
                resource.getOrDefault("architecture-name", ""), names);
    }

    @Override
    public Stream stream(RouterEndpoint router, RouterCommand command, Consumer<Map<String, String>> onRow,
                         Consumer<RouterException> onError) {
        Objects.requireNonNull(onRow, "onRow");
        Objects.requireNonNull(onError, "onError");
        CommandSentence.check(command);
        long deadline = nanoTime.getAsLong() + settings.commandTimeout().toNanos();
        RouterOsConnection c = pool(router).openDedicated(deadline);
        var handle = new StreamHandle(c, command, onRow, onError);
        streams.add(handle);
        try {
            handle.start(deadline);
        } catch (RuntimeException e) {
            streams.remove(handle);
            c.close();
            if (handle.ended()) return handle; // its failure already went to onError, which ended it
            throw e;
        }
        return handle;
    }

    @Override
    public void disconnect(RouterEndpoint router) {
        pools.entrySet().removeIf(e -> {
            if (e.getValue().endpoint().address().equals(router.address())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** Connections open right now, pooled and streaming (for tests and health). */
    public int openConnections() {
        return pools.values().stream().mapToInt(ConnectionPool::openConnections).sum() + streams.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        for (StreamHandle s : Set.copyOf(streams)) s.close(false);
        pools.values().forEach(ConnectionPool::close);
        pools.clear();
        scheduler.shutdownNow();
    }

    private ConnectionPool pool(RouterEndpoint router) {
        Objects.requireNonNull(router, "router");
        if (closed.get()) throw new RouterException.Unreachable("gateway closed", null, null);
        String key = key(router);
        ConnectionPool pool = pools.compute(key, (k, existing) -> {
            if (existing != null && existing.endpoint().equals(router)) return existing;
            if (existing != null) existing.close(); // the password changed: old logins are stale
            return new ConnectionPool(router, settings, pins, scheduler, nanoTime);
        });
        if (closed.get()) { // closed while we were looking: leave nothing behind
            pool.close();
            throw new RouterException.Unreachable("gateway closed", null, null);
        }
        return pool;
    }

    private static String key(RouterEndpoint router) {
        return router.address() + "|" + router.username() + "|" + router.tls();
    }

    /** {@link #session}: one leased connection for all of a caller's batches. Not thread-safe. */
    private final class PinnedSession implements RouterSession {
        private final ConnectionPool pool;
        private RouterOsConnection connection;
        private boolean closed;

        PinnedSession(ConnectionPool pool) {
            this.pool = pool;
        }

        @Override
        public Batch batch() {
            return new PipelinedBatch(this);
        }

        /** Runs the commands as one round trip on the pinned connection (leasing one first if needed). */
        List<Pending<RouterReply>> run(List<RouterCommand> commands, long deadline) {
            if (closed) throw new IllegalStateException("session closed");
            if (connection != null && connection.broken()) {
                pool.release(connection);
                connection = null;
            }
            if (connection == null) connection = pool.lease(deadline, Describe.command(commands.getFirst()));
            return connection.pipeline(commands, deadline);
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            if (connection != null) pool.release(connection);
            connection = null;
        }
    }

    /** Commands collected for one pipelined write; the platform's two reads ride along. */
    private final class PipelinedBatch implements RouterSession.Batch {
        private final PinnedSession session;
        private final List<RouterCommand> commands = new java.util.ArrayList<>();
        private final List<Pending<RouterReply>> pending = new java.util.ArrayList<>();
        private final List<Runnable> after = new java.util.ArrayList<>();
        private boolean ran;

        PipelinedBatch(PinnedSession session) {
            this.session = session;
        }

        @Override
        public Pending<RouterReply> add(RouterCommand command) {
            if (ran) throw new IllegalStateException("the batch already ran");
            CommandSentence.check(command); // refuse bad input before anything is sent
            var p = new Pending<RouterReply>();
            commands.add(command);
            pending.add(p);
            return p;
        }

        @Override
        public Pending<PlatformInfo> platform() {
            var resource = add(RESOURCE_PRINT);
            var packages = add(PACKAGE_PRINT);
            var p = new Pending<PlatformInfo>();
            after.add(() -> {
                try {
                    p.succeed(platformOf(resource.get().first().orElseThrow(() -> new RouterException.Protocol(
                            "/system/resource/print returned no row", "/system/resource/print", null)), packages.get().rows()));
                } catch (RouterException e) {
                    p.fail(e);
                }
            });
            return p;
        }

        @Override
        public boolean isEmpty() {
            return commands.isEmpty();
        }

        @Override
        public void run() {
            if (ran) throw new IllegalStateException("a batch runs once");
            ran = true;
            if (commands.isEmpty()) return;
            long deadline = nanoTime.getAsLong() + settings.commandTimeout().toNanos();
            try {
                var outcomes = session.run(commands, deadline);
                for (int i = 0; i < outcomes.size(); i++) {
                    var o = outcomes.get(i);
                    if (o.failure().isPresent()) pending.get(i).fail(o.failure().get());
                    else pending.get(i).succeed(o.get());
                }
            } catch (RouterException e) {
                for (var p : pending) if (!p.known()) p.fail(e);
            }
            after.forEach(Runnable::run);
        }
    }

    /** A running stream on a dedicated connection; its replies arrive on the connection's reader thread. */
    private final class StreamHandle implements Stream, ApiChannel.Listener {
        private final RouterOsConnection connection;
        private final RouterCommand command;
        private final Consumer<Map<String, String>> onRow;
        private final Consumer<RouterException> onError;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean closing = new AtomicBoolean();
        private volatile String tag;

        StreamHandle(RouterOsConnection connection, RouterCommand command, Consumer<Map<String, String>> onRow,
                     Consumer<RouterException> onError) {
            this.connection = connection;
            this.command = command;
            this.onRow = onRow;
            this.onError = onError;
        }

        /** Listens for the connection's failure first: whatever happens after, it is reported on the reader thread. */
        void start(long deadline) {
            connection.onFailure(this::failed);
            tag = connection.startStream(command, this, deadline);
        }

        boolean ended() {
            return ended.get();
        }

        @Override
        public void reply(ReplySentence s) {
            switch (s.type()) {
                case "!re" -> {
                    if (!ended.get()) onRow.accept(s.attributes());
                }
                case "!trap" -> {
                    if (closing.get()) return; // the "interrupted" trap that answers our /cancel
                    failed(RouterOsConnection.trap(s, Describe.command(command)));
                }
                case "!done" -> {
                    if (closing.get()) return;
                    // the router ended the stream by itself (e.g. the menu went away): the caller should know
                    failed(new RouterException.Protocol("router ended the stream", Describe.command(command), null));
                }
                default -> {
                    // !empty: nothing to deliver
                }
            }
        }

        /** Reports the failure once and ends the stream; on the reader thread, so no /cancel (it could not be heard). */
        private void failed(RouterException e) {
            if (closing.get() || !ended.compareAndSet(false, true)) return;
            closing.set(true);
            try {
                onError.accept(e);
            } finally {
                connection.close();
                streams.remove(this);
            }
        }

        @Override
        public void close() {
            close(true);
        }

        /**
         * Ends the stream; with {@code cancel}, first tells the router ({@code /cancel}, at most 2 s) — not when
         * called from a row consumer, on the reader thread that would have to read the answer.
         */
        void close(boolean cancel) {
            if (!closing.compareAndSet(false, true)) return;
            ended.set(true);
            try {
                if (cancel && !connection.broken() && tag != null && !connection.onReaderThread()) {
                    long deadline = nanoTime.getAsLong()
                            + Math.min(settings.commandTimeout().toNanos(), Duration.ofSeconds(2).toNanos());
                    connection.execute(RouterCommand.of("/cancel").with("tag", tag), deadline);
                }
            } catch (RouterException ignored) {
                // the connection is closed next either way
            } finally {
                connection.close();
                streams.remove(this);
            }
        }
    }
}
