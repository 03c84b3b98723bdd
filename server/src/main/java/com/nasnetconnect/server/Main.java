package com.nasnetconnect.server;

import com.nasnetconnect.server.config.ServerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar nasnetconnect.jar [command]}. Reads top to bottom: pick the command, run it, turn any
 * start-up problem into one line on stderr and a non-zero exit code.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) System.exit(code);
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

    /** Runs a command (no command: {@code serve}, which returns only when the server stops); see {@link Commands}. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Commands.commandLine(env, Clock.systemUTC(), () -> serve(env, out), out, err).execute(args);
    }

    private static int serve(Map<String, String> env, PrintStream out) {
        ServerConfig config = ServerConfig.load(env);
        Application app = Wiring.start(config, env, Clock.systemUTC(), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        if ("true".equals(env.get("NNC_AOT_TRAINING"))) {
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
