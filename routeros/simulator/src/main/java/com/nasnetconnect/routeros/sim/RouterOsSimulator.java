package com.nasnetconnect.routeros.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A RouterOS 7 API simulator: the real wire protocol over TCP (and API-SSL), the command tree of a chosen
 * version, and configuration state with RouterOS semantics. Runs in-process (tests, benchmarks, the demo
 * router) or standalone through {@link SimulatorCommand}.
 *
 * <pre>{@code
 * try (RouterOsSimulator sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw")
 *         .apiPort(0).build().start()) {
 *     int port = sim.apiPort();
 * }
 * }</pre>
 */
public final class RouterOsSimulator implements AutoCloseable {

    private final Builder config;
    private final RouterState state;
    private final CommandExecutor executor;
    private final Faults faults = new Faults();
    private final Set<ApiSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers;
    private final ImageRegistry registry;
    private ServerSocket apiServer;
    private ServerSocket tlsServer;
    private ControlEndpoint control;
    private StateFile stateFile;
    private Scheduler scheduler;
    private volatile boolean running;
    private final java.util.List<Thread> acceptors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RouterOsSimulator(Builder b) {
        this.config = b;
        RosVersion version = RosVersion.parse(b.version);
        CommandTree tree = CommandTree.load(version);
        if (!b.packages.contains("container")) {
            tree.removeMenu("container");
        }
        this.state = new RouterState(version, tree, b.clock);
        state.packages(b.packages);
        // virtual threads: a process may run a thousand simulators (simulate --routers N)
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sim-timers").factory());
        state.timers(timers);
        this.registry = new ImageRegistry(b.pullDelayMillis,
                b.extractDelayMillis >= 0 ? b.extractDelayMillis : b.pullDelayMillis / 2);
        state.containers(new ContainerRuntime(state, registry));
        Menus.install(state, b.identity);
        this.executor = new CommandExecutor(state);
        ScriptEngine engine = new ScriptEngine(executor);
        executor.scripts(engine::runLogged);
        this.scheduler = new Scheduler(state, engine);
        state.nextRun(scheduler::nextRunText);
    }

    /**
     * Reads the command tree of a RouterOS version now (it is shared by every simulator of that version), so that a
     * caller can do it alongside other start-up work; a simulator built meanwhile waits for it.
     */
    public static void prepare(String version) {
        CommandTree.load(RosVersion.parse(version));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the ports, loads the state file and starts serving. Returns this. */
    public synchronized RouterOsSimulator start() {
        if (running) {
            return this;
        }
        try {
            InetAddress bind = InetAddress.getByName(config.bindAddress);
            if (config.stateFile != null) {
                StateFile file = new StateFile(config.stateFile, state, timers);
                file.load();
                // only a successfully loaded file is ever written back: a corrupt one is left for inspection
                stateFile = file;
                state.onChange(stateFile::changed);
                resumeTimers();
                if (state.spec(ContainerRuntime.TABLE) != null) {
                    state.containers().boot();
                }
            }
            apiServer = new ServerSocket();
            apiServer.setReuseAddress(true);
            apiServer.bind(new InetSocketAddress(bind, config.apiPort), 50);
            running = true;
            accept(apiServer, "sim-api-accept");
            if (config.tlsPort >= 0) {
                tlsServer = SelfSignedTls.create().serverSocket(bind, config.tlsPort);
                accept(tlsServer, "sim-api-ssl-accept");
            }
            if (config.controlPort >= 0) {
                control = new ControlEndpoint(this, config.controlPort);
            }
            scheduler.start(timers);
            state.log("system,info", "router simulator started, RouterOS " + state.version.text());
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start simulator on " + config.bindAddress + ":" + config.apiPort, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Entries loaded from the state file that expire (address-list timeouts) get their timers back. */
    private void resumeTimers() {
        synchronized (state) {
            MenuSpec spec = state.spec("/ip/firewall/address-list");
            for (Item item : java.util.List.copyOf(state.table(spec.table()).items)) {
                spec.hooks().afterAdd(state, item);
            }
        }
    }

    private void accept(ServerSocket server, String name) {
        acceptors.add(Thread.ofVirtual().name(name).start(() -> {
            while (running && !server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    ApiSession session = new ApiSession(socket, executor, faults, config.user, config.password,
                            sessions::remove);
                    sessions.add(session);
                    Thread.ofVirtual().name("sim-api-session").start(session);
                } catch (IOException e) {
                    if (!running) {
                        return;
                    }
                }
            }
        }));
    }

    /** The bound API port (useful with port 0). */
    public int apiPort() {
        return apiServer == null ? -1 : apiServer.getLocalPort();
    }

    /** The bound API-SSL port, or -1 when off. */
    public int tlsPort() {
        return tlsServer == null ? -1 : tlsServer.getLocalPort();
    }

    /** The bound control endpoint port, or -1 when off. */
    public int controlPort() {
        return control == null ? -1 : control.port();
    }

    /** The emulated RouterOS version, e.g. "7.16.2". */
    public String version() {
        return state.version.text();
    }

    public Faults faults() {
        return faults;
    }

    /**
     * The registry this router pulls container images from: make an image unknown or the registry unreachable,
     * change pull and extract delays.
     */
    public ImageRegistry registry() {
        return registry;
    }

    /**
     * The process of the running container with this name exits on its own, as a crashed service would: the
     * container shows {@code stopped} and /log gets a {@code container,error} line. Returns false when no
     * container of that name is running.
     */
    public boolean crashContainer(String name) {
        return state.spec(ContainerRuntime.TABLE) != null && state.containers().crash(name);
    }

    /** A consistent copy of the configuration for tests ("what changed on the router"). */
    public SimulatorState snapshot() {
        return SimulatorState.capture(state);
    }

    /** Number of open API connections. */
    public int connectionCount() {
        return sessions.size();
    }

    /** Closes every open API connection (as a router reboot would), keeping the state. */
    public void dropConnections() {
        for (ApiSession s : Set.copyOf(sessions)) {
            s.close();
        }
    }

    RouterState state() {
        return state;
    }

    CommandExecutor executor() {
        return executor;
    }

    @Override
    public synchronized void close() {
        running = false;
        closeQuietly(apiServer);
        closeQuietly(tlsServer);
        // a socket closed while a virtual thread waits in accept() is released when that thread wakes: wait for it,
        // so the port is free when close returns (a restarted demo router binds the same port at once)
        for (Thread t : acceptors) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        acceptors.clear();
        if (control != null) {
            control.close();
        }
        for (ApiSession s : Set.copyOf(sessions)) {
            s.close();
        }
        scheduler.stop();
        if (stateFile != null) {
            stateFile.saveNow();
        }
        timers.shutdownNow();
    }

    private static void closeQuietly(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Configuration of a simulator; every setter validates its value. */
    public static final class Builder {
        private static final java.util.List<String> KNOWN_PACKAGES = java.util.List.of("routeros", "container",
                "wifi-qcom", "zerotier", "iot", "user-manager");
        private String version = "7.16.2";
        private String user = "admin";
        private String password = "";
        private int apiPort = 0;
        private int tlsPort = -1;
        private int controlPort = -1;
        private String bindAddress = "127.0.0.1";
        private Path stateFile;
        private String identity = "MikroTik";
        private Clock clock = Clock.systemUTC();
        private long pullDelayMillis = 2000;
        private long extractDelayMillis = -1;
        private Set<String> packages = Set.of("routeros", "container");

        private Builder() {
        }

        /** "7.16.2" or "7.23.3". */
        public Builder version(String v) {
            RosVersion.parse(v);
            this.version = v;
            return this;
        }

        public Builder credentials(String user, String password) {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("user must not be blank");
            }
            this.user = user;
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** 0 = ephemeral. */
        public Builder apiPort(int port) {
            this.apiPort = port(port, "apiPort", false);
            return this;
        }

        /** -1 = off, 0 = ephemeral. */
        public Builder tlsPort(int port) {
            this.tlsPort = port(port, "tlsPort", true);
            return this;
        }

        /** -1 = off, 0 = ephemeral; always bound to the loopback address. */
        public Builder controlPort(int port) {
            this.controlPort = port(port, "controlPort", true);
            return this;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /** Persist the configuration to this JSON file (loaded at start, saved on change and on close). */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        public Builder identity(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("identity must not be blank");
            }
            this.identity = name;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long downloading a container image takes (default 2 s; extraction then takes half as long unless
         * {@link #imageExtractDelayMillis} says otherwise). The phases run on the simulator's clock.
         */
        public Builder imagePullDelayMillis(long ms) {
            if (ms < 0) {
                throw new IllegalArgumentException("imagePullDelayMillis < 0: " + ms);
            }
            this.pullDelayMillis = ms;
            return this;
        }

        /** How long extracting a downloaded image takes (default half the pull delay). */
        public Builder imageExtractDelayMillis(long ms) {
            if (ms < 0) {
                throw new IllegalArgumentException("imageExtractDelayMillis < 0: " + ms);
            }
            this.extractDelayMillis = ms;
            return this;
        }

        /**
         * The installed packages (default routeros and container). Without "container" the router has no
         * /container menu, as a router without the package: its commands answer "no such command or directory".
         */
        public Builder packages(String... names) {
            Set<String> set = new java.util.LinkedHashSet<>(java.util.List.of(names));
            for (String n : set) {
                if (!KNOWN_PACKAGES.contains(n)) {
                    throw new IllegalArgumentException("unknown package: " + n + " (known: " + KNOWN_PACKAGES + ")");
                }
            }
            if (!set.contains("routeros")) {
                throw new IllegalArgumentException("packages must include routeros: " + set);
            }
            this.packages = java.util.Collections.unmodifiableSet(set);
            return this;
        }

        public RouterOsSimulator build() {
            return new RouterOsSimulator(this);
        }

        private static int port(int port, String name, boolean allowOff) {
            if (port < (allowOff ? -1 : 0) || port > 65535) {
                throw new IllegalArgumentException(name + " out of range: " + port);
            }
            return port;
        }
    }
}
