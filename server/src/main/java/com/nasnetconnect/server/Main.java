package com.nasnetconnect.server;

import com.nasnetconnect.server.config.ConfigException;
import com.nasnetconnect.server.config.ServerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar nasnetconnect.jar [command]}. Reads top to bottom: pick the command, run it, turn any
 * start-up problem into one line on stderr and a non-zero exit code.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar nasnetconnect.jar [command] [options]

            Commands:
              serve       run the server (the default). Configured by environment variables or a config file:
                          NNC_PORT (8080), NNC_BIND (0.0.0.0), NNC_DATA_DIR (./data), NNC_ADMIN_PASSWORD,
                          NNC_DEMO (true), NNC_DEMO_API_PORT (8728), NNC_DEMO_VERSION (7.16.2),
                          NNC_POLL_SECONDS (2), NNC_CONFIG (properties file; default <data dir>/nasnetconnect.properties)
              simulate    run a standalone RouterOS simulator:
                          simulate --port P --version V --user U --password W [--tls-port P2] [--state FILE]
              apikey      manage GraphQL API keys: apikey create --name N --role R [--data-dir D] | list | revoke --name N
              rotate-key  re-encrypt every stored secret with a new key [--data-dir D]
              db          quarantined router databases: db quarantine list [--data-dir D]
                          | db quarantine release --router ID [--from FILE] [--data-dir D] (db --help explains)
              events      event log: events archive --older-than DURATION --cold-dir C [--data-dir D]
              release     a signed update repository: release keygen --out DIR | publish --key K --repo R --version V
                          --severity S --artifact F [--expires D] [--notes T] | refresh | rotate-root (release --help)
              bench       measure: bench apply|factory|events|graphql|fleet (bench --help; first line: the summary)
              help        show this text
            """;

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /**
     * The AOT training run ({@code ./nnc aot}, the launcher's first start) serves on a free loopback port of its own,
     * whatever NNC_PORT and NNC_BIND say, so it never collides with the server it prepares.
     */
    static Map<String, String> trainingEnvironment(Map<String, String> env) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            copy.put("NNC_PORT", String.valueOf(probe.getLocalPort()));
        } catch (java.io.IOException e) {
            throw new StartupException("no free loopback port for the AOT training run: " + e.getMessage(), e);
        }
        copy.put("NNC_BIND", "127.0.0.1");
        return copy;
    }

    /** Our logging.properties, unless the user named their own. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) return;
        try (var in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) java.util.logging.LogManager.getLogManager().readConfiguration(in);
        } catch (java.io.IOException e) {
            System.err.println("nasnetconnect: logging configuration unreadable: " + e.getMessage());
        }
    }

    /** Runs a command; for {@code serve} it returns only when the server stops. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "serve" -> serve(env, out);
                case "simulate" -> Commands.simulate(rest, out, err);
                case "apikey" -> Commands.apikey(rest, env, out, err);
                case "rotate-key" -> Commands.rotateKey(rest, env, out, err);
                case "db" -> Commands.db(rest, env, out, err);
                case "events" -> new com.nasnetconnect.server.cli.EventsCommand(env, java.time.Clock.systemUTC()).execute(rest, out, err);
                case "release" -> Commands.release(rest, out, err);
                case "bench" -> com.nasnetconnect.server.bench.Benchmarks.run(List.of(rest), out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("nasnetconnect: unknown command '" + command + "' (try --help)");
                    yield 2;
                }
            };
        } catch (ConfigException | StartupException e) {
            err.println("nasnetconnect: " + e.getMessage());
            return 2;
        }
    }

    private static int serve(Map<String, String> env, PrintStream out) {
        boolean training = "true".equals(env.get("NNC_AOT_TRAINING"));
        if (training) env = trainingEnvironment(env);
        ServerConfig config = ServerConfig.load(env);
        Application app = Wiring.start(config, env, Clock.systemUTC(), out);
        // start-up's garbage is collected (and a heap that may shrink gives it back) shortly after, not now: HeapTrim
        HeapTrim trim = training ? null : HeapTrim.startIfSerial();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (trim != null) trim.close();
            app.close();
            stopped.countDown();
        }, "shutdown"));
        if (training) {
            Training.exercise(app, out);
            app.close();
            return 0;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
