package com.nasnetconnect.routeros.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code simulate} command line:
 * {@code simulate --port P --version V --user U --password W [--tls-port P2] [--state FILE] [--control-port P3]
 * [--bind ADDRESS] [--identity NAME] [--packages LIST] [--pull-delay MS] [--routers N]}. Runs until the process
 * is killed. With {@code --routers N}, N independent routers listen on ports P … P+N−1 (identities NAME-1 … NAME-N),
 * for fleet tests and benchmarks.
 */
public final class SimulatorCommand {

    static final String USAGE = """
            usage: simulate --port P --version V --user U --password W [--tls-port P2] [--state FILE] [--control-port P3]
                            [--bind ADDRESS] [--identity NAME] [--packages LIST] [--pull-delay MS] [--routers N]
              --port P           API port (8728 on a real router; 0 = any free port)
              --version V        RouterOS version to emulate: 7.16.2 or 7.23.3
              --user U           API user name
              --password W       API password
              --tls-port P2      also serve API-SSL with a self-signed certificate on this port
              --state FILE       keep the configuration in this JSON file across restarts
              --control-port P3  loopback-only HTTP control endpoint (fault injection, state)
              --bind ADDRESS     address to bind (default 127.0.0.1)
              --identity NAME    router identity (default MikroTik)
              --packages LIST    installed packages, comma-separated (default routeros,container)
              --pull-delay MS    container image download time; extraction takes half (default 2000)
              --routers N        simulate N routers on ports P..P+N-1, identities NAME-1..NAME-N (default 1;
                                 not with --tls-port, --control-port or --state)""";

    private SimulatorCommand() {
    }

    /** Standalone entry point: {@code java -cp ... com.nasnetconnect.routeros.sim.SimulatorCommand --port ...}. */
    public static void main(String[] args) {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses the arguments and starts the simulator; blocks until the process ends. Returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        RouterOsSimulator sim;
        try {
            int routers = routers(args);
            RouterOsSimulator.Builder b = parse(withoutRouters(args));
            if (b == null) {
                out.println(USAGE);
                return 0;
            }
            if (routers > 1) return runFleet(withoutRouters(args), routers, out);
            sim = b.build().start();
        } catch (IllegalArgumentException e) {
            out.println("simulate: " + e.getMessage());
            out.println("run 'simulate --help' for usage");
            return 2;
        } catch (RuntimeException e) {
            out.println("simulate: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("RouterOS " + sim.version() + " simulator listening on API port " + sim.apiPort()
                + (sim.tlsPort() >= 0 ? ", API-SSL port " + sim.tlsPort() : "")
                + (sim.controlPort() >= 0 ? ", control port " + sim.controlPort() : ""));
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            forever.countDown();
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            forever.await();
        } catch (InterruptedException e) {
            // an embedding caller stopped us: close and return normally
            Thread.currentThread().interrupt();
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
        return 0;
    }

    /** {@code --routers N}: N routers on consecutive ports; returns when the process is stopped. */
    private static int runFleet(String[] args, int routers, PrintStream out) {
        var options = java.util.List.of(args);
        if (options.contains("--tls-port") || options.contains("--control-port") || options.contains("--state")) {
            throw new IllegalArgumentException("--routers cannot be combined with --tls-port, --control-port or --state");
        }
        int first = port("--port", args[options.indexOf("--port") + 1]);
        if (first == 0) throw new IllegalArgumentException("--routers needs a fixed --port (the first of N consecutive ports)");
        if (first + routers - 1 > 65535) {
            throw new IllegalArgumentException("--routers " + routers + " from port " + first + " goes past port 65535");
        }
        int at = options.indexOf("--identity");
        String identity = at < 0 ? "MikroTik" : args[at + 1];
        var fleet = new java.util.ArrayList<RouterOsSimulator>(routers);
        try {
            for (int i = 0; i < routers; i++) {
                fleet.add(parse(args).apiPort(first + i).identity(identity + "-" + (i + 1)).build().start());
            }
        } catch (RuntimeException e) {
            fleet.forEach(RouterOsSimulator::close);
            out.println("simulate: cannot start router " + (fleet.size() + 1) + " on port " + (first + fleet.size()) + ": " + e.getMessage());
            return 1;
        }
        out.println(routers + " RouterOS " + fleet.getFirst().version() + " simulators listening on API ports " + first
                + ".." + (first + routers - 1));
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.forEach(RouterOsSimulator::close);
            forever.countDown();
        }, "sim-shutdown"));
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fleet.forEach(RouterOsSimulator::close);
        }
        return 0;
    }

    /** The value of {@code --routers} (1 when absent), checked. */
    static int routers(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--routers")) {
                try {
                    int n = Integer.parseInt(args[i + 1]);
                    if (n < 1 || n > 10_000) throw new IllegalArgumentException("--routers must be 1..10000: " + n);
                    return n;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--routers is not a number: '" + args[i + 1] + "'");
                }
            }
        }
        return 1;
    }

    private static String[] withoutRouters(String[] args) {
        var out = new java.util.ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--routers") && i + 1 < args.length) {
                i++;
                continue;
            }
            out.add(args[i]);
        }
        return out.toArray(String[]::new);
    }

    /** Returns the configured builder, or null when help was asked. */
    static RouterOsSimulator.Builder parse(String[] args) {
        RouterOsSimulator.Builder b = RouterOsSimulator.builder();
        Integer port = null;
        String version = null;
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> port = port(a, v);
                case "--version" -> version = v;
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--tls-port" -> b.tlsPort(port(a, v));
                case "--control-port" -> b.controlPort(port(a, v));
                case "--state" -> b.stateFile(Path.of(v));
                case "--bind" -> b.bindAddress(v);
                case "--identity" -> b.identity(v);
                case "--packages" -> b.packages(v.split(","));
                case "--pull-delay" -> b.imagePullDelayMillis(millis(a, v));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("missing --port");
        }
        if (version == null) {
            throw new IllegalArgumentException("missing --version");
        }
        if (user == null) {
            throw new IllegalArgumentException("missing --user");
        }
        if (password == null) {
            throw new IllegalArgumentException("missing --password");
        }
        return b.apiPort(port).version(version).credentials(user, password);
    }

    private static int port(String option, String v) {
        int p;
        try {
            p = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is not a port number: '" + v + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(option + " out of range 0..65535: " + p);
        }
        return p;
    }

    private static long millis(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs milliseconds, not '" + value + "'");
        }
    }
}
