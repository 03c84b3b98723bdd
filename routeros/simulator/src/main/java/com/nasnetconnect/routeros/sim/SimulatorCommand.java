package com.nasnetconnect.routeros.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code simulate} command line:
 * {@code simulate --port P --version V --user U --password W [--tls-port P2] [--state FILE] [--control-port P3]
 * [--bind ADDRESS] [--identity NAME] [--packages LIST] [--pull-delay MS]}. Runs until the process is killed.
 */
public final class SimulatorCommand {

    static final String USAGE = """
            usage: simulate --port P --version V --user U --password W [--tls-port P2] [--state FILE] [--control-port P3]
                            [--bind ADDRESS] [--identity NAME] [--packages LIST] [--pull-delay MS]
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
              --pull-delay MS    container image download time; extraction takes half (default 2000)""";

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
            RouterOsSimulator.Builder b = parse(args);
            if (b == null) {
                out.println(USAGE);
                return 0;
            }
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
